import type { KycCaseStatus, KycDocumentKind, KycDocumentStatus, KycRecommendation, KycRiskRating, KycSubjectKind } from '../../gql/graphql';
import type { KycCaseRecord } from '../providers/kyc.provider';
import { SoftChip } from '../ui/chips';
import { formatRelative } from '../ui/format';

export const KYC_STATUS_META: Record<KycCaseStatus, { label: string; colour: string }> = {
  SUBMITTED: { label: 'Submitted', colour: '#0369a1' },
  IN_REVIEW: { label: 'In review', colour: '#6d28d9' },
  NEEDS_INFO: { label: 'Needs info', colour: '#b45309' },
  DRAFT: { label: 'Draft', colour: '#64748b' },
  APPROVED: { label: 'Approved', colour: '#15803d' },
  REJECTED: { label: 'Rejected', colour: '#b91c1c' },
};

export function KycStatusChip({ status }: { status: KycCaseStatus }) {
  const meta = KYC_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

export const KYC_STATUS_CHOICES = (['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'DRAFT', 'APPROVED', 'REJECTED'] as const).map((id) => ({ id, name: KYC_STATUS_META[id].label }));

export const SUBJECT_KIND_LABEL: Record<KycSubjectKind, string> = { PERSON: 'Person', BUSINESS: 'Business' };
export const SUBJECT_KIND_CHOICES = (['PERSON', 'BUSINESS'] as const).map((id) => ({ id, name: SUBJECT_KIND_LABEL[id] }));

export const DOCUMENT_KIND_LABEL: Record<KycDocumentKind, string> = {
  PASSPORT: 'Passport',
  ID_CARD: 'Identity card',
  DRIVING_LICENCE: 'Driving licence',
  PROOF_OF_ADDRESS: 'Proof of address',
  COMPANY_REGISTRATION: 'Company registration',
  ARTICLES_OF_ASSOCIATION: 'Articles of association',
  SHAREHOLDER_REGISTER: 'Shareholder register',
  OTHER: 'Other document',
};

const DOCUMENT_STATUS_META: Record<KycDocumentStatus, { label: string; colour: string }> = {
  PENDING: { label: 'To check', colour: '#b45309' },
  ACCEPTED: { label: 'Accepted', colour: '#15803d' },
  REJECTED: { label: 'Rejected', colour: '#b91c1c' },
};

export function KycDocumentStatusChip({ status }: { status: KycDocumentStatus }) {
  const meta = DOCUMENT_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

export const RECOMMENDATION_LABEL: Record<KycRecommendation, string> = { APPROVE: 'Approve', REJECT: 'Reject' };
export const RISK_LABEL: Record<KycRiskRating, string> = { LOW: 'Low risk', MEDIUM: 'Medium risk', HIGH: 'High risk' };
const RISK_COLOUR: Record<KycRiskRating, string> = { LOW: '#15803d', MEDIUM: '#b45309', HIGH: '#b91c1c' };

export function RiskChip({ risk }: { risk: KycRiskRating }) {
  return <SoftChip label={RISK_LABEL[risk]} colour={RISK_COLOUR[risk]} />;
}

export function RecommendationChip({ recommendation }: { recommendation: KycRecommendation }) {
  return <SoftChip label={`Recommends: ${RECOMMENDATION_LABEL[recommendation].toLowerCase()}`} colour={recommendation === 'APPROVE' ? '#15803d' : '#b91c1c'} />;
}

/** What the case waits for now, in a few words (the queue's "next step" column). */
export function nextStepOf(c: Pick<KycCaseRecord, 'status' | 'reviewer' | 'recommendation'>): string {
  switch (c.status) {
    case 'SUBMITTED':
      return 'Needs a reviewer';
    case 'IN_REVIEW':
      if (c.recommendation) return `Needs a decision (four-eyes)`;
      return c.reviewer ? `Being reviewed by ${c.reviewer.name}` : 'Being reviewed';
    case 'NEEDS_INFO':
      return 'Waiting for the customer';
    case 'DRAFT':
      return 'Customer is preparing it';
    case 'APPROVED':
      return 'Approved';
    case 'REJECTED':
      return 'Rejected';
  }
}

/** Since when the case waits: for staff from its submission, otherwise from its last change. */
export function waitingSince(c: Pick<KycCaseRecord, 'status' | 'submittedAt' | 'updatedAt' | 'decidedAt'>): { iso: string; label: string } {
  if ((c.status === 'SUBMITTED' || c.status === 'IN_REVIEW') && c.submittedAt) return { iso: c.submittedAt, label: `submitted ${formatRelative(c.submittedAt)}` };
  if (c.decidedAt) return { iso: c.decidedAt, label: `decided ${formatRelative(c.decidedAt)}` };
  return { iso: c.updatedAt, label: `updated ${formatRelative(c.updatedAt)}` };
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
