import { kycCaseAccess, kycDocumentAccess } from './kyc.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, readable, staffCan } from '../../permissions/rules';

/**
 * Customers (kyc:read, kyc:write in their tenant) own their cases until submitted; KYC staff
 * (platform:kyc:read, platform:kyc:review) read every tenant's cases and review them. Finer
 * rules (the reviewer, four-eyes, states) are checked by the service.
 */
export const kycPermissions: ModulePermissions = {
  Query: {
    kycCase: readable(kycCaseAccess),
    kycCases: readable(kycCaseAccess),
    kycDocument: readable(kycDocumentAccess),
    kycDocuments: readable(kycDocumentAccess),
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
