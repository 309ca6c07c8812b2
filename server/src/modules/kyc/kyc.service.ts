import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions, requireTenant, userIdOf } from '../../context/scope';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { notifyKycCase } from '../notifications/producers';
import { kycCaseData } from '../webhooks/webhook.events';
import { recordSystemEvent } from '../events/event.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { KycCase, type KycCaseStatus } from './kyc-case.entity';
import { KycDocument, KycDocumentStatus } from './kyc-document.entity';
import {
  type CreateKycCaseInput,
  kycCaseList,
  type KycCasesArgs,
  type KycCaseVersionInput,
  type UpdateKycCaseInput,
} from './kyc.inputs';
import { canSeeReview } from './kyc.access';
import { detailsOf, missingForSubmit, need } from './kyc.details';
import { assertAction, type KycAction } from './kyc.transitions';

/* ------------------------------------------------------------------ */
/* who is calling                                                      */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* reads                                                               */
/* ------------------------------------------------------------------ */

export async function listCases(ctx: Context, args: KycCasesArgs, selection: PageSelection = {}): Promise<ConnectionShape<KycCase>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.subjectKind) where.subjectKind = f.subjectKind;
  if (f?.text?.trim()) where.subjectName = { $ilike: containsPattern(f.text.trim()) };
  if (f?.submittedBefore) where.submittedAt = { $ne: null, $lt: f.submittedBefore };
  // Inside a tenant the filter already pins the tenant; another tenant's id simply matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.reviewerId) {
    // Who reviews is staff-only information; filtering by it would reveal it.
    if (!canSeeReview(ctx)) throw forbidden('Only KYC staff can filter by reviewer.', ErrorReason.STAFF_ONLY_FILTER);
    where.reviewer = expectGlobalId(f.reviewerId, 'User', 'filter.reviewerId');
  }
  await auditPlatformAccess(ctx, 'kycCases', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({ em: ctx.em, entity: KycCase, where: where, args, sort: kycCaseList.sortOf(args), options: scopeOptions(ctx), ...selection });
}

export async function getCase(ctx: Context, id: string): Promise<KycCase> {
  const kycCase = await ctx.loaders.kyc.caseById.load(id);
  if (!kycCase) throw notFound('KYC case');
  await auditPlatformAccess(ctx, 'kycCase', { caseId: id }, kycCase.tenant.id);
  return kycCase;
}

/* ------------------------------------------------------------------ */
/* changes                                                             */
/* ------------------------------------------------------------------ */

export const staleVersion = () => conflict('Someone else changed this KYC case since you loaded it. Reload it and try again.', ErrorReason.STALE_VERSION);

/** Audit action names, one per table action. */
const AUDIT_ACTION: Record<KycAction, string> = {
  edit: 'kyc.case.updated',
  upload: 'kyc.document.uploaded',
  submit: 'kyc.case.submitted',
  startReview: 'kyc.case.review_started',
  decideDocument: 'kyc.document.decided',
  recommend: 'kyc.case.recommended',
  requestInfo: 'kyc.case.info_requested',
  approve: 'kyc.case.approved',
  reject: 'kyc.case.rejected',
};

/**
 * Loads a case for a change and locks its row until commit, so two changes to one case (a
 * decision and a document decision, two decisions) run one after the other and each sees the
 * other's result.
 */
export async function lockCase(ctx: Context, em: EntityManager, id: string): Promise<KycCase> {
  const kycCase = await em.findOne(KycCase, { id }, { ...scopeOptions(ctx), lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!kycCase) throw notFound('KYC case');
  return kycCase;
}

/**
 * Who sees an audit row of a KYC change. Customers' own changes belong to their tenant's trail.
 * Staff review steps name the reviewer and approver and carry internal reasons, which are not
 * meant for the customer, and tenant admins can read their tenant's trail: those rows are
 * platform rows (no tenant) that name the tenant in their diff, for staff with audit rights.
 */
function auditScope(ctx: Context, kycCase: KycCase): { tenantId: string | null; extra: Record<string, unknown> } {
  return isPlatformScope(ctx) ? { tenantId: null, extra: { tenantId: toGlobalId('Tenant', kycCase.tenant.id) } } : { tenantId: kycCase.tenant.id, extra: {} };
}

export function auditCaseChange(
  ctx: Context,
  em: EntityManager,
  kycCase: KycCase,
  action: KycAction,
  from: KycCaseStatus,
  details: Record<string, unknown>,
  target = { type: 'KycCase', id: kycCase.id },
  auditAction = AUDIT_ACTION[action],
): void {
  const to: KycCaseStatus = kycCase.status;
  const scope = auditScope(ctx, kycCase);
  recordAudit(ctx, em, {
    action: auditAction,
    tenantId: scope.tenantId,
    target,
    diff: { ...scope.extra, ...(target.type === 'KycCase' ? {} : { caseId: toGlobalId('KycCase', kycCase.id) }), ...(from !== to ? { from, to } : { status: to }), ...details },
  });
  if (from !== to) {
    // Operational trail for dashboards and correlation; carries no personal data or reasons.
    recordSystemEvent(em, {
      tenantId: kycCase.tenant.id,
      type: 'kyc.case.status_changed',
      source: 'kyc',
      payload: { caseId: toGlobalId('KycCase', kycCase.id), from, to, action },
      correlationId: ctx.correlationId,
    });
  }
}

/** Steps whose outcome the case's filer is notified of. */
const NOTIFIED_OUTCOME: Partial<Record<KycAction, 'NEEDS_INFO' | 'APPROVED' | 'REJECTED'>> = { requestInfo: 'NEEDS_INFO', approve: 'APPROVED', reject: 'REJECTED' };

/** Steps customers are not told about, even in their own webhooks. */
const STAFF_INTERNAL: ReadonlySet<KycAction> = new Set<KycAction>(['recommend']);

/**
 * The one path of every case change: lock, check the version and the transition table, apply,
 * move the state, and audit in the same transaction.
 */
export async function changeCase(
  ctx: Context,
  input: KycCaseVersionInput,
  action: KycAction,
  apply: (em: EntityManager, kycCase: KycCase) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<KycCase> {
  const id = expectGlobalId(input.id, 'KycCase');
  try {
    return await ctx.em.transactional(async (em) => {
      const kycCase = await lockCase(ctx, em, id);
      if (kycCase.version !== input.version) throw staleVersion();
      const from = kycCase.status;
      const to = assertAction(action, from);
      const details = await apply(em, kycCase);
      kycCase.status = to;
      auditCaseChange(ctx, em, kycCase, action, from, details);
      // A recommendation is the staff's internal step (the state stays IN_REVIEW): customers hear nothing of it.
      if (!STAFF_INTERNAL.has(action)) await emitWebhookEvent(em, kycCase.tenant.id, 'kyc.case.updated', kycCaseData(kycCase, { action, from }));
      const outcome = NOTIFIED_OUTCOME[action];
      if (outcome) {
        // Whoever filed the case hears of it (cases keep their creator, who files and submits them).
        const facts = { id: kycCase.id, tenantId: kycCase.tenant.id, createdById: kycCase.createdBy.id, subjectName: kycCase.subjectName, customerMessage: kycCase.customerMessage ?? null };
        await notifyKycCase(em, facts, outcome, userIdOf(ctx));
      }
      return kycCase;
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) throw staleVersion();
    throw err;
  }
}

export async function createCase(ctx: Context, input: CreateKycCaseInput): Promise<KycCase> {
  const { tenantId, userId } = requireTenant(ctx);
  const { details, name } = detailsOf(input.subjectKind, input);
  return ctx.em.transactional(async (em) => {
    const kycCase = em.create(KycCase, {
      tenant: em.getReference(Tenant, tenantId),
      subjectKind: input.subjectKind,
      subjectName: name,
      details,
      createdBy: em.getReference(User, userId),
    });
    em.persist(kycCase);
    recordAudit(ctx, em, {
      action: 'kyc.case.created',
      target: { type: 'KycCase', id: kycCase.id },
      diff: { after: { status: kycCase.status, subjectKind: input.subjectKind } },
    });
    return kycCase;
  });
}

export async function updateCase(ctx: Context, input: UpdateKycCaseInput): Promise<KycCase> {
  requireTenant(ctx);
  return changeCase(ctx, input, 'edit', (_em, kycCase) => {
    const { details, name } = detailsOf(kycCase.subjectKind, input);
    const changed = JSON.stringify(details) !== JSON.stringify(kycCase.details);
    kycCase.details = details;
    kycCase.subjectName = name;
    // Personal data stays out of the audit row: it says what changed, not the values.
    return { changed };
  });
}

export async function submitCase(ctx: Context, input: KycCaseVersionInput): Promise<KycCase> {
  requireTenant(ctx);
  return changeCase(ctx, input, 'submit', async (em, kycCase) => {
    const missing = missingForSubmit(kycCase);
    if (missing.length) throw badInput(`Complete the case before submitting: ${missing.map((m) => m.field).join(', ')}.`, missing);
    const usable = await em.count(KycDocument, { case: kycCase.id, status: { $ne: KycDocumentStatus.REJECTED } });
    if (!usable) throw need('documents', 'Upload at least one document (that was not rejected) before submitting.');
    kycCase.submittedAt = new Date();
    return { documents: usable };
  });
}
