import { defineAccess } from '../../permissions/access';
import type { TicketComment } from './ticket-comment.entity';
import type { Ticket } from './ticket.entity';

/** Tickets: members with ticket:read see their tenant's; staff with platform:ticket:read see all. */
export const ticketAccess = defineAccess<Ticket>({ type: 'Ticket', tenant: 'ticket:read', platform: 'platform:ticket:read' });

/** Comments are read with their ticket. */
export const ticketCommentAccess = defineAccess<TicketComment>({ type: 'TicketComment', tenant: 'ticket:read', platform: 'platform:ticket:read' });
