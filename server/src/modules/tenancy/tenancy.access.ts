import { defineAccess, SIGNED_IN } from '../../permissions/access';
import type { Membership } from './membership.entity';
import type { Role } from './role.entity';
import type { Tenant } from './tenant.entity';

/** Tenants: a member sees the tenant they act in; staff with platform:tenant:read see all. */
export const tenantAccess = defineAccess<Tenant>({
  type: 'Tenant',
  tenant: SIGNED_IN,
  platform: 'platform:tenant:read',
  rows: (grant) => (grant.as === 'tenant' ? { id: grant.tenantId } : {}),
});

/** Memberships: members with member:read see their tenant's; staff with platform:tenant:read see all. */
export const membershipAccess = defineAccess<Membership>({ type: 'Membership', tenant: 'member:read', platform: 'platform:tenant:read' });

/** Roles: as memberships. */
export const roleAccess = defineAccess<Role>({ type: 'Role', tenant: 'member:read', platform: 'platform:tenant:read' });
