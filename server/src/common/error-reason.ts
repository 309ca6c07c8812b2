import { registerEnumType } from 'type-graphql';

/**
 * Every `reason` the API can answer with, in GraphQL's `extensions.reason` and in REST bodies.
 * The error helpers take only these, so a new reason is added here, with its description, or
 * it does not compile; server/test/error-reasons.test.ts catches literals the compiler cannot.
 */
export enum ErrorReason {
  // UNAUTHENTICATED
  NO_TOKEN = 'NO_TOKEN',
  EXPIRED = 'EXPIRED',
  INVALID = 'INVALID',
  SESSION_ENDED = 'SESSION_ENDED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  REFRESH_REUSED = 'REFRESH_REUSED',
  SIGN_IN_TO_ACCEPT = 'SIGN_IN_TO_ACCEPT',
  MFA_REQUIRED = 'MFA_REQUIRED',
  INVALID_OTP = 'INVALID_OTP',
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  // FORBIDDEN
  MISSING_PERMISSION = 'MISSING_PERMISSION',
  TENANT_REQUIRED = 'TENANT_REQUIRED',
  NOT_A_MEMBER = 'NOT_A_MEMBER',
  ESCALATION = 'ESCALATION',
  SELF_ROLE_CHANGE = 'SELF_ROLE_CHANGE',
  SELF_REMOVAL = 'SELF_REMOVAL',
  INVITATION_EMAIL_MISMATCH = 'INVITATION_EMAIL_MISMATCH',
  OWNER_ONLY = 'OWNER_ONLY',
  SYSTEM_ROLE = 'SYSTEM_ROLE',
  STAFF_ONLY = 'STAFF_ONLY',
  STAFF_REQUIRED = 'STAFF_REQUIRED',
  STAFF_ONLY_FILTER = 'STAFF_ONLY_FILTER',
  SELF_REVIEW = 'SELF_REVIEW',
  NOT_REVIEWER = 'NOT_REVIEWER',
  FOUR_EYES = 'FOUR_EYES',
  TOOL_RETIRED = 'TOOL_RETIRED',
  ENTITLEMENT_REQUIRED = 'ENTITLEMENT_REQUIRED',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  TWO_FACTOR_ENROLLMENT_REQUIRED = 'TWO_FACTOR_ENROLLMENT_REQUIRED',
  SELF_DEACTIVATION = 'SELF_DEACTIVATION',
  SUPERADMIN_REQUIRED = 'SUPERADMIN_REQUIRED',
  // CONFLICT
  DUPLICATE = 'DUPLICATE',
  LAST_OWNER = 'LAST_OWNER',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  INVITATION_PENDING = 'INVITATION_PENDING',
  INVITATION_CLOSED = 'INVITATION_CLOSED',
  ROLE_IN_USE = 'ROLE_IN_USE',
  STALE_VERSION = 'STALE_VERSION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  RUN_FINISHED = 'RUN_FINISHED',
  RUN_NOT_RETRYABLE = 'RUN_NOT_RETRYABLE',
  ENTITLEMENT_EXISTS = 'ENTITLEMENT_EXISTS',
  DOCUMENTS_PENDING = 'DOCUMENTS_PENDING',
  RECOMMENDATION_REQUIRED = 'RECOMMENDATION_REQUIRED',
  NO_ACCEPTED_DOCUMENT = 'NO_ACCEPTED_DOCUMENT',
  DOCUMENT_DECIDED = 'DOCUMENT_DECIDED',
  TWO_FACTOR_ENABLED = 'TWO_FACTOR_ENABLED',
  TWO_FACTOR_NOT_ENABLED = 'TWO_FACTOR_NOT_ENABLED',
  // NOT_FOUND (REST)
  CONTENT_MISSING = 'CONTENT_MISSING',
  // BAD_USER_INPUT: uploads (REST)
  NOT_MULTIPART = 'NOT_MULTIPART',
  BAD_FORM = 'BAD_FORM',
  NO_FILE = 'NO_FILE',
  EMPTY_FILE = 'EMPTY_FILE',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  // BAD_USER_INPUT: limits checked before execution
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  // BAD_USER_INPUT: the request itself, as Apollo Server refused it
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  // RATE_LIMITED
  THROTTLED = 'THROTTLED',
  // SERVICE_UNAVAILABLE
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  EXECUTION_BUDGET_EXCEEDED = 'EXECUTION_BUDGET_EXCEEDED',
}

/** An `ErrorReason`, or its string value (for callers that carry the value as a literal type). */
export type ErrorReasonValue = ErrorReason | `${ErrorReason}`;

const REASONS = new Set<string>(Object.values(ErrorReason));

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && REASONS.has(value);
}

/** One description per value; `satisfies` makes a reason without one a compile error. */
const valuesConfig = {
  NO_TOKEN: { description: 'UNAUTHENTICATED: no access token was sent.' },
  EXPIRED: { description: 'UNAUTHENTICATED: the access token has expired; refresh the session and retry.' },
  INVALID: { description: 'UNAUTHENTICATED: the access token is malformed, forged or not for this API.' },
  SESSION_ENDED: { description: 'UNAUTHENTICATED: the session behind the token was revoked, logged out or has expired.' },
  INVALID_CREDENTIALS: { description: 'UNAUTHENTICATED: the email or password is wrong (the answer does not say which).' },
  SIGN_IN_TO_ACCEPT: { description: 'UNAUTHENTICATED: the invited address has an account; sign in as it, then accept.' },
  REFRESH_REUSED: { description: 'UNAUTHENTICATED: a used or concurrently rotated refresh token was presented; the session is revoked.' },
  MFA_REQUIRED: { description: 'UNAUTHENTICATED: the password is right and the account has two-factor sign-in; send `otp` (a TOTP code or a recovery code).' },
  INVALID_OTP: { description: 'UNAUTHENTICATED: the two-factor code is wrong, or was already used; counts as a failed sign-in.' },
  ACCOUNT_DEACTIVATED: { description: 'UNAUTHENTICATED: the account has been deactivated by platform staff.' },
  MISSING_PERMISSION: { description: 'FORBIDDEN: the caller lacks the permission the operation needs (the message names it).' },
  TENANT_REQUIRED: { description: 'FORBIDDEN: the operation acts in a tenant; switch to one first.' },
  NOT_A_MEMBER: { description: 'FORBIDDEN: the user is not a member of the tenant asked for.' },
  ESCALATION: { description: 'FORBIDDEN: a role or grant would give permissions the caller does not hold.' },
  SELF_ROLE_CHANGE: { description: 'FORBIDDEN: nobody changes their own role.' },
  SELF_REMOVAL: { description: 'FORBIDDEN: members leave a tenant with leaveTenant, not by removing themselves.' },
  INVITATION_EMAIL_MISMATCH: { description: 'FORBIDDEN: the invitation is for another address than the signed-in account.' },
  OWNER_ONLY: { description: 'FORBIDDEN: only an owner grants or takes away the owner role.' },
  SYSTEM_ROLE: { description: 'FORBIDDEN: system roles cannot be changed or deleted.' },
  STAFF_ONLY: { description: 'FORBIDDEN: only platform staff manage this (incidents).' },
  STAFF_REQUIRED: { description: 'FORBIDDEN: KYC review steps are taken by platform staff outside any tenant.' },
  STAFF_ONLY_FILTER: { description: 'FORBIDDEN: the filter (e.g. by KYC reviewer) is for staff only.' },
  SELF_REVIEW: { description: 'FORBIDDEN: whoever created a KYC case cannot review or decide it.' },
  NOT_REVIEWER: { description: "FORBIDDEN: only the KYC case's reviewer may take this step." },
  FOUR_EYES: { description: 'FORBIDDEN: the reviewer of a KYC case cannot also decide it; a second staff member must.' },
  TOOL_RETIRED: { description: 'FORBIDDEN: the tool is retired; it cannot be run, granted or changed.' },
  ENTITLEMENT_REQUIRED: { description: "FORBIDDEN: the tenant is not entitled to the tool." },
  QUOTA_EXCEEDED: { description: "FORBIDDEN: this month's run quota is used up (with feature, limit, used, resetsAt)." },
  TWO_FACTOR_ENROLLMENT_REQUIRED: { description: 'FORBIDDEN: the tenant requires two-factor sign-in; enrol (beginTotpEnrollment, confirmTotpEnrollment) before anything else.' },
  SELF_DEACTIVATION: { description: 'FORBIDDEN: nobody deactivates their own account.' },
  SUPERADMIN_REQUIRED: { description: "FORBIDDEN: only a superadmin deactivates, reactivates or ends the sessions of platform staff." },
  DUPLICATE: { description: 'CONFLICT: something with this name or key already exists (a role, a tool).' },
  LAST_OWNER: { description: 'CONFLICT: a tenant keeps at least one owner.' },
  ALREADY_MEMBER: { description: 'CONFLICT: the invited address already belongs to a member of the tenant.' },
  INVITATION_PENDING: { description: 'CONFLICT: the address already has a pending invitation to the tenant; resend it instead.' },
  INVITATION_CLOSED: { description: 'CONFLICT: the invitation was already accepted or revoked.' },
  ROLE_IN_USE: { description: 'CONFLICT: members still hold the role; reassign them first.' },
  STALE_VERSION: { description: 'CONFLICT: someone else changed the record since it was loaded; reload and retry.' },
  INVALID_TRANSITION: { description: 'CONFLICT: the status change is not allowed from the current status.' },
  RUN_FINISHED: { description: 'CONFLICT: the run has already finished, so it cannot be cancelled.' },
  RUN_NOT_RETRYABLE: { description: 'CONFLICT: only failed or cancelled runs can be retried.' },
  ENTITLEMENT_EXISTS: { description: 'CONFLICT: the tenant already holds the feature for an overlapping period.' },
  DOCUMENTS_PENDING: { description: 'CONFLICT: every KYC document must be accepted or rejected first.' },
  RECOMMENDATION_REQUIRED: { description: 'CONFLICT: the KYC reviewer has not recorded a recommendation yet.' },
  NO_ACCEPTED_DOCUMENT: { description: 'CONFLICT: a KYC case is approved on at least one accepted document.' },
  DOCUMENT_DECIDED: { description: 'CONFLICT: a KYC document already accepted or rejected stays on the case.' },
  TWO_FACTOR_ENABLED: { description: 'CONFLICT: two-factor sign-in is already on; disable it first to enrol again.' },
  TWO_FACTOR_NOT_ENABLED: { description: 'CONFLICT: two-factor sign-in is not on (or no enrolment was begun).' },
  CONTENT_MISSING: { description: 'NOT_FOUND: the stored file of a KYC document is missing.' },
  NOT_MULTIPART: { description: 'BAD_USER_INPUT: an upload must be multipart/form-data.' },
  BAD_FORM: { description: 'BAD_USER_INPUT: the multipart body is unreadable or has more than one file.' },
  NO_FILE: { description: 'BAD_USER_INPUT: no file in the field named "file".' },
  EMPTY_FILE: { description: 'BAD_USER_INPUT: the uploaded file is empty.' },
  FILE_TOO_LARGE: { description: 'BAD_USER_INPUT (HTTP 413): the uploaded file is over the limit (with maxBytes).' },
  UNSUPPORTED_FILE_TYPE: { description: 'BAD_USER_INPUT (HTTP 415): the file content is not an allowed type (with allowedTypes).' },
  QUERY_TOO_LARGE: { description: 'BAD_USER_INPUT: the document has more tokens than allowed.' },
  QUERY_TOO_DEEP: { description: 'BAD_USER_INPUT: the document nests deeper than allowed.' },
  TOO_MANY_ALIASES: { description: 'BAD_USER_INPUT: the document uses more aliases than allowed.' },
  TOO_MANY_DIRECTIVES: { description: 'BAD_USER_INPUT: the document uses more directives than allowed.' },
  QUERY_TOO_COMPLEX: { description: 'BAD_USER_INPUT: the operation would cost more than allowed (with cost, maxCost).' },
  GRAPHQL_PARSE_FAILED: { description: 'BAD_USER_INPUT: the document is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { description: 'BAD_USER_INPUT: the document does not validate against the schema.' },
  BAD_REQUEST: { description: 'BAD_USER_INPUT: the HTTP request is not a GraphQL request the server can read.' },
  OPERATION_RESOLUTION_FAILURE: { description: 'BAD_USER_INPUT: the operation to run cannot be determined (operationName).' },
  PERSISTED_QUERY_NOT_FOUND: { description: 'BAD_USER_INPUT: the persisted query hash is unknown; send the document with it.' },
  PERSISTED_QUERY_NOT_SUPPORTED: { description: 'BAD_USER_INPUT: persisted queries are not supported.' },
  THROTTLED: {
    description:
      "RATE_LIMITED (HTTP 429, Retry-After): the caller's query-cost budget (per API key, session or address) cannot pay for this operation now; `extensions.cost.throttleStatus` says how much it holds and how fast it refills. Nothing ran.",
  },
  DATABASE_UNAVAILABLE: { description: 'SERVICE_UNAVAILABLE (HTTP 503, Retry-After): a store the API needs cannot be reached.' },
  EXECUTION_BUDGET_EXCEEDED: { description: 'SERVICE_UNAVAILABLE (HTTP 503, Retry-After): the request ran out of its execution budget.' },
} satisfies Record<keyof typeof ErrorReason, { description: string }>;

registerEnumType(ErrorReason, {
  name: 'ErrorReason',
  description: 'Why a request was refused: `extensions.reason` of a GraphQL error, `reason` of a REST error body. Each value names the `extensions.code` it comes with.',
  valuesConfig,
});
