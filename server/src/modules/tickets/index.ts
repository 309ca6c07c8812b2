import { defineModule, nodeType } from '../../common/module';
import { ticketCorrelationItems } from './ticket.correlation';
import { ticketAccess, ticketCommentAccess } from './ticket.access';
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
  correlationSources: [ticketCorrelationItems],
  loaders: createTicketLoaders,
  nodeTypes: {
    Ticket: nodeType(Ticket, ticketAccess),
    TicketComment: nodeType(TicketComment, ticketCommentAccess),
  },
  widgets: { [WidgetType.OPEN_TICKETS_BY_STATUS]: openTicketsWidget },
});
