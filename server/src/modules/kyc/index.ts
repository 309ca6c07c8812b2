import { defineModule, nodeType } from '../../common/module';
import { KycCase } from './kyc-case.entity';
import { KycDocument } from './kyc-document.entity';
import { KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver } from './kyc.resolver';
import { kycPermissions } from './kyc.permissions';
import { createKycLoaders } from './kyc.loaders';

export const kycModule = defineModule({
  name: 'kyc',
  entities: [KycCase, KycDocument],
  resolvers: [KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver],
  permissions: kycPermissions,
  loaders: createKycLoaders,
  nodeTypes: {
    KycCase: nodeType(KycCase, ['kyc:read', 'platform:kyc:read']),
    KycDocument: nodeType(KycDocument, ['kyc:read', 'platform:kyc:read']),
  },
});
