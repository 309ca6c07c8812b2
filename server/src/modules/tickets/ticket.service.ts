import { type FilterQuery, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { isBlank, visibleLength } from '../../common/input-hygiene';
import { containsPattern } from '../../common/like';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { readableRows } from '../../permissions/access';
import { ticketCommentAccess } from './ticket.access';
import type { ConnectionArgs, ConnectionShape } from '../../common/pagination/connection';
import { dateSort, paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import type { LeanInclude } from '../../database/lean-find';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { isPlatformScope, scopeOptions, requireTenant, userIdOf } from '../../context/scope';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { stageRealtimeEvent } from '../realtime/stage';
import { ticketCommentData, ticketData } from '../webhooks/webhook.events';
import { notifyTicketAssigned, notifyTicketReply } from '../notifications/producers';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { TicketComment } from './ticket-comment.entity';
import { Ticket, TicketPriority } from './ticket.entity';
import {
  type AddTicketCommentInput,
  type CreateTicketInput,
  type TicketFilter,
  ticketList,
  type TicketsArgs,
  type UpdateTicketInput,
} from './ticket.inputs';
import { SortDirection } from '../../common/pagination/connection';

function whereOf(ctx: Context, filter?: TicketFilter | null): FilterQuery<Ticket> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.priority?.length) where.priority = { $in: filter.priority };
  if (filter.assigneeId && filter.unassigned) {
    throw badInput('Use either "assigneeId" or "unassigned", not both.', [{ field: 'filter.unassigned', message: 'Conflicts with assigneeId.' }]);
  }
  if (filter.assigneeId) where.assignee = expectGlobalId(filter.assigneeId, 'User', 'filter.assigneeId');
  if (filter.unassigned === true) where.assignee = null;
  if (filter.unassigned === false) where.assignee = { $ne: null };
  if (filter.requesterId) where.requester = expectGlobalId(filter.requesterId, 'User', 'filter.requesterId');
  if (filter.text?.trim()) {
    const pattern = containsPattern(filter.text.trim());
    where.$or = [{ subject: { $ilike: pattern } }, { body: { $ilike: pattern } }];
  }
  // Inside a tenant the filter already pins the tenant; another tenant's id simply matches nothing.
  if (filter.tenantId) where.tenant = expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId');
  return where;
}

export async function listTickets(ctx: Context, args: TicketsArgs, selection: PageSelection = {}): Promise<ConnectionShape<Ticket>> {
  const where = whereOf(ctx, args.filter);
  const page = await paginate({ em: ctx.em, entity: Ticket, where, args, sort: ticketList.sortOf(args), options: scopeOptions(ctx), ...selection });
  await auditPlatformAccess(ctx, 'tickets', { filter: args.filter ?? null }, (where as { tenant?: string }).tenant ?? null);
  return page;
}

/** A plain first page of a ticket's comments to read with the ticket itself (the caller selects it). */
export interface CommentsAhead {
  readonly limit: number;
  readonly include: readonly LeanInclude[];
}

export async function getTicket(ctx: Context, id: string, commentsAhead?: CommentsAhead | null): Promise<Ticket> {
  // With its first comments selected, the ticket and that page are one statement.
  const withComments = commentsAhead ? await ctx.loaders.tickets.readWithFirstComments(id, commentsAhead.limit, commentsAhead.include) : undefined;
  const ticket = withComments === undefined ? await ctx.loaders.tickets.readById.load(id) : withComments;
  if (!ticket) throw notFound('Ticket');
  await auditPlatformAccess(ctx, 'ticket', { ticketId: id }, ticket.tenant.id);
  return ticket;
}

const staleVersion = () => conflict('Someone else changed this ticket since you loaded it. Reload it and try again.', ErrorReason.STALE_VERSION);
// class-validator checks the length as sent; this checks it after trimming.
const SUBJECT_RULE = 'Subject must be between 3 and 200 characters.';
const badSubject = () => badInput(SUBJECT_RULE, [{ field: 'subject', message: SUBJECT_RULE }]);

/** Next ticket number: the tenant row is locked until commit, so numbers never gap or repeat. */
async function nextTicketNumber(em: EntityManager, tenantId: string): Promise<number> {
  const rows = await tenantQuery<{ ticket_seq: number }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`update tenants set ticket_seq = ticket_seq + 1 where ${tenantIs(reach, 'tenants.id')} returning ticket_seq`,
  );
  const seq = rows[0]?.ticket_seq;
  if (seq === undefined) throw notFound('Tenant');
  return seq;
}

export interface NewTicket {
  tenantId: string;
  requesterId: string;
  subject: string;
  body: string;
  priority: TicketPriority;
  correlationId: string;
  /** Extra facts for the audit row, e.g. the message it came from. */
  auditDetails?: Record<string, unknown>;
}

/**
 * Inserts a numbered ticket in `em`'s transaction and audits it there. createTicket uses it, and
 * so does message ingestion, which opens tickets from inbound messages.
 */
export async function insertTicket(ctx: Context, em: EntityManager, data: NewTicket): Promise<Ticket> {
  const ticket = em.create(Ticket, {
    tenant: em.getReference(Tenant, data.tenantId),
    number: await nextTicketNumber(em, data.tenantId),
    subject: data.subject,
    body: data.body,
    priority: data.priority,
    requester: em.getReference(User, data.requesterId),
    correlationId: data.correlationId,
  });
  em.persist(ticket);
  recordAudit(ctx, em, {
    action: 'ticket.created',
    tenantId: data.tenantId,
    target: { type: 'Ticket', id: ticket.id },
    diff: { after: { number: ticket.number, subject: data.subject, priority: TicketPriority[ticket.priority] }, ...data.auditDetails },
  });
  await emitWebhookEvent(em, data.tenantId, 'ticket.created', { ticket: ticketData(ticket) });
  stageRealtimeEvent(em, { type: 'ticket', tenantId: data.tenantId, ticketId: ticket.id, kind: 'CREATED' });
  return ticket;
}

export async function createTicket(ctx: Context, input: CreateTicketInput): Promise<Ticket> {
  const { tenantId, userId } = requireTenant(ctx);
  const subject = input.subject.trim();
  const body = input.body.trim();
  if (visibleLength(subject) < 3) throw badSubject();
  if (isBlank(body)) throw badInput('Describe the problem.', [{ field: 'body', message: 'Describe the problem.' }]);
  return ctx.em.transactional((em) =>
    insertTicket(ctx, em, { tenantId, requesterId: userId, subject, body, priority: input.priority ?? TicketPriority.NORMAL, correlationId: ctx.correlationId }),
  );
}

async function resolveAssignee(em: EntityManager, tenantId: string, globalId: string): Promise<string> {
  const userId = expectGlobalId(globalId, 'User', 'assigneeId');
  const member = await em.count(Membership, { user: userId, tenant: tenantId }, { filters: false });
  if (!member) throw notFound('Assignee');
  return userId;
}

/** What notifications say about a ticket. */
function ticketFacts(ticket: Ticket) {
  return {
    id: ticket.id,
    tenantId: ticket.tenant.id,
    number: ticket.number,
    subject: ticket.subject,
    requesterId: ticket.requester.id,
    assigneeId: ticket.assignee?.id ?? null,
  };
}

/** The caller raised the ticket or works it: without ticket:assign, the only tickets they may change. */
function isOwnTicket(ctx: Context, ticket: Ticket): boolean {
  const userId = userIdOf(ctx);
  return userId !== null && (ticket.requester.id === userId || ticket.assignee?.id === userId);
}

/**
 * Changes a ticket. ticket:write lets a member change the tickets they raised or are assigned;
 * changing anyone else's, or the assignee of any, needs ticket:assign (or platform:ticket:write).
 */
export async function updateTicket(ctx: Context, input: UpdateTicketInput): Promise<Ticket> {
  const id = expectGlobalId(input.id, 'Ticket');
  const platform = isPlatformScope(ctx);
  if (input.assigneeId !== undefined && !ctx.permissions.has('ticket:assign') && !ctx.permissions.has('platform:ticket:write')) {
    throw forbidden('Assigning tickets needs the ticket:assign permission.', ErrorReason.MISSING_PERMISSION);
  }
  if (input.subject !== undefined && input.subject !== null && visibleLength(input.subject) < 3) {
    throw badSubject();
  }
  if (input.body !== undefined && input.body !== null && isBlank(input.body)) {
    throw badInput('The body cannot be blank.', [{ field: 'body', message: 'The body cannot be blank.' }]);
  }
  try {
    return await ctx.em.transactional(async (em) => {
      const ticket = await em.findOne(Ticket, { id }, scopeOptions(ctx));
      if (!ticket) throw notFound('Ticket');
      if (!platform && !ctx.permissions.has('ticket:assign') && !isOwnTicket(ctx, ticket)) {
        throw forbidden("Changing someone else's ticket needs the ticket:assign permission; you may change the tickets you raised or are assigned.", ErrorReason.MISSING_PERMISSION);
      }
      if (ticket.version !== input.version) {
        throw staleVersion();
      }
      const before = {
        subject: ticket.subject,
        body: ticket.body,
        status: ticket.status,
        priority: TicketPriority[ticket.priority],
        assigneeId: ticket.assignee?.id ?? null,
      };
      const assigneeId =
        input.assigneeId === undefined ? undefined : input.assigneeId === null ? null : await resolveAssignee(em, ticket.tenant.id, input.assigneeId);
      const after = {
        subject: input.subject?.trim() ?? undefined,
        body: input.body?.trim() ?? undefined,
        status: input.status ?? undefined,
        priority: input.priority !== undefined && input.priority !== null ? TicketPriority[input.priority] : undefined,
        assigneeId,
      };
      const diff = diffOf(before, after);
      if (!diff) return ticket;
      if (after.subject !== undefined) ticket.subject = after.subject;
      if (after.body !== undefined) ticket.body = after.body;
      if (input.status) ticket.status = input.status;
      if (input.priority !== undefined && input.priority !== null) ticket.priority = input.priority;
      if (assigneeId !== undefined) ticket.assignee = assigneeId ? em.getReference(User, assigneeId, { wrapped: true }) : undefined;
      recordAudit(ctx, em, {
        action: 'ticket.updated',
        tenantId: ticket.tenant.id,
        target: { type: 'Ticket', id: ticket.id },
        diff: platform ? { ...diff, viaPlatform: true } : diff,
      });
      await emitWebhookEvent(em, ticket.tenant.id, 'ticket.updated', { ticket: ticketData(ticket), changes: diff });
      if (assigneeId && assigneeId !== before.assigneeId) await notifyTicketAssigned(em, ticketFacts(ticket), assigneeId, userIdOf(ctx));
      stageRealtimeEvent(em, { type: 'ticket', tenantId: ticket.tenant.id, ticketId: ticket.id, kind: 'UPDATED' });
      return ticket;
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) {
      throw staleVersion();
    }
    throw err;
  }
}

/**
 * Adds a comment. Inside a tenant: a member with ticket:comment; an internal note needs
 * ticket:assign (the tenant's agents). Outside any tenant: staff with platform:ticket:reply, on
 * any tenant's ticket, shown to the customer as "Atrium support"; audited. Internal notes go to
 * webhooks marked `internal: true` (endpoints are the tenant's own, set up by its admins).
 */
/**
 * Who may write on a ticket (a comment, an attachment): a signed-in member acting in the tenant
 * (the resolver's rule asks ticket:comment), or staff with platform:ticket:reply.
 */
export function ticketWriter(ctx: Context): { userId: string; staff: boolean } {
  const userId = userIdOf(ctx);
  if (!userId) throw forbidden('Only a signed-in person can write on a ticket.', ErrorReason.MISSING_PERMISSION);
  const staff = isPlatformScope(ctx);
  if (staff && !ctx.permissions.has('platform:ticket:reply')) {
    throw forbidden('Replying to a customer ticket needs the platform:ticket:reply permission.', ErrorReason.MISSING_PERMISSION);
  }
  if (!staff) requireTenant(ctx);
  return { userId, staff };
}

/** Internal notes and attachments are written by the tenant's agents (ticket:assign) and staff. */
export function assertMayWriteInternal(ctx: Context, staff: boolean, what: string): void {
  if (!staff && !ctx.permissions.has('ticket:assign')) {
    throw forbidden(`Internal ${what} are for the tenant's agents: they need the ticket:assign permission.`, ErrorReason.MISSING_PERMISSION);
  }
}

export async function addTicketComment(ctx: Context, input: AddTicketCommentInput): Promise<TicketComment> {
  const { userId, staff } = ticketWriter(ctx);
  const internal = input.internal === true;
  if (internal) assertMayWriteInternal(ctx, staff, 'notes');
  const ticketId = expectGlobalId(input.ticketId, 'Ticket', 'ticketId');
  const body = input.body.trim();
  if (isBlank(body)) throw badInput('A comment cannot be empty.', [{ field: 'body', message: 'A comment cannot be empty.' }]);
  const ticket = await ctx.loaders.tickets.byId.load(ticketId);
  if (!ticket) throw notFound('Ticket');
  const tenantId = ticket.tenant.id;
  return ctx.em.transactional(async (em) => {
    const comment = em.create(TicketComment, {
      tenant: em.getReference(Tenant, tenantId),
      ticket: em.getReference(Ticket, ticket.id),
      author: em.getReference(User, userId),
      body,
      internal,
      fromSupport: staff,
    });
    em.persist(comment);
    if (staff || internal) {
      // The body stays out of the trail: who wrote what kind of comment, on which ticket.
      recordAudit(ctx, em, {
        action: internal ? 'ticket.internal_note_added' : 'ticket.support_replied',
        tenantId,
        target: { type: 'Ticket', id: ticket.id },
        diff: { after: { commentId: toGlobalId('TicketComment', comment.id), internal, ...(staff ? { viaPlatform: true } : {}) } },
      });
    }
    await emitWebhookEvent(em, tenantId, 'ticket.comment.created', ticketCommentData(comment, ticket));
    // An internal note notifies only those who may read notes; a support reply is signed
    // "Atrium support", as customers see it on the ticket (never the staff member's name).
    const author = staff ? null : await ctx.loaders.users.byId.load(userId);
    const authorName = staff ? 'Atrium support' : (author?.name ?? 'Someone');
    await notifyTicketReply(em, ticketFacts(ticket), { authorId: userId, authorName, body, visibility: internal ? 'INTERNAL' : 'PUBLIC' });
    stageRealtimeEvent(em, { type: 'ticket', tenantId, ticketId: ticket.id, kind: 'COMMENTED', commentId: comment.id });
    return comment;
  });
}

/** Comments read oldest first, in the batched first page and in every other page alike. */
export const COMMENT_ORDER = dateSort<TicketComment>('createdAt', SortDirection.ASC);

export async function listComments(ctx: Context, ticket: Ticket, args: ConnectionArgs): Promise<ConnectionShape<TicketComment>> {
  const readable = readableRows(ctx, ticketCommentAccess);
  if (!readable) throw notFound('Ticket');
  return paginate({
    em: ctx.em,
    entity: TicketComment,
    where: { $and: [{ ticket: ticket.id }, readable.where] },
    args,
    sort: COMMENT_ORDER,
    options: scopeOptions(ctx),
  });
}
