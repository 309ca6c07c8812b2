import type { EntityManager } from '@mikro-orm/postgresql';
import { noConfig, type WidgetPoint, widget } from '../../common/widget';
import { monthStart, nextMonthStart } from './entitlement.gate';

/**
 * Quota use this month: one point per entitlement of the tenant active at `now` with a
 * runsPerMonth limit; value = runs created this (UTC) month that the grant covers (its tool's
 * runs, or all the tenant's runs for a feature grant), limit = the cap. The same counting as the
 * gate in entitlement.gate.ts. One aggregate query with an explicit tenant condition.
 */
export async function quotaUsage(em: EntityManager, tenantId: string, now: Date): Promise<WidgetPoint[]> {
  const rows: { feature: string; tool_name: string | null; lim: string; used: string }[] = await em.getConnection().execute(
    `select e.feature, t.name as tool_name, (e.limits->>'runsPerMonth')::bigint as lim, count(r.id) as used
       from entitlements e
       left join tools t on t.id = e.tool_id
       left join automation_runs r
              on r.tenant_id = e.tenant_id and r.created_at >= ? and r.created_at < ?
             and (e.tool_id is null or r.tool_id = e.tool_id)
      where e.tenant_id = ? and e.revoked_at is null and e.valid_from <= ? and (e.valid_until is null or e.valid_until > ?)
        and jsonb_typeof(e.limits->'runsPerMonth') = 'number'
      group by e.id, e.feature, t.name, e.limits
      order by e.feature, e.id`,
    [monthStart(now), nextMonthStart(now), tenantId, now, now],
  );
  return rows.map((r) => ({ key: r.feature, label: r.tool_name ?? r.feature, value: Number(r.used), limit: Number(r.lim) }));
}

/** QUOTA_USAGE: this month's use of each runs-per-month grant (entitlements are read with tool:read). */
export const quotaUsageWidget = widget(noConfig, 'tool:read', ({ em, tenantId, now }) => quotaUsage(em, tenantId, now));
