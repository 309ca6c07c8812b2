import type { EntityManager } from '@mikro-orm/postgresql';
import { noConfig, type WidgetPoint, widget } from '../../common/widget';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { monthStart, nextMonthStart } from './entitlement.gate';

/**
 * Quota use this month: one point per entitlement of the tenant active at `now` with a
 * runsPerMonth limit; value = runs created this (UTC) month that the grant covers (its tool's
 * runs, or all the tenant's runs for a feature grant), limit = the cap. The same counting as the
 * gate in entitlement.gate.ts. One aggregate query with an explicit tenant condition (a missing
 * tenant throws).
 */
export async function quotaUsage(em: EntityManager, tenantId: string, now: Date): Promise<WidgetPoint[]> {
  const rows = await tenantQuery<{ feature: string; tool_name: string | null; lim: string; used: string }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select e.feature, t.name as tool_name, (e.limits->>'runsPerMonth')::bigint as lim, count(r.id) as used
       from entitlements e
       left join tools t on t.id = e.tool_id
       left join automation_runs r
              on r.tenant_id = e.tenant_id and r.created_at >= ${monthStart(now)} and r.created_at < ${nextMonthStart(now)}
             and (e.tool_id is null or r.tool_id = e.tool_id)
      where ${tenantIs(reach, 'e')} and e.revoked_at is null and e.valid_from <= ${now} and (e.valid_until is null or e.valid_until > ${now})
        and jsonb_typeof(e.limits->'runsPerMonth') = 'number'
      group by e.id, e.feature, t.name, e.limits
      order by e.feature, e.id`,
  );
  return rows.map((r) => ({ key: r.feature, label: r.tool_name ?? r.feature, value: Number(r.used), limit: Number(r.lim) }));
}

/** QUOTA_USAGE: this month's use of each runs-per-month grant (entitlements are read with tool:read). */
export const quotaUsageWidget = widget(noConfig, 'tool:read', ({ em, tenantId, now }) => quotaUsage(em, tenantId, now));

/** One active grant of a tenant with this month's runs it covers; `limit` null when it caps nothing. */
export interface GrantUsageRow {
  id: string;
  feature: string;
  toolName: string | null;
  plan: string;
  limit: number | null;
  used: number;
}

/**
 * This month's use of every grant of the tenant active at `now` (with or without a runsPerMonth
 * cap), counted as the gate counts. Bounded by the tenant's active grants; explicit tenant condition.
 */
export async function grantUsage(em: EntityManager, tenantId: string, now: Date): Promise<GrantUsageRow[]> {
  const rows = await tenantQuery<{ id: string; feature: string; tool_name: string | null; plan: string; lim: string | null; used: string }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select e.id, e.feature, t.name as tool_name, e.plan,
         case when jsonb_typeof(e.limits->'runsPerMonth') = 'number' then (e.limits->>'runsPerMonth')::bigint end as lim,
         count(r.id) as used
       from entitlements e
       left join tools t on t.id = e.tool_id
       left join automation_runs r
              on r.tenant_id = e.tenant_id and r.created_at >= ${monthStart(now)} and r.created_at < ${nextMonthStart(now)}
             and (e.tool_id is null or r.tool_id = e.tool_id)
      where ${tenantIs(reach, 'e')} and e.revoked_at is null and e.valid_from <= ${now} and (e.valid_until is null or e.valid_until > ${now})
      group by e.id, e.feature, t.name, e.plan, e.limits
      order by e.feature, e.id
      limit 500`,
  );
  return rows.map((r) => ({ id: r.id, feature: r.feature, toolName: r.tool_name, plan: r.plan, limit: r.lim === null ? null : Number(r.lim), used: Number(r.used) }));
}
