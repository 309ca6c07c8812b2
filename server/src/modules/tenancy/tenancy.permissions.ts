import { membershipAccess, roleAccess, tenantAccess } from './tenancy.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, isAuthenticated, readable, staffCan } from '../../permissions/rules';

export const tenancyPermissions: ModulePermissions = {
  Query: {
    tenants: staffCan('platform:tenant:read'),
    tenant: readable(tenantAccess),
    memberships: readable(membershipAccess),
    roles: readable(roleAccess),
    tenantPermissions: isAuthenticated,
  },
  Mutation: {
    updateMembershipRole: canOrStaff('member:manage', 'platform:member:manage'),
    removeMember: canOrStaff('member:manage', 'platform:member:manage'),
    leaveTenant: isAuthenticated,
    createRole: canOrStaff('role:manage', 'platform:role:manage'),
    updateRole: canOrStaff('role:manage', 'platform:role:manage'),
    deleteRole: canOrStaff('role:manage', 'platform:role:manage'),
    updateTenantSecurity: can('tenant:manage'),
  },
};
