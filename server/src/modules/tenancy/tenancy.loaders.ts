import { type Context, scopeOptions } from '../../context/context';
import { byIdLoader } from '../../common/loader';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';

export function createTenancyLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    tenantById: byIdLoader(ctx.em, Tenant),
    roleById: byIdLoader(ctx.em, Role, scopeOptions(ctx)),
    /** Roles of the caller's memberships, which may sit in other tenants; only reached from a membership the caller can see. */
    roleAnyTenantById: byIdLoader(ctx.em, Role, { filters: false }),
  };
}
