import { ErrorReason, conflict } from '../../common/errors';
import { KycCaseStatus } from './kyc-case.entity';

const { DRAFT, SUBMITTED, IN_REVIEW, NEEDS_INFO, APPROVED, REJECTED } = KycCaseStatus;

/** Who may take an action: the tenant's customers (kyc:write) or KYC staff (platform:kyc:review). */
export type KycActor = 'customer' | 'staff';

export interface KycActionRule {
  actor: KycActor;
  /** States the action is allowed in. */
  from: readonly KycCaseStatus[];
  /** The state it leads to; null when the action keeps the state. */
  to: KycCaseStatus | null;
}

/**
 * The one table of what may happen to a KYC case in which state. Every service method asks it
 * (through `assertAction`) before changing anything, and the tests walk it cell by cell.
 */
export const KYC_ACTIONS = {
  /** Change the subject's details. */
  edit: { actor: 'customer', from: [DRAFT, NEEDS_INFO], to: null },
  /** Add or remove a document. */
  upload: { actor: 'customer', from: [DRAFT, NEEDS_INFO], to: null },
  submit: { actor: 'customer', from: [DRAFT, NEEDS_INFO], to: SUBMITTED },
  /** A staff member takes the case and becomes its reviewer. */
  startReview: { actor: 'staff', from: [SUBMITTED], to: IN_REVIEW },
  /** The reviewer accepts or rejects one document. */
  decideDocument: { actor: 'staff', from: [IN_REVIEW], to: null },
  /** The reviewer records a recommendation for the second pair of eyes. */
  recommend: { actor: 'staff', from: [IN_REVIEW], to: null },
  /** The reviewer asks the customer for more. */
  requestInfo: { actor: 'staff', from: [IN_REVIEW], to: NEEDS_INFO },
  /** A staff member other than the reviewer decides (four-eyes). */
  approve: { actor: 'staff', from: [IN_REVIEW], to: APPROVED },
  reject: { actor: 'staff', from: [IN_REVIEW], to: REJECTED },
} as const satisfies Record<string, KycActionRule>;

export type KycAction = keyof typeof KYC_ACTIONS;

export const KYC_ACTION_NAMES = Object.keys(KYC_ACTIONS) as KycAction[];

export function isActionAllowed(action: KycAction, status: KycCaseStatus): boolean {
  return (KYC_ACTIONS[action].from as readonly KycCaseStatus[]).includes(status);
}

const VERBS: Record<KycAction, string> = {
  edit: 'edit',
  upload: 'change the documents of',
  submit: 'submit',
  startReview: 'start reviewing',
  decideDocument: 'decide documents of',
  recommend: 'record a recommendation for',
  requestInfo: 'request information for',
  approve: 'approve',
  reject: 'reject',
};

/** Throws CONFLICT with reason INVALID_TRANSITION when `action` is not allowed in `status`. */
export function assertAction(action: KycAction, status: KycCaseStatus): KycCaseStatus {
  if (!isActionAllowed(action, status)) {
    const allowed = KYC_ACTIONS[action].from.join(' or ');
    throw conflict(`Cannot ${VERBS[action]} a case that is ${status}; it must be ${allowed}.`, ErrorReason.INVALID_TRANSITION);
  }
  return KYC_ACTIONS[action].to ?? status;
}

/** Every state, for tests and docs. */
export const KYC_STATUSES: readonly KycCaseStatus[] = [DRAFT, SUBMITTED, IN_REVIEW, NEEDS_INFO, APPROVED, REJECTED];

/** The actions as a GraphQL enum (KycCaseAction): UPPER_CASE names, table keys as values. */
export const KycCaseAction = {
  EDIT: 'edit',
  UPLOAD: 'upload',
  SUBMIT: 'submit',
  START_REVIEW: 'startReview',
  DECIDE_DOCUMENT: 'decideDocument',
  RECOMMEND: 'recommend',
  REQUEST_INFO: 'requestInfo',
  APPROVE: 'approve',
  REJECT: 'reject',
} as const satisfies Record<string, KycAction>;
