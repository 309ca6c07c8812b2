import { defineModule, nodeType } from '../../common/module';
import { kycCaseAccess, kycDocumentAccess } from './kyc.access';
import { WidgetType } from '../../common/widget';
import { KycCase } from './kyc-case.entity';
import { KycDocument } from './kyc-document.entity';
import { KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver, KycStatusChangeResolver } from './kyc.resolver';
import { kycPermissions } from './kyc.permissions';
import { createKycLoaders } from './kyc.loaders';
import { createKycRouter } from './kyc.http';
import { kycAwaitingActionWidget } from './kyc.widgets';

export const kycModule = defineModule({
  name: 'kyc',
  entities: [KycCase, KycDocument],
  resolvers: [KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver, KycStatusChangeResolver],
  permissions: kycPermissions,
  loaders: createKycLoaders,
  // Document uploads (multipart) and downloads.
  http: [{ path: '/api/kyc', router: createKycRouter }],
  nodeTypes: {
    KycCase: nodeType(KycCase, kycCaseAccess),
    KycDocument: nodeType(KycDocument, kycDocumentAccess),
  },
  widgets: { [WidgetType.KYC_AWAITING_ACTION]: kycAwaitingActionWidget },
});
