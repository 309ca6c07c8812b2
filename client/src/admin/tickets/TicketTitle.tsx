import { useRecordContext } from 'react-admin';
import type { TicketRecord } from '../providers/tickets.provider';

/** The page title (and browser tab): "#12 · Subject". */
export function TicketTitle() {
  const ticket = useRecordContext<TicketRecord>();
  return <span>{ticket ? `#${ticket.number} · ${ticket.subject}` : 'Ticket'}</span>;
}
