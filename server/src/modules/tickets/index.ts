import { defineModule, nodeType } from '../../common/module';
import { ticketCorrelationItems } from './ticket.correlation';
import { ticketAccess, ticketAttachmentAccess, ticketCommentAccess } from './ticket.access';
import { WidgetType } from '../../common/widget';
import { Ticket } from './ticket.entity';
import { TicketComment } from './ticket-comment.entity';
import { TicketAttachment } from './ticket-attachment.entity';
import { createTicketRouter } from './ticket.http';
import { TicketAttachmentResolver, TicketResolver, TicketCommentResolver } from './ticket.resolver';
import { ticketPermissions } from './ticket.permissions';
import { createTicketLoaders } from './ticket.loaders';
import { openTicketsWidget } from './ticket.widgets';

export const ticketsModule = defineModule({
  name: 'tickets',
  entities: [Ticket, TicketComment, TicketAttachment],
  resolvers: [TicketResolver, TicketCommentResolver, TicketAttachmentResolver],
  http: [{ path: '/api/tickets', router: createTicketRouter }],
  permissions: ticketPermissions,
  correlationSources: [ticketCorrelationItems],
  loaders: createTicketLoaders,
  nodeTypes: {
    Ticket: nodeType(Ticket, ticketAccess),
    TicketComment: nodeType(TicketComment, ticketCommentAccess),
    TicketAttachment: nodeType(TicketAttachment, ticketAttachmentAccess),
  },
  widgets: { [WidgetType.OPEN_TICKETS_BY_STATUS]: openTicketsWidget },
});
