import { defineModule } from '../../common/module';
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
});
