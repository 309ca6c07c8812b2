import Chip from '@mui/material/Chip';
import type { KycCaseStatus, KycDocumentStatus } from '../../../../gql/graphql';
import { KYC_DOCUMENT_STATUS_LABEL, KYC_STATUS_LABEL } from '../kycLabels';

// Foregrounds reach 4.5:1 on their backgrounds.
const CASE_COLOURS: Record<KycCaseStatus, { bg: string; fg: string }> = {
  DRAFT: { bg: '#f1f5f9', fg: '#475569' },
  SUBMITTED: { bg: '#e0e7ff', fg: '#3730a3' },
  IN_REVIEW: { bg: '#e0f2fe', fg: '#075985' },
  NEEDS_INFO: { bg: '#fef3c7', fg: '#92400e' },
  APPROVED: { bg: '#dcfce7', fg: '#166534' },
  REJECTED: { bg: '#fee2e2', fg: '#991b1b' },
};

const DOCUMENT_COLOURS: Record<KycDocumentStatus, { bg: string; fg: string }> = {
  PENDING: { bg: '#f1f5f9', fg: '#475569' },
  ACCEPTED: { bg: '#dcfce7', fg: '#166534' },
  REJECTED: { bg: '#fee2e2', fg: '#991b1b' },
};

export function KycStatusChip({ status }: { status: KycCaseStatus }) {
  const c = CASE_COLOURS[status];
  return <Chip size="small" label={KYC_STATUS_LABEL[status]} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }} />;
}

export function KycDocumentStatusChip({ status }: { status: KycDocumentStatus }) {
  const c = DOCUMENT_COLOURS[status];
  return <Chip size="small" label={KYC_DOCUMENT_STATUS_LABEL[status]} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 650, height: 24 }} />;
}
