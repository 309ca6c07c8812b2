import { notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { ConnectionShape, ConnectionArgs } from '../../common/pagination/connection';
import { SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { FeatureFlagOverride } from './feature-flag-override.entity';
import { FeatureFlag } from './feature-flag.entity';
import type { SetFeatureFlagInput, SetFeatureFlagOverrideInput } from './flag.inputs';

export interface EvaluatedFlagShape {
  key: string;
  enabled: boolean;
  overridden: boolean;
}

/** Every flag, evaluated for the caller's tenant: the tenant's override, else the global default. */
export async function evaluateFlags(ctx: Context): Promise<EvaluatedFlagShape[]> {
  const [flags, overrides] = await Promise.all([
    ctx.em.find(FeatureFlag, {}, { orderBy: { key: 'ASC' } }),
    ctx.tenantId ? ctx.em.find(FeatureFlagOverride, {}) : Promise.resolve([]),
  ]);
  const byFlag = new Map(overrides.map((o) => [o.flag.id, o.enabled]));
  return flags.map((f) => ({ key: f.key, enabled: byFlag.get(f.id) ?? f.defaultEnabled, overridden: byFlag.has(f.id) }));
}

/** Platform staff: every flag; the overrides it shows span tenants, so the read is audited. */
export async function listFlags(ctx: Context, args: ConnectionArgs): Promise<ConnectionShape<FeatureFlag>> {
  const page = await paginate({ em: ctx.em, entity: FeatureFlag, where: {}, args, sort: dateSort<FeatureFlag>('createdAt', SortDirection.ASC) });
  await auditPlatformAccess(ctx, 'featureFlags', {});
  return page;
}

export async function setFeatureFlag(ctx: Context, input: SetFeatureFlagInput): Promise<FeatureFlag> {
  return ctx.em.transactional(async (em) => {
    let flag = await em.findOne(FeatureFlag, { key: input.key });
    const before = flag ? { defaultEnabled: flag.defaultEnabled, description: flag.description } : null;
    if (!flag) {
      flag = em.create(FeatureFlag, { key: input.key, description: input.description ?? '', defaultEnabled: input.defaultEnabled });
      em.persist(flag);
    } else {
      flag.defaultEnabled = input.defaultEnabled;
      if (input.description !== undefined && input.description !== null) flag.description = input.description;
    }
    const after = { defaultEnabled: flag.defaultEnabled, description: flag.description };
    // As elsewhere (tickets, roles): a change to nothing writes no audit row.
    if (before && !diffOf(before, after)) return flag;
    // Flags are small: the row keeps the whole before/after state, not only the changed keys.
    recordAudit(ctx, em, { action: before ? 'flag.updated' : 'flag.created', tenantId: null, target: { type: 'FeatureFlag', id: flag.id }, diff: { before, after } });
    return flag;
  });
}

/** Sets (or with enabled: null, removes) one tenant's override of a flag. */
export async function setFeatureFlagOverride(ctx: Context, input: SetFeatureFlagOverrideInput): Promise<FeatureFlag> {
  const tenantId = expectGlobalId(input.tenantId, 'Tenant', 'tenantId');
  return ctx.em.transactional(async (em) => {
    const flag = await em.findOne(FeatureFlag, { key: input.key });
    if (!flag) throw notFound('Feature flag');
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) throw notFound('Tenant');
    const existing = await em.findOne(FeatureFlagOverride, { flag: flag.id, tenant: tenantId }, { filters: false });
    const before = existing ? existing.enabled : null;
    const after = input.enabled ?? null;
    // Setting the value it already has, or clearing an override that does not exist, changes nothing.
    if (before === after) return flag;
    if (after === null) {
      if (existing) em.remove(existing);
    } else if (existing) {
      existing.enabled = after;
    } else {
      em.persist(em.create(FeatureFlagOverride, { flag, tenant, enabled: after }));
    }
    recordAudit(ctx, em, {
      action: 'flag.override_set',
      tenantId,
      target: { type: 'FeatureFlag', id: flag.id },
      diff: { before: { enabled: before }, after: { enabled: after } },
    });
    return flag;
  });
}
