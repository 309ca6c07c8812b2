import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, staffCan } from '../../permissions/rules';

/**
 * Customers (kyc:read, kyc:write in their tenant) own their cases until submitted; KYC staff
 * (platform:kyc:read, platform:kyc:review) read every tenant's cases and review them. Finer
 * rules (the reviewer, four-eyes, states) are checked by the service.
 */
export const kycPermissions: ModulePermissions = {
  Query: {
    kycCase: canOrStaff('kyc:read', 'platform:kyc:read'),
    kycCases: canOrStaff('kyc:read', 'platform:kyc:read'),
    kycDocument: canOrStaff('kyc:read', 'platform:kyc:read'),
    kycDocuments: canOrStaff('kyc:read', 'platform:kyc:read'),
  },
  Mutation: {
    createKycCase: can('kyc:write'),
    updateKycCase: can('kyc:write'),
    submitKycCase: can('kyc:write'),
    deleteKycDocument: can('kyc:write'),
    startKycReview: staffCan('platform:kyc:review'),
    recommendKycCase: staffCan('platform:kyc:review'),
    requestKycInfo: staffCan('platform:kyc:review'),
    decideKycCase: staffCan('platform:kyc:review'),
    decideKycDocument: staffCan('platform:kyc:review'),
  },
};
