import { correlationSource } from '../../common/correlation-source';
import { ticketAccess } from './ticket.access';
import { Ticket } from './ticket.entity';

/** Tickets sharing a correlation id, as the caller may read them. */
export const ticketCorrelationItems = correlationSource({
  kind: 'TICKET',
  entity: Ticket,
  access: ticketAccess,
  at: 'createdAt',
  title: (t) => `Ticket #${t.number}: ${t.subject}`,
});
