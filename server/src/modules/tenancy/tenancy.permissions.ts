import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, isAuthenticated, staffCan } from '../../permissions/rules';

export const tenancyPermissions: ModulePermissions = {
  Query: {
    tenants: staffCan('platform:tenant:read'),
    tenant: isAuthenticated,
    memberships: canOrStaff('member:read', 'platform:tenant:read'),
    roles: canOrStaff('member:read', 'platform:tenant:read'),
  },
  Mutation: {
    updateMembershipRole: canOrStaff('member:manage', 'platform:member:manage'),
    createRole: can('role:manage'),
    updateRole: can('role:manage'),
    deleteRole: can('role:manage'),
  },
};
