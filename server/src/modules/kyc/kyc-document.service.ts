import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { visibleLength } from '../../common/input-hygiene';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { type ConnectionArgs, type ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions, userIdOf, requireTenant } from '../../context/scope';
import { auditPlatformAccess } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { KycCase } from './kyc-case.entity';
import { KycDocument, KycDocumentKind, KycDocumentStatus } from './kyc-document.entity';
import { type DecideKycDocumentInput, KycDocumentDecision, kycDocumentList, type KycDocumentsArgs } from './kyc.inputs';
import { auditCaseChange, lockCase } from './kyc.service';
import { LocalDocumentStore, type StoredFile } from './kyc.storage';
import { assertAction } from './kyc.transitions';

/** Documents of a case read oldest first, in the batched first page and in every other page alike. */
export const DOCUMENT_ORDER = dateSort<KycDocument>('createdAt', SortDirection.ASC);

export function documentStore(ctx: Pick<Context, 'app'>): LocalDocumentStore {
  return new LocalDocumentStore(ctx.app.config.kyc.storageDir);
}

export async function listDocuments(ctx: Context, args: KycDocumentsArgs): Promise<ConnectionShape<KycDocument>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.caseId) where.case = expectGlobalId(f.caseId, 'KycCase', 'filter.caseId');
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.kind?.length) where.kind = { $in: f.kind };
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  await auditPlatformAccess(ctx, 'kycDocuments', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({
    em: ctx.em,
    entity: KycDocument,
    where: where,
    args,
    sort: kycDocumentList.sortOf(args),
    options: scopeOptions(ctx),
  });
}

/** Later pages of one case's documents (the first page is batched by the loaders). */
export async function listCaseDocuments(ctx: Context, kycCase: KycCase, args: ConnectionArgs): Promise<ConnectionShape<KycDocument>> {
  return paginate({ em: ctx.em, entity: KycDocument, where: { case: kycCase.id }, args, sort: DOCUMENT_ORDER, options: scopeOptions(ctx) });
}

export async function getDocument(ctx: Context, id: string): Promise<KycDocument> {
  const doc = await ctx.loaders.kyc.documentById.load(id);
  if (!doc) throw notFound('KYC document');
  await auditPlatformAccess(ctx, 'kycDocument', { documentId: id }, doc.tenant.id);
  return doc;
}

export async function decideDocument(ctx: Context, input: DecideKycDocumentInput): Promise<KycDocument> {
  const userId = userIdOf(ctx);
  if (!userId || !isPlatformScope(ctx)) throw forbidden('KYC reviews are made by platform staff outside any tenant.', ErrorReason.STAFF_REQUIRED);
  const id = expectGlobalId(input.id, 'KycDocument');
  const reason = input.reason.replace(/\s+/g, ' ').trim();
  if (visibleLength(reason) < 3) throw badInput('Give a reason of 3 to 2,000 characters.', [{ field: 'reason', message: 'Give a reason of 3 to 2,000 characters.' }]);
  return ctx.em.transactional(async (em) => {
    const doc = await em.findOne(KycDocument, { id }, scopeOptions(ctx));
    if (!doc) throw notFound('KYC document');
    const kycCase = await lockCase(ctx, em, doc.case.id);
    const from = kycCase.status;
    assertAction('decideDocument', from);
    if (kycCase.reviewer?.id !== userId) throw forbidden("Only the case's reviewer can accept or reject its documents.", ErrorReason.NOT_REVIEWER);
    const before = doc.status;
    doc.status = input.decision === KycDocumentDecision.ACCEPT ? KycDocumentStatus.ACCEPTED : KycDocumentStatus.REJECTED;
    doc.decisionReason = reason;
    doc.decidedBy = em.getReference(User, userId, { wrapped: true });
    doc.decidedAt = new Date();
    auditCaseChange(ctx, em, kycCase, 'decideDocument', from, { document: { from: before, to: doc.status }, reason }, { type: 'KycDocument', id: doc.id });
    return doc;
  });
}

/** A customer removes a document not decided yet, while the case is editable. */
export async function deleteDocument(ctx: Context, globalId: string): Promise<string> {
  requireTenant(ctx);
  const id = expectGlobalId(globalId, 'KycDocument');
  const store = documentStore(ctx);
  const key = await ctx.em.transactional(async (em) => {
    const doc = await em.findOne(KycDocument, { id });
    if (!doc) throw notFound('KYC document');
    const kycCase = await lockCase(ctx, em, doc.case.id);
    assertAction('upload', kycCase.status);
    const status: KycDocumentStatus = doc.status;
    if (status !== KycDocumentStatus.PENDING) throw conflict(`This document was ${status.toLowerCase()} in review and stays on the case; upload a new one instead.`, ErrorReason.DOCUMENT_DECIDED);
    em.remove(doc);
    auditCaseChange(ctx, em, kycCase, 'upload', kycCase.status, { removed: { kind: doc.kind, filename: doc.filename, sha256: doc.sha256 } }, { type: 'KycDocument', id: doc.id }, 'kyc.document.removed');
    return doc.storageKey;
  });
  // After commit: a failed removal leaves an orphan file, never a row without its file.
  await store.remove(key).catch((err: unknown) => ctx.logger.warn({ err, key }, 'could not remove a deleted KYC document file'));
  return globalId;
}

/* ------------------------------------------------------------------ */
/* uploads (called by the HTTP route)                                  */
/* ------------------------------------------------------------------ */

export const KIND_VALUES = Object.values(KycDocumentKind) as string[];

export function parseKind(raw: string | undefined): KycDocumentKind {
  const value = raw?.trim().toUpperCase();
  if (!value || !KIND_VALUES.includes(value)) {
    const message = `Say what the document is in the "kind" field: one of ${KIND_VALUES.join(', ')}.`;
    throw badInput(message, [{ field: 'kind', message }]);
  }
  return value as KycDocumentKind;
}

/** The case an upload goes to, checked before any byte is read: it exists here and is editable. */
export async function uploadTarget(ctx: Context, caseGlobalId: string): Promise<KycCase> {
  requireTenant(ctx);
  const id = expectGlobalId(caseGlobalId, 'KycCase', 'caseId');
  const kycCase = await ctx.em.findOne(KycCase, { id });
  if (!kycCase) throw notFound('KYC case');
  assertAction('upload', kycCase.status);
  return kycCase;
}

export interface UploadedFile extends StoredFile {
  documentId: string;
  storageKey: string;
  filename: string;
  kind: KycDocumentKind;
}

/**
 * Records a stored upload: moves the file into place, then inserts the row and its audit row in
 * one transaction that re-checks the case under a lock. If the transaction fails, the file goes.
 */
export async function registerUpload(ctx: Context, caseId: string, file: UploadedFile): Promise<KycDocument> {
  const { tenantId, userId } = requireTenant(ctx);
  const store = documentStore(ctx);
  await store.commit(file.storageKey);
  try {
    return await ctx.em.transactional(async (em) => {
      const kycCase = await lockCase(ctx, em, caseId);
      assertAction('upload', kycCase.status);
      const doc = em.create(KycDocument, {
        id: file.documentId,
        tenant: em.getReference(Tenant, tenantId),
        case: kycCase,
        kind: file.kind,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: file.storageKey,
        uploadedBy: em.getReference(User, userId),
      });
      em.persist(doc);
      auditCaseChange(
        ctx,
        em,
        kycCase,
        'upload',
        kycCase.status,
        { added: { kind: file.kind, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 } },
        { type: 'KycDocument', id: doc.id },
      );
      return doc;
    });
  } catch (err) {
    await store.remove(file.storageKey).catch(() => undefined);
    throw err;
  }
}

export function downloadPathOf(doc: KycDocument): string {
  return `/api/kyc/documents/${toGlobalId('KycDocument', doc.id)}/content`;
}
