import { entitlementAccess } from './entitlement.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable, staffCan } from '../../permissions/rules';

export const entitlementPermissions: ModulePermissions = {
  Query: {
    entitlements: readable(entitlementAccess),
    entitlement: readable(entitlementAccess),
    quotaUsage: readable(entitlementAccess),
  },
  Mutation: {
    grantEntitlement: staffCan('platform:entitlement:manage'),
    revokeEntitlement: staffCan('platform:entitlement:manage'),
  },
};
