import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, badInput, conflict, type FieldError, forbidden, notFound } from '../../common/errors';
import { isBlank, visibleLength } from '../../common/input-hygiene';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate, stringSort } from '../../common/pagination/paginate';
import { sortKeyOf } from '../../common/pagination/order';
import { type Context, isPlatformScope, scopeOptions, userIdOf, requireTenant } from '../../context/context';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { recordSystemEvent } from '../events/event.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import {
  type KycAddressData,
  type KycBusinessData,
  KycCase,
  type KycCaseStatus,
  type KycDetails,
  type KycPersonData,
  KycSubjectKind,
} from './kyc-case.entity';
import { KycDocument, KycDocumentStatus } from './kyc-document.entity';
import {
  type CreateKycCaseInput,
  type DecideKycCaseInput,
  KYC_CASE_ORDER_DEFAULT,
  type KycAddressInput,
  type KycBusinessInput,
  type KycCasesArgs,
  type KycCaseVersionInput,
  KycDecision,
  type KycPersonInput,
  type RecommendKycCaseInput,
  type RequestKycInfoInput,
  type UpdateKycCaseInput,
} from './kyc.inputs';
import { assertAction, isActionAllowed, KYC_ACTION_NAMES, KYC_ACTIONS, type KycAction } from './kyc.transitions';

/* ------------------------------------------------------------------ */
/* who is calling                                                      */
/* ------------------------------------------------------------------ */

/** A staff member acting on the platform (shield has already checked platform:kyc:review). */
function requireStaff(ctx: Context): string {
  const userId = userIdOf(ctx);
  if (!userId || !isPlatformScope(ctx)) throw forbidden('KYC reviews are made by platform staff outside any tenant.', ErrorReason.STAFF_REQUIRED);
  return userId;
}

/**
 * The rule for "only the fields meant for them": the staff side of a case (reviewer, approver,
 * recommendation, risk, internal reasons) and who decided a document are visible only to platform
 * staff with KYC rights. Customers never hold platform permissions (create-context grants staff
 * rights only outside a tenant), so for them this is false.
 */
export function canSeeReview(ctx: Pick<Context, 'permissions' | 'tenantId' | 'principal'>): boolean {
  return isPlatformScope(ctx) && ctx.permissions.has('platform:kyc:read');
}

/* ------------------------------------------------------------------ */
/* subject details                                                     */
/* ------------------------------------------------------------------ */

const need = (field: string, message: string) => badInput(message, [{ field, message }]);

function text(value: string | null | undefined): string | null {
  const t = value?.replace(/\s+/g, ' ').trim();
  return t && !isBlank(t) ? t : null;
}

function normalizeAddress(a: KycAddressInput, path: string): KycAddressData {
  const line1 = text(a.line1);
  const city = text(a.city);
  const postalCode = text(a.postalCode)?.toUpperCase();
  if (!line1) throw need(`${path}.line1`, 'Address line 1 cannot be blank.');
  if (!city) throw need(`${path}.city`, 'City cannot be blank.');
  if (!postalCode) throw need(`${path}.postalCode`, 'Postal code cannot be blank.');
  return { line1, line2: text(a.line2), city, postalCode, country: a.country.toUpperCase() };
}

/** A real calendar date, in the past, not before 1900. */
function checkDateOfBirth(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw need(field, 'Date of birth is not a real date.');
  if (d.getTime() > Date.now()) throw need(field, 'Date of birth cannot be in the future.');
  if (d.getUTCFullYear() < 1900) throw need(field, 'Date of birth cannot be before 1900.');
  return value;
}

export function normalizePerson(p: KycPersonInput, path = 'person'): KycPersonData {
  const fullName = text(p.fullName);
  if (!fullName || visibleLength(fullName) < 2) throw need(`${path}.fullName`, 'Full name needs 2 to 200 characters.');
  return {
    fullName,
    dateOfBirth: p.dateOfBirth ? checkDateOfBirth(p.dateOfBirth, `${path}.dateOfBirth`) : null,
    nationality: p.nationality ? p.nationality.toUpperCase() : null,
    address: p.address ? normalizeAddress(p.address, `${path}.address`) : null,
  };
}

export function normalizeBusiness(b: KycBusinessInput, path = 'business'): KycBusinessData {
  const legalName = text(b.legalName);
  if (!legalName || visibleLength(legalName) < 2) throw need(`${path}.legalName`, 'Legal name needs 2 to 200 characters.');
  let vatNumber: string | null = null;
  if (b.vatNumber) {
    vatNumber = b.vatNumber.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(vatNumber)) {
      throw need(`${path}.vatNumber`, 'VAT number: a two-letter country prefix, then 2 to 13 letters or digits, e.g. DE123456789.');
    }
  }
  return {
    legalName,
    registrationNumber: text(b.registrationNumber),
    country: b.country ? b.country.toUpperCase() : null,
    vatNumber,
    address: b.address ? normalizeAddress(b.address, `${path}.address`) : null,
  };
}

/** The details for the case's kind from an input that may carry either; the other must be absent. */
function detailsOf(kind: KycSubjectKind, input: { person?: KycPersonInput | null; business?: KycBusinessInput | null }): { details: KycDetails; name: string } {
  if (kind === KycSubjectKind.PERSON) {
    if (input.business) throw need('business', 'A PERSON case takes "person" details, not "business".');
    if (!input.person) throw need('person', 'Give the person\'s details ("person").');
    const person = normalizePerson(input.person);
    return { details: person, name: person.fullName };
  }
  if (input.person) throw need('person', 'A BUSINESS case takes "business" details, not "person".');
  if (!input.business) throw need('business', 'Give the business\'s details ("business").');
  const business = normalizeBusiness(input.business);
  return { details: business, name: business.legalName };
}

/** What a case still lacks before it can be submitted, as field errors. */
export function missingForSubmit(kycCase: KycCase): FieldError[] {
  const missing: FieldError[] = [];
  const req = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') missing.push({ field, message: 'Required before submitting.' });
  };
  const person = kycCase.personDetails();
  const business = kycCase.businessDetails();
  if (person) {
    req('person.fullName', person.fullName);
    req('person.dateOfBirth', person.dateOfBirth);
    req('person.nationality', person.nationality);
    req('person.address', person.address);
  }
  if (business) {
    req('business.legalName', business.legalName);
    req('business.registrationNumber', business.registrationNumber);
    req('business.country', business.country);
    req('business.address', business.address);
  }
  return missing;
}

/* ------------------------------------------------------------------ */
/* reads                                                               */
/* ------------------------------------------------------------------ */

const KYC_CASE_SORTS = {
  createdAt: (d: SortDirection) => dateSort<KycCase>('createdAt', d),
  updatedAt: (d: SortDirection) => dateSort<KycCase>('updatedAt', d),
  subjectName: (d: SortDirection) => stringSort<KycCase>('subjectName', d),
};

export async function listCases(ctx: Context, args: KycCasesArgs): Promise<ConnectionShape<KycCase>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.subjectKind) where.subjectKind = f.subjectKind;
  if (f?.text?.trim()) where.subjectName = { $ilike: containsPattern(f.text.trim()) };
  // Inside a tenant the filter already pins the tenant; another tenant's id simply matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.reviewerId) {
    // Who reviews is staff-only information; filtering by it would reveal it.
    if (!canSeeReview(ctx)) throw forbidden('Only KYC staff can filter by reviewer.', ErrorReason.STAFF_ONLY_FILTER);
    where.reviewer = expectGlobalId(f.reviewerId, 'User', 'filter.reviewerId');
  }
  await auditPlatformAccess(ctx, 'kycCases', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({ em: ctx.em, entity: KycCase, where: where, args, sort: sortKeyOf(args.orderBy, KYC_CASE_ORDER_DEFAULT, KYC_CASE_SORTS), options: scopeOptions(ctx) });
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

/**
 * The one path of every case change: lock, check the version and the transition table, apply,
 * move the state, and audit in the same transaction.
 */
async function changeCase(
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

export async function startReview(ctx: Context, input: KycCaseVersionInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  return changeCase(ctx, input, 'startReview', (em, kycCase) => {
    if (kycCase.createdBy.id === userId) throw forbidden('You created this case, so someone else must review it.', ErrorReason.SELF_REVIEW);
    kycCase.reviewer = em.getReference(User, userId, { wrapped: true });
    kycCase.reviewStartedAt = new Date();
    kycCase.recommendation = null;
    kycCase.recommendationReason = null;
    kycCase.riskRating = null;
    kycCase.recommendedAt = null;
    return { reviewerId: toGlobalId('User', userId) };
  });
}

function requireReviewer(kycCase: KycCase, userId: string, what: string): void {
  if (kycCase.reviewer?.id !== userId) throw forbidden(`Only the case's reviewer can ${what}; start the review first if it is yours.`, ErrorReason.NOT_REVIEWER);
}

async function pendingDocuments(em: EntityManager, kycCase: KycCase): Promise<number> {
  return em.count(KycDocument, { case: kycCase.id, tenant: kycCase.tenant.id, status: KycDocumentStatus.PENDING }, { filters: false });
}

export async function recommend(ctx: Context, input: RecommendKycCaseInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const reason = text(input.reason);
  if (!reason || visibleLength(reason) < 3) throw need('reason', 'Give a reason of 3 to 2,000 characters.');
  return changeCase(ctx, input, 'recommend', async (em, kycCase) => {
    requireReviewer(kycCase, userId, 'record a recommendation');
    const pending = await pendingDocuments(em, kycCase);
    if (pending) throw conflict(`Accept or reject every document first (${pending} pending).`, ErrorReason.DOCUMENTS_PENDING);
    kycCase.recommendation = input.recommendation;
    kycCase.recommendationReason = reason;
    kycCase.riskRating = input.riskRating;
    kycCase.recommendedAt = new Date();
    return { recommendation: input.recommendation, riskRating: input.riskRating, reason };
  });
}

export async function requestInfo(ctx: Context, input: RequestKycInfoInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const message = input.message.trim();
  if (visibleLength(message) < 3) throw need('message', 'Tell the customer what is missing in 3 to 2,000 characters.');
  return changeCase(ctx, input, 'requestInfo', (_em, kycCase) => {
    requireReviewer(kycCase, userId, 'ask the customer for more information');
    kycCase.customerMessage = message;
    // A recommendation made before the customer adds more no longer stands.
    kycCase.recommendation = null;
    kycCase.recommendationReason = null;
    kycCase.riskRating = null;
    kycCase.recommendedAt = null;
    return { reason: message };
  });
}

export async function decide(ctx: Context, input: DecideKycCaseInput): Promise<KycCase> {
  const userId = requireStaff(ctx);
  const reason = text(input.reason);
  if (!reason || visibleLength(reason) < 3) throw need('reason', 'Give a reason of 3 to 2,000 characters.');
  const action: KycAction = input.decision === KycDecision.APPROVE ? 'approve' : 'reject';
  return changeCase(ctx, input, action, async (em, kycCase) => {
    // Four-eyes: the reviewer recommends, someone else decides.
    if (kycCase.reviewer?.id === userId) {
      throw forbidden('You reviewed this case; a second staff member must make the decision (four-eyes).', ErrorReason.FOUR_EYES);
    }
    if (kycCase.createdBy.id === userId) throw forbidden('You created this case, so someone else must decide it.', ErrorReason.SELF_REVIEW);
    if (!kycCase.reviewer || !kycCase.recommendation) {
      throw conflict("The reviewer has not recorded a recommendation yet; decide after it's there.", ErrorReason.RECOMMENDATION_REQUIRED);
    }
    if (action === 'approve') {
      const pending = await pendingDocuments(em, kycCase);
      if (pending) throw conflict(`Every document must be accepted or rejected first (${pending} pending).`, ErrorReason.DOCUMENTS_PENDING);
      const accepted = await em.count(KycDocument, { case: kycCase.id, tenant: kycCase.tenant.id, status: KycDocumentStatus.ACCEPTED }, { filters: false });
      if (!accepted) throw conflict('A case is approved on at least one accepted document.', ErrorReason.NO_ACCEPTED_DOCUMENT);
    }
    kycCase.decidedBy = em.getReference(User, userId, { wrapped: true });
    kycCase.decisionReason = reason;
    kycCase.decidedAt = new Date();
    kycCase.customerMessage = text(input.customerMessage);
    return { reason, recommendation: kycCase.recommendation, reviewerId: toGlobalId('User', kycCase.reviewer.id) };
  });
}

/**
 * What the caller could do to the case now: the transition table for its state, narrowed by who
 * the caller is (customer or staff, reviewer or second pair of eyes). A hint for clients that
 * hide what a role cannot do; the mutations check everything again.
 */
export function availableActions(ctx: Context, kycCase: KycCase): KycAction[] {
  const userId = userIdOf(ctx);
  const customer = !!ctx.tenantId && ctx.permissions.has('kyc:write');
  const staff = isPlatformScope(ctx) && ctx.permissions.has('platform:kyc:review');
  const isReviewer = !!userId && kycCase.reviewer?.id === userId;
  const isCreator = kycCase.createdBy.id === userId;
  return KYC_ACTION_NAMES.filter((action) => {
    if (!isActionAllowed(action, kycCase.status)) return false;
    if (KYC_ACTIONS[action].actor === 'customer') return customer;
    if (!staff) return false;
    switch (action) {
      case 'startReview':
        return !isCreator;
      case 'approve':
      case 'reject':
        return !isReviewer && !isCreator && !!kycCase.recommendation;
      default:
        return isReviewer;
    }
  });
}
