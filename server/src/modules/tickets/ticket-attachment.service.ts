import { LockMode } from '@mikro-orm/core';
import { AppError, ErrorReason, badInput, forbidden, notFound } from '../../common/errors';
import { FILE_CONTENT_TYPES, LocalDocumentStore, type StoredFile } from '../../common/files/file-store';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { readableRows } from '../../permissions/access';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { stageRealtimeEvent } from '../realtime/stage';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ticketAttachmentAccess } from './ticket.access';
import { MAX_ATTACHMENTS_PER_TICKET, TicketAttachment, type TicketAttachmentUpload } from './ticket-attachment.entity';
import { Ticket } from './ticket.entity';
import { assertMayWriteInternal, ticketWriter } from './ticket.service';

export function attachmentStore(ctx: Pick<Context, 'app'>): LocalDocumentStore {
  return new LocalDocumentStore(ctx.app.config.attachments.storageDir);
}

export function attachmentDownloadPath(a: Pick<TicketAttachment, 'id'>): string {
  return `/api/tickets/attachments/${toGlobalId('TicketAttachment', a.id)}/content`;
}

export function attachmentUploadOf(ctx: Pick<Context, 'app'>, ticket: Pick<Ticket, 'id'>): TicketAttachmentUpload {
  return {
    path: `/api/tickets/${toGlobalId('Ticket', ticket.id)}/attachments`,
    maxBytes: ctx.app.config.attachments.maxUploadBytes,
    contentTypes: [...FILE_CONTENT_TYPES],
    maxFiles: MAX_ATTACHMENTS_PER_TICKET,
  };
}

/** The ticket an upload goes to, checked before any byte is read: the caller may write on it, and reads it. */
export async function attachmentTarget(ctx: Context, ticketGlobalId: string): Promise<Ticket> {
  ticketWriter(ctx);
  const id = expectGlobalId(ticketGlobalId, 'Ticket', 'ticketId');
  const ticket = await ctx.loaders.tickets.byId.load(id);
  if (!ticket) throw notFound('Ticket');
  return ticket;
}

/** The form's `internal` field: absent, "false" or "true". */
export function parseInternal(raw: string | undefined): boolean {
  const value = (raw ?? 'false').trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  throw badInput('The "internal" field is "true" or "false".', [{ field: 'internal', message: 'Use "true" or "false".' }]);
}

export interface UploadedAttachment extends StoredFile {
  id: string;
  storageKey: string;
  filename: string;
  internal: boolean;
}

/**
 * Records a stored upload: moves the file into place, then, in one transaction holding the
 * ticket's row lock (so two uploads cannot both pass the limit), checks the limit and inserts the
 * row and its audit row. If the transaction fails, the file goes.
 */
export async function registerAttachment(ctx: Context, ticket: Ticket, file: UploadedAttachment): Promise<TicketAttachment> {
  const { userId, staff } = ticketWriter(ctx);
  if (file.internal) assertMayWriteInternal(ctx, staff, 'attachments');
  const tenantId = ticket.tenant.id;
  const store = attachmentStore(ctx);
  await store.commit(file.storageKey);
  try {
    return await ctx.em.transactional(async (em) => {
      const locked = await em.findOne(Ticket, { id: ticket.id }, { ...scopeOptions(ctx), lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!locked) throw notFound('Ticket');
      const count = await em.count(TicketAttachment, { ticket: ticket.id }, scopeOptions(ctx));
      if (count >= MAX_ATTACHMENTS_PER_TICKET) {
        throw new AppError('CONFLICT', `This ticket already has ${MAX_ATTACHMENTS_PER_TICKET} attachments, the most it can hold; remove one first.`, {
          reason: ErrorReason.ATTACHMENT_LIMIT,
          limit: MAX_ATTACHMENTS_PER_TICKET,
        });
      }
      const attachment = em.create(TicketAttachment, {
        id: file.id,
        tenant: em.getReference(Tenant, tenantId),
        ticket: locked,
        uploadedBy: em.getReference(User, userId),
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: file.storageKey,
        internal: file.internal,
        fromSupport: staff,
      });
      em.persist(attachment);
      recordAudit(ctx, em, {
        action: 'ticket.attachment_added',
        tenantId,
        target: { type: 'Ticket', id: ticket.id },
        diff: {
          after: {
            attachmentId: toGlobalId('TicketAttachment', attachment.id),
            filename: file.filename,
            contentType: file.contentType,
            size: file.size,
            sha256: file.sha256,
            internal: file.internal,
            ...(staff ? { viaPlatform: true } : {}),
          },
        },
      });
      stageRealtimeEvent(em, { type: 'ticket', tenantId, ticketId: ticket.id, kind: 'UPDATED' });
      return attachment;
    });
  } catch (err) {
    await store.remove(file.storageKey).catch(() => undefined);
    throw err;
  }
}

/** One attachment as its reader may see it (an internal one only for those who see notes). */
export async function readableAttachment(ctx: Context, id: string): Promise<TicketAttachment | null> {
  const readable = readableRows(ctx, ticketAttachmentAccess);
  if (!readable) return null;
  return ctx.em.findOne(TicketAttachment, { $and: [{ id }, readable.where] }, scopeOptions(ctx));
}

/** The row behind a download, audited for staff; NOT_FOUND when the caller cannot read it. */
export async function attachmentForDownload(ctx: Context, globalId: string): Promise<TicketAttachment> {
  const id = expectGlobalId(globalId, 'TicketAttachment', 'attachmentId');
  const attachment = await readableAttachment(ctx, id);
  if (!attachment) throw notFound('Ticket attachment');
  return attachment;
}

export function auditAttachmentDownload(ctx: Context, attachment: TicketAttachment): Promise<void> {
  return auditPlatformAccess(ctx, 'ticketAttachmentContent', { attachmentId: toGlobalId('TicketAttachment', attachment.id) }, attachment.tenant.id);
}

/**
 * Removes an attachment: whoever uploaded it (still allowed to write on the ticket), the tenant's
 * agents (ticket:assign), or staff with platform:ticket:reply. Audited; the file goes after commit.
 */
export async function deleteAttachment(ctx: Context, globalId: string): Promise<string> {
  const { userId, staff } = ticketWriter(ctx);
  const id = expectGlobalId(globalId, 'TicketAttachment');
  const key = await ctx.em.transactional(async (em) => {
    const readable = readableRows(ctx, ticketAttachmentAccess);
    const attachment = readable ? await em.findOne(TicketAttachment, { $and: [{ id }, readable.where] }, scopeOptions(ctx)) : null;
    if (!attachment) throw notFound('Ticket attachment');
    const own = attachment.uploadedBy.id === userId && !attachment.fromSupport;
    if (!own && !staff && !ctx.permissions.has('ticket:assign')) {
      throw forbidden("Only whoever attached a file, or the tenant's agents (ticket:assign), can remove it.", ErrorReason.MISSING_PERMISSION);
    }
    em.remove(attachment);
    recordAudit(ctx, em, {
      action: 'ticket.attachment_removed',
      tenantId: attachment.tenant.id,
      target: { type: 'Ticket', id: attachment.ticket.id },
      diff: {
        before: {
          attachmentId: globalId,
          filename: attachment.filename,
          sha256: attachment.sha256,
          internal: attachment.internal,
          ...(staff ? { viaPlatform: true } : {}),
        },
      },
    });
    stageRealtimeEvent(em, { type: 'ticket', tenantId: attachment.tenant.id, ticketId: attachment.ticket.id, kind: 'UPDATED' });
    return attachment.storageKey;
  });
  // After commit: a failed removal leaves an orphan file, never a row without its file.
  await attachmentStore(ctx)
    .remove(key)
    .catch((err: unknown) => ctx.logger.warn({ err, key }, 'could not remove a deleted ticket attachment file'));
  return globalId;
}

/** The upload's answer: the attachment as GraphQL would show it to the uploader. */
export function attachmentJson(a: TicketAttachment): Record<string, unknown> {
  return {
    id: toGlobalId('TicketAttachment', a.id),
    ticketId: toGlobalId('Ticket', a.ticket.id),
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    internal: a.internal,
    createdAt: a.createdAt.toISOString(),
    downloadPath: attachmentDownloadPath(a),
  };
}
