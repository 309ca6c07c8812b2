import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenancy/tenant.entity';
import type { User } from '../users/user.entity';
import type { LocalDocumentStore } from '../../common/files/file-store';
import { uuidv7 } from '../../common/uuid';
import { TicketAttachment } from './ticket-attachment.entity';
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

/** An attachment with its file written to `store` (seed data, tests); the ticket must be managed by `em`. */
export async function makeAttachment(
  em: EntityManager,
  store: LocalDocumentStore,
  ticket: Ticket,
  uploader: User,
  content: Buffer,
  data: { filename?: string; internal?: boolean } = {},
): Promise<TicketAttachment> {
  const id = uuidv7();
  const storageKey = store.keyFor(ticket.tenant.id, id);
  const file = await store.put(storageKey, content);
  const attachment = em.create(TicketAttachment, {
    id,
    tenant: ticket.tenant,
    ticket,
    uploadedBy: uploader,
    filename: data.filename ?? 'attachment.pdf',
    ...file,
    storageKey,
    internal: data.internal ?? false,
  });
  em.persist(attachment);
  return attachment;
}
