import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenancy/tenant.entity';
import type { User } from '../users/user.entity';
import { TicketComment } from './ticket-comment.entity';
import { Ticket, TicketPriority, TicketStatus } from './ticket.entity';

export interface TicketData {
  subject?: string;
  body?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  assignee?: User | null;
  createdAt?: Date;
  correlationId?: string;
}

/** A ticket numbered from the tenant's sequence (the tenant entity must be managed by `em`). */
export function makeTicket(em: EntityManager, tenant: Tenant, requester: User, data: TicketData = {}): Ticket {
  tenant.ticketSeq += 1;
  const createdAt = data.createdAt ?? new Date();
  const ticket = em.create(Ticket, {
    tenant,
    number: tenant.ticketSeq,
    subject: data.subject ?? `Ticket ${tenant.ticketSeq}`,
    body: data.body ?? 'Details of the problem.',
    status: data.status ?? TicketStatus.OPEN,
    priority: data.priority ?? TicketPriority.NORMAL,
    requester,
    assignee: data.assignee ?? undefined,
    correlationId: data.correlationId,
    createdAt,
    updatedAt: createdAt,
  });
  em.persist(ticket);
  return ticket;
}

export function makeComment(em: EntityManager, ticket: Ticket, author: User, body: string, createdAt = new Date()): TicketComment {
  const comment = em.create(TicketComment, { tenant: ticket.tenant, ticket, author, body, createdAt, updatedAt: createdAt });
  em.persist(comment);
  return comment;
}
