import { defineModule, nodeType } from '../../common/module';
import { membershipAccess, roleAccess, tenantAccess } from './tenancy.access';
import { Tenant } from './tenant.entity';
import { Role } from './role.entity';
import { Membership } from './membership.entity';
import { TenantResolver, MembershipResolver, RoleResolver } from './tenancy.resolver';
import { tenancyPermissions } from './tenancy.permissions';
import { createTenancyLoaders } from './tenancy.loaders';

export const tenancyModule = defineModule({
  name: 'tenancy',
  entities: [Tenant, Role, Membership],
  resolvers: [TenantResolver, MembershipResolver, RoleResolver],
  permissions: tenancyPermissions,
  loaders: createTenancyLoaders,
  nodeTypes: {
    Membership: nodeType(Membership, membershipAccess),
    Role: nodeType(Role, roleAccess),
    // Your own tenant, or any for staff.
    Tenant: nodeType(Tenant, tenantAccess),
  },
});
