import { defineModule, nodeType } from '../../common/module';
import { InboundMessage } from './message.entity';
import { MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver } from './message.resolver';
import { messagePermissions } from './message.permissions';
import { createMessageLoaders } from './message.loaders';

export const messagesModule = defineModule({
  name: 'messages',
  entities: [InboundMessage],
  resolvers: [MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver],
  permissions: messagePermissions,
  loaders: createMessageLoaders,
  nodeTypes: {
    InboundMessage: nodeType(InboundMessage, ['message:read', 'platform:message:read']),
  },
});
