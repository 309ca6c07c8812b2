import { unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import { ApiKey } from '../apikeys/api-key.entity';
import { Entitlement } from '../entitlements/entitlement.entity';
import { activeAt } from '../entitlements/entitlement.gate';
import { evaluateFlags } from '../flags/flag.service';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';
import type { Me } from './me.types';

/**
 * The caller. For an API key: the member it acts for, its tenant, that member's role there, the
 * key's effective permissions, and only that one membership (a key never leaves its tenant).
 */
export async function getMe(ctx: Context): Promise<Me> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  const now = new Date();
  const [user, tenant, entitlements, featureFlags, memberships, apiKey] = await Promise.all([
    ctx.em.findOneOrFail(User, { id: p.userId }),
    ctx.tenantId ? ctx.loaders.tenancy.tenantById.load(ctx.tenantId) : Promise.resolve(null),
    ctx.tenantId
      ? ctx.em.find(Entitlement, activeAt(now), { orderBy: { feature: 'ASC' } })
      : Promise.resolve([]),
    evaluateFlags(ctx),
    // The caller's own memberships in every tenant: the tenant filter is off, the user condition is not.
    p.kind === 'apiKey'
      ? ctx.em.find(Membership, { id: p.membershipId })
      : ctx.em.find(Membership, { user: p.userId }, { filters: false, orderBy: { createdAt: 'ASC', id: 'ASC' } }),
    p.kind === 'apiKey' ? ctx.em.findOne(ApiKey, { id: p.apiKeyId }) : Promise.resolve(null),
  ]);
  if (p.kind === 'apiKey') {
    return { user, tenant, role: p.role, staffRole: null, permissions: [...ctx.permissions].sort(), entitlements, featureFlags, memberships, twoFactorEnabled: false, twoFactorEnrollmentRequired: false, apiKey };
  }
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
    apiKey: null,
  };
}
