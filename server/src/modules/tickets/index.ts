import { defineModule, nodeType } from '../../common/module';
import { WidgetType } from '../../common/widget';
import { Ticket } from './ticket.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketResolver, TicketCommentResolver } from './ticket.resolver';
import { ticketPermissions } from './ticket.permissions';
import { createTicketLoaders } from './ticket.loaders';
import { openTicketsWidget } from './ticket.widgets';

export const ticketsModule = defineModule({
  name: 'tickets',
  entities: [Ticket, TicketComment],
  resolvers: [TicketResolver, TicketCommentResolver],
  permissions: ticketPermissions,
  loaders: createTicketLoaders,
  nodeTypes: {
    Ticket: nodeType(Ticket, ['ticket:read', 'platform:ticket:read']),
    TicketComment: nodeType(TicketComment, ['ticket:read', 'platform:ticket:read']),
  },
  widgets: { [WidgetType.OPEN_TICKETS_BY_STATUS]: openTicketsWidget },
});
