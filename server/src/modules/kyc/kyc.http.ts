import express, { type Request, type Router } from 'express';
import { AppError } from '../../common/errors';
import { fromAppError, jsonError, send, sendStoredFile, uploadHandler } from '../../common/files/upload-http';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { type Context } from '../../context/context';
import { refusal } from '../../permissions/requirement';
import { kycDocumentAccess } from './kyc.access';
import { auditPlatformAccess } from '../audit/audit.service';
import { type KycDocument } from './kyc-document.entity';
import { documentStore, downloadPathOf, parseKind, registerUpload, uploadTarget } from './kyc-document.service';

const FORM_HINT = 'the document as multipart/form-data with a "kind" field and a "file" field';

export interface KycRouterDeps {
  contextOf: (req: Request) => Promise<Context>;
}

/**
 * KYC document files over plain HTTP, with the same bearer token and tenant rules as GraphQL:
 *   POST /cases/:caseId/documents     multipart upload (kyc:write in the case's tenant)
 *   GET  /documents/:documentId/content  download (kyc:read in its tenant, or KYC staff)
 */
export function createKycRouter({ contextOf }: KycRouterDeps): Router {
  const router = express.Router();

  router.post(
    '/cases/:caseId/documents',
    uploadHandler({
      contextOf,
      what: 'document',
      formHint: FORM_HINT,
      maxBytes: (ctx) => ctx.app.config.kyc.maxUploadBytes,
      store: documentStore,
      target: async (ctx, req) => {
        const refused = refusal(ctx, { tenant: 'kyc:write' });
        if (refused) throw refused;
        const kycCase = await uploadTarget(ctx, String(req.params.caseId));
        return { target: kycCase, tenantId: kycCase.tenant.id };
      },
      register: async (ctx, kycCase, upload) => {
        const kind = parseKind(upload.fields.kind);
        const doc = await registerUpload(ctx, kycCase.id, { ...upload.file, documentId: upload.id, storageKey: upload.storageKey, kind, filename: upload.filename });
        return { location: downloadPathOf(doc), body: documentJson(doc) };
      },
    }),
  );

  router.get('/documents/:documentId/content', async (req, res, next) => {
    try {
      const ctx = await contextOf(req);
      const refused = refusal(ctx, { read: kycDocumentAccess });
      if (refused) return send(res, fromAppError(refused));
      const id = expectGlobalId(String(req.params.documentId), 'KycDocument', 'documentId');
      const doc = await ctx.loaders.kyc.documentById.load(id);
      if (!doc) return send(res, jsonError('NOT_FOUND', 'KYC document not found.'));
      await sendStoredFile(res, documentStore(ctx), doc, {
        beforeSend: () => auditPlatformAccess(ctx, 'kycDocumentContent', { documentId: id }, doc.tenant.id),
        missingMessage: 'The file of this KYC document is missing; ask support.',
        onMissing: () => ctx.logger.error({ documentId: id, key: doc.storageKey }, 'KYC document file is missing'),
        onReadError: (err) => ctx.logger.error({ err, documentId: id }, 'reading a KYC document failed'),
      });
    } catch (err) {
      if (err instanceof AppError) return send(res, fromAppError(err));
      next(err);
    }
  });

  return router;
}

/** The upload's answer: the document as GraphQL would show it to the uploader. */
export function documentJson(doc: KycDocument): Record<string, unknown> {
  return {
    id: toGlobalId('KycDocument', doc.id),
    caseId: toGlobalId('KycCase', doc.case.id),
    kind: doc.kind,
    filename: doc.filename,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    downloadPath: downloadPathOf(doc),
  };
}
