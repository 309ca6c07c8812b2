import { defineAccess, readGrant } from '../../permissions/access';
import type { RequestScope } from '../../context/scope';
import type { KycCase } from './kyc-case.entity';
import type { KycDocument } from './kyc-document.entity';

/** KYC cases: members with kyc:read see their tenant's; staff with platform:kyc:read see all. */
export const kycCaseAccess = defineAccess<KycCase>({ type: 'KycCase', tenant: 'kyc:read', platform: 'platform:kyc:read' });

/** Documents (and their files, over REST) are read with their case. */
export const kycDocumentAccess = defineAccess<KycDocument>({ type: 'KycDocument', tenant: 'kyc:read', platform: 'platform:kyc:read' });

/**
 * The staff side of a case (reviewer, approver, recommendation, risk, internal reasons, who
 * decided a document) is for platform staff with KYC rights only; customers never see it.
 */
export function canSeeReview(scope: RequestScope): boolean {
  return readGrant(scope, kycCaseAccess)?.as === 'platform';
}
