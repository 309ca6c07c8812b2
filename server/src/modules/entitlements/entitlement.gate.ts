import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, AppError, forbidden } from '../../common/errors';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import type { Tool } from '../tools/tool.entity';
import { Entitlement } from './entitlement.entity';

/** Active at `now`: inside the validity window and not revoked, as a filter. */
export function activeAt(now: Date): FilterQuery<Entitlement> {
  return { revokedAt: null, validFrom: { $lte: now }, $or: [{ validUntil: null }, { validUntil: { $gt: now } }] };
}

export const entitlementRequired = (tool: Pick<Tool, 'name' | 'key'>) =>
  forbidden(`Your organisation is not entitled to use ${tool.name} (${tool.key}). Ask us to enable it.`, ErrorReason.ENTITLEMENT_REQUIRED);

/**
 * The tenant's active grant of `tool`, or FORBIDDEN with reason ENTITLEMENT_REQUIRED. Explicit
 * tenant condition with the filter off, so it works the same from a request and from a job.
 */
export async function requireActiveEntitlement(em: EntityManager, tenantId: string, tool: Pick<Tool, 'id' | 'name' | 'key'>, now: Date): Promise<Entitlement> {
  const grant = await em.findOne(Entitlement, { $and: [activeAt(now), { tenant: tenantId, tool: tool.id }] }, { filters: false, orderBy: { validFrom: 'DESC', id: 'ASC' } });
  if (!grant) throw entitlementRequired(tool);
  return grant;
}

/** First instant of `now`'s calendar month, UTC: quotas count runs from here. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

interface LockedGrant {
  id: string;
  feature: string;
  tool_id: string | null;
  limits: Record<string, unknown>;
}

/** The runsPerMonth limit of a grant, when it has a usable one. */
export function runsPerMonthOf(limits: Record<string, unknown>): number | null {
  const v = limits.runsPerMonth;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/**
 * The gate a new run passes, inside the transaction that inserts it. Locks the tenant's active
 * grant of the tool, and any active feature grant with a runsPerMonth cap (those cap all of the
 * tenant's runs), in id order; then counts this month's runs. A concurrent start waits on the
 * lock and counts again after this transaction commits, so two starts at the limit cannot both
 * pass. Refuses with FORBIDDEN: ENTITLEMENT_REQUIRED, or QUOTA_EXCEEDED (with limit and usage).
 * Raw SQL, so the tenant is stated explicitly (and a missing one throws).
 */
export async function reserveRun(em: EntityManager, tenantId: string, tool: Pick<Tool, 'id' | 'name' | 'key'>, now: Date): Promise<void> {
  const tenant = tenantReach(tenantId);
  const grants = await tenantQuery<LockedGrant>(
    em,
    tenant,
    (reach) => sql`select id, feature, tool_id, limits from entitlements
      where ${tenantIs(reach)} and revoked_at is null and valid_from <= ${now} and (valid_until is null or valid_until > ${now})
        and (tool_id = ${tool.id} or (tool_id is null and limits->'runsPerMonth' is not null))
      order by id
      for update`,
  );
  if (!grants.some((g) => g.tool_id === tool.id)) throw entitlementRequired(tool);
  const capped = grants.map((g) => ({ grant: g, limit: runsPerMonthOf(g.limits) })).filter((c) => c.limit !== null);
  if (!capped.length) return;
  const [usage] = await tenantQuery<{ tool_runs: string; all_runs: string }>(
    em,
    tenant,
    (reach) => sql`select count(*) filter (where tool_id = ${tool.id}) as tool_runs, count(*) as all_runs
       from automation_runs where ${tenantIs(reach)} and created_at >= ${monthStart(now)} and created_at < ${nextMonthStart(now)}`,
  );
  for (const { grant, limit } of capped) {
    const used = Number(grant.tool_id ? usage?.tool_runs : usage?.all_runs) || 0;
    if (limit !== null && used >= limit) {
      const scope = grant.tool_id ? tool.name : `"${grant.feature}"`;
      throw new AppError('FORBIDDEN', `This month's quota for ${scope} is used up (${used} of ${limit} runs). It resets on ${nextMonthStart(now).toISOString().slice(0, 10)}.`, {
        reason: ErrorReason.QUOTA_EXCEEDED,
        feature: grant.feature,
        limit,
        used,
        resetsAt: nextMonthStart(now).toISOString(),
      });
    }
  }
}
