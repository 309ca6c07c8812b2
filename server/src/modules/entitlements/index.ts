import { defineModule, nodeType } from '../../common/module';
import { Entitlement } from './entitlement.entity';
import { EntitlementResolver } from './entitlement.resolver';
import { entitlementPermissions } from './entitlement.permissions';
import { createEntitlementLoaders } from './entitlement.loaders';

export const entitlementsModule = defineModule({
  name: 'entitlements',
  entities: [Entitlement],
  resolvers: [EntitlementResolver],
  permissions: entitlementPermissions,
  loaders: createEntitlementLoaders,
  nodeTypes: {
    Entitlement: nodeType(Entitlement, []),
  },
});
