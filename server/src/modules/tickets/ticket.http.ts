import express, { type Request, type Router } from 'express';
import { AppError } from '../../common/errors';
import { fromAppError, send, sendStoredFile, uploadHandler } from '../../common/files/upload-http';
import { type Context } from '../../context/context';
import { isPlatformScope } from '../../context/scope';
import { refusal } from '../../permissions/requirement';
import { ticketAccess, ticketAttachmentAccess } from './ticket.access';
import {
  attachmentDownloadPath,
  attachmentForDownload,
  attachmentJson,
  attachmentStore,
  attachmentTarget,
  auditAttachmentDownload,
  parseInternal,
  registerAttachment,
} from './ticket-attachment.service';

export interface TicketRouterDeps {
  contextOf: (req: Request) => Promise<Context>;
}

/**
 * Ticket attachments over plain HTTP, with the same bearer token and tenant rules as GraphQL:
 *   POST /:ticketId/attachments               multipart upload: "file", and "internal" (true/false)
 *                                             (ticket:comment in the ticket's tenant, or staff with platform:ticket:reply)
 *   GET  /attachments/:attachmentId/content   download (whoever reads the ticket; internal ones as internal notes)
 */
export function createTicketRouter({ contextOf }: TicketRouterDeps): Router {
  const router = express.Router();

  router.post(
    '/:ticketId/attachments',
    uploadHandler({
      contextOf,
      what: 'attachment',
      formHint: 'the attachment as multipart/form-data with a "file" field (and "internal": "true" for agents\' internal files)',
      maxBytes: (ctx) => ctx.app.config.attachments.maxUploadBytes,
      store: attachmentStore,
      target: async (ctx, req) => {
        // Members write with ticket:comment; staff (platform:ticket:reply) are checked by attachmentTarget.
        const refused = refusal(ctx, { read: ticketAccess }) ?? (isPlatformScope(ctx) ? null : refusal(ctx, { tenant: 'ticket:comment' }));
        if (refused) throw refused;
        const ticket = await attachmentTarget(ctx, String(req.params.ticketId));
        return { target: ticket, tenantId: ticket.tenant.id };
      },
      register: async (ctx, ticket, upload) => {
        const attachment = await registerAttachment(ctx, ticket, {
          ...upload.file,
          id: upload.id,
          storageKey: upload.storageKey,
          filename: upload.filename,
          internal: parseInternal(upload.fields.internal),
        });
        return { location: attachmentDownloadPath(attachment), body: attachmentJson(attachment) };
      },
    }),
  );

  router.get('/attachments/:attachmentId/content', async (req, res, next) => {
    try {
      const ctx = await contextOf(req);
      const refused = refusal(ctx, { read: ticketAttachmentAccess });
      if (refused) return send(res, fromAppError(refused));
      const attachment = await attachmentForDownload(ctx, String(req.params.attachmentId));
      await sendStoredFile(res, attachmentStore(ctx), attachment, {
        beforeSend: () => auditAttachmentDownload(ctx, attachment),
        missingMessage: 'The file of this attachment is missing; ask support.',
        onMissing: () => ctx.logger.error({ attachmentId: attachment.id, key: attachment.storageKey }, 'ticket attachment file is missing'),
        onReadError: (err) => ctx.logger.error({ err, attachmentId: attachment.id }, 'reading a ticket attachment failed'),
      });
    } catch (err) {
      if (err instanceof AppError) return send(res, fromAppError(err));
      next(err);
    }
  });

  return router;
}
