import DataLoader from 'dataloader';
import { Field, Int, ObjectType } from 'type-graphql';
import { groupBy } from '../../common/batch-loaders';
import { toGlobalId } from '../../common/global-id';
import type { Context } from '../../context/context';
import { leanFind } from '../../database/lean-find';
import { AuditLog } from '../audit/audit-log.entity';
import { KycCase, KycCaseStatus } from './kyc-case.entity';
import { canSeeReview } from './kyc.access';
import { KYC_CONTENT_TYPES } from './kyc.storage';
import { type KycAction, KycCaseAction } from './kyc.transitions';

/**
 * A case's status history, read from what the server already records: the audit rows of every
 * change of state (kyc.service.ts writes one per change, in the same transaction). The customer's
 * own steps are rows of their tenant; staff steps are platform rows naming the case. Only the
 * states, the time and (for a request for information) the message meant for the customer come
 * out: never who on the staff acted or their internal reasons.
 */

/** At most this many changes are answered (the newest): a bound for the query cost. */
export const HISTORY_LIMIT = 100;

/** Audit actions that move a case between states, and the table action behind each. */
const STATE_ACTIONS: Record<string, KycAction | null> = {
  'kyc.case.created': null,
  'kyc.case.submitted': 'submit',
  'kyc.case.review_started': 'startReview',
  'kyc.case.info_requested': 'requestInfo',
  'kyc.case.approved': 'approve',
  'kyc.case.rejected': 'reject',
};

/** The action that puts a case into each state (for stand-ins). */
const ENTERED_BY: Record<KycCaseStatus, KycAction | null> = {
  DRAFT: null,
  SUBMITTED: 'submit',
  IN_REVIEW: 'startReview',
  NEEDS_INFO: 'requestInfo',
  APPROVED: 'approve',
  REJECTED: 'reject',
};

const STATUSES = new Set<string>(Object.values(KycCaseStatus));
const asStatus = (v: unknown): KycCaseStatus | null => (typeof v === 'string' && STATUSES.has(v) ? (v as KycCaseStatus) : null);

@ObjectType({ description: 'One change of state of a KYC case.' })
export class KycStatusChange {
  @Field(() => KycCaseStatus, { description: 'The state the case entered.' })
  status!: KycCaseStatus;

  @Field(() => KycCaseStatus, { nullable: true, description: 'The state it left; null when the case was created.' })
  previousStatus!: KycCaseStatus | null;

  @Field(() => KycCaseAction, { nullable: true, description: 'What moved it; null when the case was created.' })
  action!: KycAction | null;

  @Field(() => Date, { description: 'When it changed.' })
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: 'For a request for more information: what the customer was asked. Null otherwise.' })
  message!: string | null;

  /** The member who acted (customer steps only; staff steps never name staff to customers). */
  actorId!: string | null;
}

@ObjectType({ description: 'How to upload a document to a KYC case, and what the server accepts.' })
export class KycDocumentUpload {
  @Field({ description: 'POST a multipart/form-data body here, with a "kind" field and a "file" field, and your bearer token.' })
  path!: string;

  @Field(() => Int, { description: 'The largest file accepted, in bytes; a larger one is refused with HTTP 413.' })
  maxBytes!: number;

  @Field(() => [String], { description: 'Content types accepted, detected from the file content (magic bytes), not from its name.' })
  contentTypes!: string[];
}

export function documentUploadOf(ctx: Pick<Context, 'app'>, kycCase: KycCase): KycDocumentUpload {
  return {
    path: `/api/kyc/cases/${toGlobalId('KycCase', kycCase.id)}/documents`,
    maxBytes: ctx.app.config.kyc.maxUploadBytes,
    contentTypes: [...KYC_CONTENT_TYPES],
  };
}

function changeOf(row: AuditLog, showActor: boolean): KycStatusChange | null {
  const action = STATE_ACTIONS[row.action];
  if (action === undefined) return null;
  const diff = row.diff ?? {};
  const customerStep = Boolean(row.tenant);
  if (action === null) {
    const after = diff.after as Record<string, unknown> | undefined;
    return { status: asStatus(after?.status) ?? KycCaseStatus.DRAFT, previousStatus: null, action: null, changedAt: row.createdAt, message: null, actorId: row.actor?.id ?? null };
  }
  const status = asStatus(diff.to);
  if (!status) return null;
  return {
    status,
    previousStatus: asStatus(diff.from),
    action,
    changedAt: row.createdAt,
    // The reviewer's request is the message shown to the customer (customerMessage); other reasons are internal.
    message: action === 'requestInfo' && typeof diff.reason === 'string' ? diff.reason : null,
    actorId: customerStep || showActor ? (row.actor?.id ?? null) : null,
  };
}

/**
 * Loads the histories of many cases in one query. The cases were read through their access
 * policy already; the audit rows are matched by the case's global id (unique across tenants),
 * in the case's tenant or on the platform (staff steps).
 */
export function createHistoryLoader(ctx: Omit<Context, 'loaders'>): DataLoader<KycCase, KycStatusChange[]> {
  return new DataLoader<KycCase, KycStatusChange[], string>(
    async (cases) => {
      const targetIds = cases.map((c) => toGlobalId('KycCase', c.id));
      const tenantIds = [...new Set(cases.map((c) => c.tenant.id))];
      const rows = await leanFind(
        ctx.em,
        AuditLog,
        { targetType: 'KycCase', targetId: { $in: targetIds }, action: { $in: Object.keys(STATE_ACTIONS) }, $or: [{ tenant: null }, { tenant: { $in: tenantIds } }] },
        { filters: false, orderBy: { createdAt: 'ASC', id: 'ASC' } },
      );
      const byTarget = groupBy(rows, (r) => r.targetId);
      const showActor = canSeeReview(ctx);
      return cases.map((c) => {
        const changes = (byTarget.get(toGlobalId('KycCase', c.id)) ?? []).map((r) => changeOf(r, showActor)).filter((x): x is KycStatusChange => x !== null);
        // Cases made without the API (seeded, imported) have no audit rows: the case's own times stand in.
        const stand = (status: KycCaseStatus, at: Date | null | undefined, action: KycAction | null, previous: KycCaseStatus | null) => {
          if (at && !changes.some((x) => x.action === action)) changes.push({ status, previousStatus: previous, action, changedAt: at, message: null, actorId: null });
        };
        stand(KycCaseStatus.DRAFT, c.createdAt, null, null);
        stand(KycCaseStatus.SUBMITTED, c.submittedAt, 'submit', null);
        const status: KycCaseStatus = c.status;
        if (status === KycCaseStatus.APPROVED || status === KycCaseStatus.REJECTED) stand(status, c.decidedAt, status === KycCaseStatus.APPROVED ? 'approve' : 'reject', null);
        changes.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
        changes.forEach((x, i) => {
          if (i > 0 && x.action !== null && x.previousStatus === null) x.previousStatus = changes[i - 1]?.status ?? null;
        });
        // Still short of the state the case is in: the current state stands in, at its last update.
        const last = changes[changes.length - 1];
        if (last && last.status !== status) {
          const at = c.updatedAt > last.changedAt ? c.updatedAt : last.changedAt;
          changes.push({ status, previousStatus: last.status, action: ENTERED_BY[status], changedAt: at, message: status === KycCaseStatus.NEEDS_INFO ? (c.customerMessage ?? null) : null, actorId: null });
        }
        return changes.slice(-HISTORY_LIMIT);
      });
    },
    { cacheKeyFn: (c) => c.id, maxBatchSize: 200 },
  );
}
