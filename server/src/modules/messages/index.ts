import { defineModule, nodeType } from '../../common/module';
import { InboundMessage } from './message.entity';
import { MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver } from './message.resolver';
import { messagePermissions } from './message.permissions';
import { createMessageLoaders } from './message.loaders';
import { messageCorrelationItems } from './message.correlation';

export const messagesModule = defineModule({
  name: 'messages',
  entities: [InboundMessage],
  resolvers: [MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver],
  permissions: messagePermissions,
  loaders: createMessageLoaders,
  correlationSources: [messageCorrelationItems],
  nodeTypes: {
    InboundMessage: nodeType(InboundMessage, ['message:read', 'platform:message:read']),
  },
});
