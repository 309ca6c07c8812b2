import type { Context } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';

export function createTenancyLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    tenantById: byIdLoader(ctx.em, Tenant),
    /** Roles of memberships the caller can see, including their own in other tenants (me.memberships). */
    roleOfMembership: byIdLoader(ctx.em, Role, { filters: false }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    tenancy: ReturnType<typeof createTenancyLoaders>;
  }
}
