import type { Context } from '../../context/context';
import { byIdLoader } from '../../common/batch-loaders';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';

export function createTenancyLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    /**
     * Tenants and roles only answer GraphQL (an object's tenant, `tenant(id)`, `me`, a
     * membership's or invitation's role): read lean, outside the identity map. Services that
     * change a tenant or a role load it themselves, inside their transaction.
     */
    tenantById: byIdLoader(ctx.em, Tenant, { lean: true }),
    /** Roles of memberships the caller can see, including their own in other tenants (me.memberships). */
    roleOfMembership: byIdLoader(ctx.em, Role, { filters: false, lean: true }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    tenancy: ReturnType<typeof createTenancyLoaders>;
  }
}
