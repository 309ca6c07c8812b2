import type { TicketPriority, TicketStatus } from '../../../gql/graphql';

export const TICKET_STATUSES: readonly TicketStatus[] = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

export const STATUS_LABEL: Record<TicketStatus, string> = { OPEN: 'Open', PENDING: 'Pending', RESOLVED: 'Resolved', CLOSED: 'Closed' };
export const PRIORITY_LABEL: Record<TicketPriority, string> = { URGENT: 'Urgent', HIGH: 'High', NORMAL: 'Normal', LOW: 'Low' };

export function isTicketStatus(v: string): v is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(v);
}
export function isTicketPriority(v: string): v is TicketPriority {
  return (TICKET_PRIORITIES as readonly string[]).includes(v);
}
