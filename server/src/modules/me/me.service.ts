import { unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import { Entitlement } from '../entitlements/entitlement.entity';
import { activeAt } from '../entitlements/entitlement.gate';
import { evaluateFlags } from '../flags/flag.service';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';
import type { Me } from './me.types';

export async function getMe(ctx: Context): Promise<Me> {
  const p = ctx.principal;
  if (p.kind !== 'user') throw unauthenticated();
  const now = new Date();
  const [user, tenant, entitlements, featureFlags, memberships] = await Promise.all([
    ctx.em.findOneOrFail(User, { id: p.userId }),
    ctx.tenantId ? ctx.loaders.tenancy.tenantById.load(ctx.tenantId) : Promise.resolve(null),
    ctx.tenantId
      ? ctx.em.find(Entitlement, activeAt(now), { orderBy: { feature: 'ASC' } })
      : Promise.resolve([]),
    evaluateFlags(ctx),
    // The caller's own memberships in every tenant: the tenant filter is off, the user condition is not.
    ctx.em.find(Membership, { user: p.userId }, { filters: false, orderBy: { createdAt: 'ASC', id: 'ASC' } }),
  ]);
  return {
    user,
    tenant,
    role: p.role ?? (p.staffRole ? p.staffRole.toLowerCase() : 'none'),
    staffRole: p.staffRole,
    permissions: [...ctx.permissions].sort(),
    entitlements,
    featureFlags,
    memberships,
    twoFactorEnabled: p.twoFactorEnabled,
    twoFactorEnrollmentRequired: p.twoFactorEnrollmentRequired,
  };
}
