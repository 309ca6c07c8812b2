import type { ModulePermissions } from '../../permissions/types';
import { canOrStaff, staffCan } from '../../permissions/rules';

export const entitlementPermissions: ModulePermissions = {
  Query: {
    entitlements: canOrStaff('tool:read', 'platform:entitlement:read'),
    entitlement: canOrStaff('tool:read', 'platform:entitlement:read'),
  },
  Mutation: {
    grantEntitlement: staffCan('platform:entitlement:manage'),
    revokeEntitlement: staffCan('platform:entitlement:manage'),
  },
};
