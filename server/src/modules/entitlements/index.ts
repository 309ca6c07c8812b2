import { defineModule, nodeType } from '../../common/module';
import { entitlementAccess } from './entitlement.access';
import { WidgetType } from '../../common/widget';
import { Entitlement } from './entitlement.entity';
import { EntitlementResolver } from './entitlement.resolver';
import { entitlementPermissions } from './entitlement.permissions';
import { createEntitlementLoaders } from './entitlement.loaders';
import { quotaUsageWidget } from './quota.widgets';

export const entitlementsModule = defineModule({
  name: 'entitlements',
  entities: [Entitlement],
  resolvers: [EntitlementResolver],
  permissions: entitlementPermissions,
  loaders: createEntitlementLoaders,
  nodeTypes: {
    Entitlement: nodeType(Entitlement, entitlementAccess),
  },
  widgets: { [WidgetType.QUOTA_USAGE]: quotaUsageWidget },
});
