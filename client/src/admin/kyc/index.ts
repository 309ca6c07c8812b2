import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createKycCasesProvider, type KycCaseRecord } from '../providers/kyc.provider';
import { RESOURCES } from '../resource-names';

const KycCaseList = lazyPage(() => import('./KycCaseList'), 'KycCaseList');
const KycCaseShow = lazyPage(() => import('./KycCaseShow'), 'KycCaseShow');

/**
 * Every tenant's KYC cases as a review queue, and a page per case with its documents inline.
 * Staff with platform:kyc:review take the review steps (the server enforces who may take which:
 * the reviewer recommends, someone else decides); platform:kyc:read only reads.
 */
export const kycCases = defineAdminResource<KycCaseRecord>({
  name: RESOURCES.kycCases,
  label: 'KYC review',
  provider: createKycCasesProvider,
  access: { list: 'platform:kyc:read', show: 'platform:kyc:read' },
  operations: { review: 'platform:kyc:review' },
  list: KycCaseList,
  show: KycCaseShow,
  icon: VerifiedUserOutlined,
  recordRepresentation: 'subjectName',
});
