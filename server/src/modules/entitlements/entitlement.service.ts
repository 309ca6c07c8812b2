import type { FilterQuery } from '@mikro-orm/core';
import { ErrorReason, badInput, conflict, forbidden, notFound, type FieldError } from '../../common/errors';
import { isBlank } from '../../common/input-hygiene';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { requestReach, sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { scopeOptions, userIdOf } from '../../context/scope';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { Tool } from '../tools/tool.entity';
import { isJsonObject } from '../tools/tool.json-schema';
import { User } from '../users/user.entity';
import { Entitlement } from './entitlement.entity';
import { entitlementAccess } from './entitlement.access';
import { activeAt, nextMonthStart } from './entitlement.gate';
import { grantUsage } from './quota.widgets';
import type { QuotaUsage } from './quota-usage.types';
import { entitlementList, type EntitlementsArgs, type GrantEntitlementInput, type RevokeEntitlementInput } from './entitlement.inputs';

export const MAX_LIMIT = 1_000_000_000;

/** Limits are a flat object of whole, non-negative numbers with camelCase names. */
export function parseLimits(raw: unknown, field = 'limits'): Record<string, number> {
  if (raw === undefined || raw === null) return {};
  const bad = (message: string, at = field): never => {
    throw badInput(message, [{ field: at, message }]);
  };
  if (!isJsonObject(raw)) return bad('Limits must be an object such as { "runsPerMonth": 500 }.');
  const entries = Object.entries(raw);
  if (entries.length > 20) return bad('At most 20 limits.');
  const out: Record<string, number> = {};
  for (const [key, value] of entries) {
    if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(key)) bad(`"${key}" is not a limit name; use camelCase such as "runsPerMonth".`, `${field}.${key}`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LIMIT) {
      bad(`${key} must be a whole number between 0 and ${MAX_LIMIT}.`, `${field}.${key}`);
    }
    out[key] = value as number;
  }
  return out;
}

function inactiveAt(now: Date): FilterQuery<Entitlement> {
  return { $or: [{ revokedAt: { $ne: null } }, { validFrom: { $gt: now } }, { validUntil: { $lte: now } }] };
}

export async function listEntitlements(ctx: Context, args: EntitlementsArgs): Promise<ConnectionShape<Entitlement>> {
  const f = args.filter;
  const conds: FilterQuery<Entitlement>[] = [];
  if (f?.feature) conds.push({ feature: f.feature });
  if (f?.toolId) conds.push({ tool: expectGlobalId(f.toolId, 'Tool', 'filter.toolId') });
  if (f?.active === true) conds.push(activeAt(new Date()));
  if (f?.active === false) conds.push(inactiveAt(new Date()));
  const tenantId = f?.tenantId ? expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId') : null;
  if (tenantId) conds.push({ tenant: tenantId });
  const page = await paginate({
    em: ctx.em,
    entity: Entitlement,
    where: conds.length ? { $and: conds } : {},
    args,
    sort: entitlementList.sortOf(args),
    options: scopeOptions(ctx),
  });
  await auditPlatformAccess(ctx, 'entitlements', { filter: f ?? null }, tenantId);
  return page;
}

export async function getEntitlement(ctx: Context, id: string): Promise<Entitlement> {
  const row = await ctx.loaders.entitlements.byId.load(id);
  if (!row) throw notFound('Entitlement');
  await auditPlatformAccess(ctx, 'entitlement', { entitlementId: id }, row.tenant.id);
  return row;
}

function snapshot(e: Entitlement) {
  return {
    feature: e.feature,
    tool: e.tool?.id ?? null,
    plan: e.plan,
    limits: e.limits,
    validFrom: e.validFrom.toISOString(),
    validUntil: e.validUntil?.toISOString() ?? null,
  };
}

/**
 * Staff grant a tenant a tool or feature. One unrevoked grant per key and period: an overlapping
 * one answers CONFLICT (revoke it first). Grants of one tenant are serialized by locking the
 * tenant row, so two concurrent grants cannot both pass the overlap check. Audited.
 */
export async function grantEntitlement(ctx: Context, input: GrantEntitlementInput): Promise<Entitlement> {
  const tenantId = expectGlobalId(input.tenantId, 'Tenant', 'tenantId');
  const fields: FieldError[] = [];
  if (!input.toolId === !input.feature) fields.push({ field: 'toolId', message: 'Give either toolId (a tool) or feature (a feature key), not both.' });
  const limits = parseLimits(input.limits);
  const validFrom = input.validFrom ?? new Date();
  const validUntil = input.validUntil ?? undefined;
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) fields.push({ field: 'validUntil', message: 'validUntil must be after validFrom.' });
  if (fields.length) throw badInput(fields.map((f) => f.message).join(' '), fields);
  const toolId = input.toolId ? expectGlobalId(input.toolId, 'Tool', 'toolId') : null;

  return ctx.em.transactional(async (em) => {
    const locked = await tenantQuery<{ id: string }>(em, tenantReach(tenantId), (reach) => sql`select id from tenants where ${tenantIs(reach, 'tenants.id')} for update`);
    if (!locked.length) throw notFound('Tenant');
    let tool: Tool | null = null;
    let feature: string;
    if (toolId) {
      tool = await em.findOne(Tool, { id: toolId });
      if (!tool) throw notFound('Tool');
      if (tool.isRetired()) throw forbidden(`${tool.name} is retired; it cannot be granted.`, ErrorReason.TOOL_RETIRED);
      feature = tool.key;
    } else {
      feature = input.feature ?? '';
      if (await em.count(Tool, { key: feature })) {
        throw badInput(`"${feature}" is a tool; grant it with toolId.`, [{ field: 'feature', message: 'This key names a tool; use toolId.' }]);
      }
    }
    const overlapping = await em.findOne(
      Entitlement,
      {
        tenant: tenantId,
        feature,
        revokedAt: null,
        $and: [{ $or: [{ validUntil: null }, { validUntil: { $gt: validFrom } }] }, validUntil ? { validFrom: { $lt: validUntil } } : {}],
      },
      { filters: false },
    );
    if (overlapping) {
      throw conflict(`This tenant already holds "${feature}" for an overlapping period (plan ${overlapping.plan}); revoke it first.`, ErrorReason.ENTITLEMENT_EXISTS);
    }
    const actorId = userIdOf(ctx);
    const grant = em.create(Entitlement, {
      tenant: em.getReference(Tenant, tenantId),
      feature,
      tool: tool ?? undefined,
      plan: input.plan,
      limits,
      validFrom,
      validUntil,
      grantedBy: actorId ? em.getReference(User, actorId) : undefined,
    });
    em.persist(grant);
    recordAudit(ctx, em, { action: 'entitlement.granted', tenantId, target: { type: 'Entitlement', id: grant.id }, diff: { after: snapshot(grant) } });
    return grant;
  });
}

/** Staff revoke a grant: it stops counting at once (runs already queued still run). Audited; revoking twice changes nothing. */
export async function revokeEntitlement(ctx: Context, input: RevokeEntitlementInput): Promise<Entitlement> {
  const id = expectGlobalId(input.id, 'Entitlement');
  return ctx.em.transactional(async (em) => {
    const grant = await em.findOne(Entitlement, { id }, scopeOptions(ctx));
    if (!grant) throw notFound('Entitlement');
    if (grant.revokedAt) return grant;
    grant.revokedAt = new Date();
    grant.revokeReason = isBlank(input.reason) ? undefined : input.reason?.trim();
    recordAudit(ctx, em, {
      action: 'entitlement.revoked',
      tenantId: grant.tenant.id,
      target: { type: 'Entitlement', id: grant.id },
      diff: { before: snapshot(grant), after: { revokedAt: grant.revokedAt.toISOString(), reason: grant.revokeReason ?? null } },
    });
    return grant;
  });
}

/**
 * This month's use of a tenant's active grants: the caller's own tenant inside a tenant (another
 * tenant's id answers NOT_FOUND); staff name the tenant (audited).
 */
/** The most grants quotaUsage answers (a tenant holds one per tool or feature; the cost model counts on it). */
export const QUOTA_USAGE_LIMIT = 200;

export async function quotaUsageOf(ctx: Context, tenantGlobalId: string | null | undefined): Promise<QuotaUsage[]> {
  const reach = requestReach(ctx, entitlementAccess);
  if (!reach) return [];
  const asked = tenantGlobalId ? expectGlobalId(tenantGlobalId, 'Tenant', 'tenantId') : null;
  let tenantId: string;
  if (reach.as === 'tenant') {
    if (asked && asked !== reach.tenantId) throw notFound('Tenant');
    tenantId = reach.tenantId;
  } else {
    if (!asked) throw badInput('Name the tenant whose quota usage you want.', [{ field: 'tenantId', message: 'Choose a tenant.' }]);
    if (!(await ctx.em.count(Tenant, { id: asked }))) throw notFound('Tenant');
    tenantId = asked;
    await auditPlatformAccess(ctx, 'quotaUsage', { tenantId: asked }, asked);
  }
  const now = new Date();
  const rows = (await grantUsage(ctx.em, tenantId, now)).slice(0, QUOTA_USAGE_LIMIT);
  return rows.map((r) => ({
    entitlementId: toGlobalId('Entitlement', r.id),
    feature: r.feature,
    label: r.toolName ?? r.feature,
    plan: r.plan,
    used: r.used,
    limit: r.limit,
    resetsAt: nextMonthStart(now),
  }));
}
