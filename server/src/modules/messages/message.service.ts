import { type FilterQuery, ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, AppError, badInput, forbidden, isErrorReason, notFound } from '../../common/errors';
import { isBlank, visibleLength } from '../../common/input-hygiene';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { requireTenant, scopeOptions } from '../../context/scope';
import { auditPlatformAccess } from '../audit/audit.service';
import { RunTrigger } from '../runs/run.entity';
import { enqueueRun, resolveTool } from '../runs/run.service';
import { recordSystemEvent } from '../events/event.service';
import { EventSeverity } from '../events/system-event.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { TicketPriority } from '../tickets/ticket.entity';
import { insertTicket } from '../tickets/ticket.service';
import { isJsonObject, jsonSize, MAX_INPUT_BYTES } from '../tools/tool.json-schema';
import { User } from '../users/user.entity';
import { InboundMessage, MessageStatus } from './message.entity';
import { type IngestMessageInput, messageList, type MessagesArgs } from './message.inputs';

export const MAX_PAYLOAD_BYTES = MAX_INPUT_BYTES;

export async function listMessages(ctx: Context, args: MessagesArgs, selection: PageSelection = {}): Promise<ConnectionShape<InboundMessage>> {
  const f = args.filter;
  const where: FilterQuery<InboundMessage> & Record<string, unknown> = {};
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.channel?.length) where.channel = { $in: f.channel };
  if (f?.correlationId) where.correlationId = f.correlationId;
  if (f?.sender) where.sender = f.sender;
  if (f?.from || f?.to) where.receivedAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
  // Inside a tenant the filter pins the tenant already; another tenant's id matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  const page = await paginate({
    em: ctx.em,
    entity: InboundMessage,
    where,
    args,
    sort: messageList.sortOf(args),
    options: scopeOptions(ctx),
    ...selection,
  });
  await auditPlatformAccess(ctx, 'messages', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

export async function getMessage(ctx: Context, id: string): Promise<InboundMessage> {
  const message = await ctx.loaders.messages.byId.load(id);
  if (!message) throw notFound('Message');
  await auditPlatformAccess(ctx, 'message', { messageId: toGlobalId('InboundMessage', id) }, message.tenant.id);
  return message;
}

const PRIORITIES: Record<string, TicketPriority> = { LOW: TicketPriority.LOW, NORMAL: TicketPriority.NORMAL, HIGH: TicketPriority.HIGH, URGENT: TicketPriority.URGENT };

/** What a message asks for, read from its payload (see IngestMessageInput). */
type Route =
  | { kind: 'run'; toolKey: string; input: unknown; ticketId: string | null }
  | { kind: 'ignore'; reason: string }
  | { kind: 'ticket'; subject: string; body: string; priority: TicketPriority };

export function routeOf(message: Pick<InboundMessage, 'sender' | 'subject' | 'payload'>): Route {
  const p = message.payload;
  if (p.action === 'run') {
    return { kind: 'run', toolKey: typeof p.tool === 'string' ? p.tool : '', input: p.input ?? {}, ticketId: typeof p.ticketId === 'string' ? p.ticketId : null };
  }
  if (p.action === 'ignore') return { kind: 'ignore', reason: 'The sender asked for it to be ignored.' };
  if (p.autoReply === true) return { kind: 'ignore', reason: 'Automatic reply; no ticket opened.' };
  const text = [p.text, p.body].find((v): v is string => typeof v === 'string' && !isBlank(v));
  const rawSubject = (message.subject ?? (typeof p.subject === 'string' ? p.subject : '')).trim();
  const subject = visibleLength(rawSubject) >= 3 ? rawSubject.slice(0, 200) : `Message from ${message.sender}`.slice(0, 200);
  const body = (text ?? JSON.stringify(p, null, 2)).trim().slice(0, 20_000) || '(empty message)';
  const priority = typeof p.priority === 'string' ? (PRIORITIES[p.priority.toUpperCase()] ?? TicketPriority.NORMAL) : TicketPriority.NORMAL;
  return { kind: 'ticket', subject, body, priority };
}

/**
 * The member of the tenant whose e-mail address sent the message, if any: an e-mail from a
 * known customer is their ticket; anything else is raised by whoever handed the message in.
 */
async function memberBySender(em: EntityManager, tenantId: string, sender: string): Promise<string | null> {
  if (!sender.includes('@')) return null;
  const member = await em.findOne(Membership, { tenant: tenantId, user: { email: sender.toLowerCase() } }, { filters: false });
  return member?.user.id ?? null;
}

/** A refusal the message records as its error: the code, a reason when there is one, and the safe message. */
export function describeRefusal(err: AppError): string {
  const reason = typeof err.extensions.reason === 'string' ? ` ${err.extensions.reason}` : '';
  return `${err.code}${reason}: ${err.message}`;
}

/** The typed reason a recorded refusal carries (see describeRefusal), or null. */
export function refusalReason(error: string | null | undefined): ErrorReason | null {
  const reason = /^[A-Z_]+ ([A-Z0-9_]+): /.exec(error ?? '')?.[1];
  return isErrorReason(reason) ? reason : null;
}

/**
 * Acts on a stored message inside the ingest transaction: starts a run (trigger MESSAGE), opens
 * a ticket, or ignores it; the run or ticket carries the message's correlation id. A refusal
 * (no entitlement, quota, input not matching the tool, unknown ticket, missing permission)
 * marks the message FAILED with the reason and creates nothing; the message itself is kept.
 */
async function processMessage(ctx: Context, em: EntityManager, message: InboundMessage, userId: string): Promise<void> {
  const route = routeOf(message);
  const now = new Date();
  try {
    if (route.kind === 'ignore') {
      message.status = MessageStatus.IGNORED;
      message.error = route.reason;
    } else if (route.kind === 'run') {
      if (!ctx.permissions.has('run:write')) throw forbidden('Starting runs needs the run:write permission.', ErrorReason.MISSING_PERMISSION);
      if (!route.toolKey) throw badInput('A run message names its tool in payload.tool.', [{ field: 'payload.tool', message: 'Name the tool.' }]);
      const tool = await resolveTool(em, { toolKey: route.toolKey });
      let ticketId: string | null = null;
      if (route.ticketId) {
        ticketId = expectGlobalId(route.ticketId, 'Ticket', 'payload.ticketId');
        if (!(await ctx.loaders.tickets.byId.load(ticketId))) throw notFound('Ticket');
      }
      const run = await enqueueRun(em, {
        tenantId: message.tenant.id,
        tool,
        input: route.input,
        trigger: RunTrigger.MESSAGE,
        correlationId: message.correlationId,
        maxAttempts: ctx.app.config.executor.maxAttempts,
        requestedById: userId,
        ticketId,
        source: 'ingest',
      });
      message.run = ref(run);
      message.status = MessageStatus.PROCESSED;
    } else {
      if (!ctx.permissions.has('ticket:write')) throw forbidden('Opening tickets needs the ticket:write permission.', ErrorReason.MISSING_PERMISSION);
      const ticket = await insertTicket(ctx, em, {
        tenantId: message.tenant.id,
        requesterId: (await memberBySender(em, message.tenant.id, message.sender)) ?? userId,
        subject: route.subject,
        body: route.body,
        priority: route.priority,
        correlationId: message.correlationId,
        auditDetails: { sourceMessage: toGlobalId('InboundMessage', message.id) },
      });
      message.ticket = ref(ticket);
      message.status = MessageStatus.PROCESSED;
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    message.status = MessageStatus.FAILED;
    message.error = describeRefusal(err);
  }
  message.processedAt = now;
  recordSystemEvent(em, {
    tenantId: message.tenant.id,
    type: `message.${String(message.status).toLowerCase()}`,
    source: 'ingest',
    severity: (message.status as MessageStatus) === MessageStatus.FAILED ? EventSeverity.WARNING : EventSeverity.INFO,
    correlationId: message.correlationId,
    payload: {
      messageId: toGlobalId('InboundMessage', message.id),
      channel: message.channel,
      ticketId: message.ticket ? toGlobalId('Ticket', message.ticket.id) : null,
      runId: message.run ? toGlobalId('AutomationRun', message.run.id) : null,
      error: message.error ?? null,
    },
  });
}

export interface IngestResult {
  message: InboundMessage;
  /** False when the message repeated an externalId already stored: nothing new was done. */
  created: boolean;
}

/**
 * Stores and processes one inbound message for the caller's tenant, in one transaction, with the
 * request's correlation id. A repeat of a known externalId (same channel) answers the stored
 * message and does nothing again, so senders can retry safely.
 */
export async function ingestMessage(ctx: Context, input: IngestMessageInput): Promise<IngestResult> {
  const { tenantId, userId } = requireTenant(ctx);
  const sender = input.sender.trim();
  if (isBlank(sender)) throw badInput('sender must have 1 to 320 characters.', [{ field: 'sender', message: 'Say who sent it.' }]);
  if (!isJsonObject(input.payload)) throw badInput('payload must be a JSON object.', [{ field: 'payload', message: 'Must be a JSON object.' }]);
  if (jsonSize(input.payload) > MAX_PAYLOAD_BYTES) {
    throw badInput(`payload is too large (max ${MAX_PAYLOAD_BYTES / 1024} KB).`, [{ field: 'payload', message: 'Too large.' }]);
  }
  const externalId = input.externalId ?? undefined;
  // The tenant filter of the caller's EntityManager scopes the lookup.
  const existing = () => (externalId ? ctx.em.fork().findOne(InboundMessage, { channel: input.channel, externalId }) : Promise.resolve(null));
  const known = await existing();
  if (known) return { message: known, created: false };
  try {
    const message = await ctx.em.transactional(async (em) => {
      const now = new Date();
      const message = em.create(InboundMessage, {
        tenant: em.getReference(Tenant, tenantId),
        channel: input.channel,
        sender,
        subject: isBlank(input.subject) ? undefined : input.subject?.trim(),
        payload: input.payload,
        externalId,
        receivedAt: now,
        status: MessageStatus.RECEIVED,
        correlationId: ctx.correlationId,
        receivedBy: em.getReference(User, userId),
        createdAt: now,
        updatedAt: now,
      });
      em.persist(message);
      recordSystemEvent(em, {
        tenantId,
        type: 'message.received',
        source: 'ingest',
        correlationId: message.correlationId,
        occurredAt: now,
        payload: { messageId: toGlobalId('InboundMessage', message.id), channel: message.channel, sender },
      });
      await processMessage(ctx, em, message, userId);
      return message;
    });
    return { message, created: true };
  } catch (err) {
    // Two deliveries of one externalId at once: the unique index lets one in; answer the other with it.
    if (err instanceof UniqueConstraintViolationException) {
      const winner = await existing();
      if (winner) return { message: winner, created: false };
    }
    throw err;
  }
}
