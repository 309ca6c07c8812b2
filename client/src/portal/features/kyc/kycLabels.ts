import type { KycCaseAction, KycCaseStatus, KycDocumentKind, KycDocumentStatus, KycSubjectKind } from '../../../gql/graphql';

export const KYC_STATUSES: readonly KycCaseStatus[] = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'REJECTED'];

export const KYC_STATUS_LABEL: Record<KycCaseStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  NEEDS_INFO: 'Needs information',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

/** What each state means for the customer, in a sentence. */
export const KYC_STATUS_HINT: Record<KycCaseStatus, string> = {
  DRAFT: 'Complete the details, upload at least one document, then submit the case for review.',
  SUBMITTED: 'Submitted. Our compliance team will start the review soon.',
  IN_REVIEW: 'Our compliance team is reviewing the case.',
  NEEDS_INFO: 'We need more information: read the request, correct the details or upload documents, then submit again.',
  APPROVED: 'Verified. Nothing more to do.',
  REJECTED: 'The case could not be verified.',
};

export const KYC_SUBJECT_LABEL: Record<KycSubjectKind, string> = { PERSON: 'Person', BUSINESS: 'Business' };

export const KYC_DOCUMENT_KINDS: readonly KycDocumentKind[] = [
  'PASSPORT',
  'ID_CARD',
  'DRIVING_LICENCE',
  'PROOF_OF_ADDRESS',
  'COMPANY_REGISTRATION',
  'ARTICLES_OF_ASSOCIATION',
  'SHAREHOLDER_REGISTER',
  'OTHER',
];

export const KYC_DOCUMENT_KIND_LABEL: Record<KycDocumentKind, string> = {
  PASSPORT: 'Passport',
  ID_CARD: 'Identity card',
  DRIVING_LICENCE: 'Driving licence',
  PROOF_OF_ADDRESS: 'Proof of address',
  COMPANY_REGISTRATION: 'Company registration',
  ARTICLES_OF_ASSOCIATION: 'Articles of association',
  SHAREHOLDER_REGISTER: 'Shareholder register',
  OTHER: 'Other document',
};

export const KYC_DOCUMENT_STATUS_LABEL: Record<KycDocumentStatus, string> = { PENDING: 'Awaiting review', ACCEPTED: 'Accepted', REJECTED: 'Rejected' };

/** How a change of state reads in the history. */
export const KYC_ACTION_LABEL: Partial<Record<KycCaseAction, string>> = {
  SUBMIT: 'Submitted for review',
  START_REVIEW: 'Review started',
  REQUEST_INFO: 'More information requested',
  APPROVE: 'Approved',
  REJECT: 'Rejected',
};

export function isKycStatus(v: string): v is KycCaseStatus {
  return (KYC_STATUSES as readonly string[]).includes(v);
}

/** "2.4 MB", "812 KB", "96 bytes" (binary units, as the server states its limit). */
export { formatBytes } from '../../../shared/format';
