import { defineModule, nodeType } from '../../common/module';
import { inboundMessageAccess } from './message.access';
import { InboundMessage } from './message.entity';
import { MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver } from './message.resolver';
import { messagePermissions } from './message.permissions';
import { createMessageLoaders } from './message.loaders';
import { messageCorrelationItems } from './message.correlation';
import { createMessageRouter } from './message.http';

export const messagesModule = defineModule({
  name: 'messages',
  entities: [InboundMessage],
  resolvers: [MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver],
  permissions: messagePermissions,
  loaders: createMessageLoaders,
  correlationSources: [messageCorrelationItems],
  // Inbound messages over plain HTTP (e-mail gateways, webhooks); same rules as ingestMessage.
  http: [{ path: '/api/messages', router: ({ contextOf }) => createMessageRouter(contextOf) }],
  nodeTypes: {
    InboundMessage: nodeType(InboundMessage, inboundMessageAccess),
  },
});
