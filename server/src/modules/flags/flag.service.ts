import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, type FieldError, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { FeatureFlagOverride } from './feature-flag-override.entity';
import { FeatureFlag } from './feature-flag.entity';
import { featureFlagList, type FeatureFlagOverrideInput, type FeatureFlagsArgs, type SetFeatureFlagInput, type SetFeatureFlagOverrideInput } from './flag.inputs';

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
export async function listFlags(ctx: Context, args: FeatureFlagsArgs): Promise<ConnectionShape<FeatureFlag>> {
  const page = await paginate({ em: ctx.em, entity: FeatureFlag, where: {}, args, sort: featureFlagList.sortOf(args) });
  await auditPlatformAccess(ctx, 'featureFlags', {});
  return page;
}

/** The wanted overrides as tenant id → enabled, refusing bad or repeated tenant ids field by field. */
function wantedOverrides(overrides: FeatureFlagOverrideInput[]): Map<string, boolean> {
  const wanted = new Map<string, boolean>();
  const errors: FieldError[] = [];
  overrides.forEach((o, i) => {
    const field = `overrides.${i}.tenantId`;
    let tenantId: string;
    try {
      tenantId = expectGlobalId(o.tenantId, 'Tenant', field);
    } catch {
      errors.push({ field, message: 'Not a tenant id.' });
      return;
    }
    if (wanted.has(tenantId)) errors.push({ field, message: 'This tenant already has an override in the list.' });
    else wanted.set(tenantId, o.enabled);
  });
  if (errors.length) throw badInput('Fix the overrides: each needs a tenant, once.', errors);
  return wanted;
}

/** Sets, changes or (enabled: null) removes one override, audited; a change to nothing does nothing. */
function applyOverride(ctx: Context, em: EntityManager, flag: FeatureFlag, tenantId: string, existing: FeatureFlagOverride | null, after: boolean | null): void {
  const before = existing ? existing.enabled : null;
  if (before === after) return;
  if (after === null) {
    if (existing) em.remove(existing);
  } else if (existing) {
    existing.enabled = after;
  } else {
    em.persist(em.create(FeatureFlagOverride, { flag, tenant: em.getReference(Tenant, tenantId), enabled: after }));
  }
  recordAudit(ctx, em, {
    action: 'flag.override_set',
    tenantId,
    target: { type: 'FeatureFlag', id: flag.id },
    diff: { before: { enabled: before }, after: { enabled: after } },
  });
}

/** Makes the flag's overrides exactly `wanted`: one audited change per tenant that differs. */
async function replaceOverrides(ctx: Context, em: EntityManager, flag: FeatureFlag, wanted: Map<string, boolean>): Promise<void> {
  const [existing, tenants] = await Promise.all([
    em.find(FeatureFlagOverride, { flag: flag.id }, { filters: false }),
    wanted.size ? em.find(Tenant, { id: { $in: [...wanted.keys()] } }) : Promise.resolve([]),
  ]);
  const tenantIds = new Set(tenants.map((t) => t.id));
  const existingByTenant = new Map(existing.map((o) => [o.tenant.id, o]));
  let index = 0;
  for (const [tenantId, enabled] of wanted) {
    if (!tenantIds.has(tenantId)) throw badInput('An override names a tenant that does not exist.', [{ field: `overrides.${index}.tenantId`, message: 'No such tenant.' }]);
    applyOverride(ctx, em, flag, tenantId, existingByTenant.get(tenantId) ?? null, enabled);
    index++;
  }
  for (const o of existing) if (!wanted.has(o.tenant.id)) applyOverride(ctx, em, flag, o.tenant.id, o, null);
}

/**
 * Creates a flag or changes its default and description; with `overrides`, also makes its tenant
 * overrides exactly that set. All of it commits together or not at all, and the flag row is
 * locked, so two staff saving the same flag apply one after the other.
 */
export async function setFeatureFlag(ctx: Context, input: SetFeatureFlagInput): Promise<FeatureFlag> {
  const wanted = input.overrides ? wantedOverrides(input.overrides) : null;
  return ctx.em.transactional(async (em) => {
    let flag = await em.findOne(FeatureFlag, { key: input.key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
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
    // Flags are small: the row keeps the whole before/after state, not only the changed keys.
    if (!before || diffOf(before, after)) {
      recordAudit(ctx, em, { action: before ? 'flag.updated' : 'flag.created', tenantId: null, target: { type: 'FeatureFlag', id: flag.id }, diff: { before, after } });
    }
    if (wanted) await replaceOverrides(ctx, em, flag, wanted);
    return flag;
  });
}

/** Sets (or with enabled: null, removes) one tenant's override of a flag. */
export async function setFeatureFlagOverride(ctx: Context, input: SetFeatureFlagOverrideInput): Promise<FeatureFlag> {
  const tenantId = expectGlobalId(input.tenantId, 'Tenant', 'tenantId');
  return ctx.em.transactional(async (em) => {
    const flag = await em.findOne(FeatureFlag, { key: input.key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!flag) throw notFound('Feature flag');
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) throw notFound('Tenant');
    const existing = await em.findOne(FeatureFlagOverride, { flag: flag.id, tenant: tenantId }, { filters: false });
    // Setting the value it already has, or clearing an override that does not exist, changes nothing.
    applyOverride(ctx, em, flag, tenant.id, existing, input.enabled ?? null);
    return flag;
  });
}
