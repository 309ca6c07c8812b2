import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { requestReach, sql, tenantIs, tenantQuery, uuidIn } from '../../database/tenant-sql';
import { entitlementAccess } from './entitlement.access';
import { Entitlement } from './entitlement.entity';
import { activeAt, monthStart, nextMonthStart } from './entitlement.gate';

export function createEntitlementLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    byId: byIdLoader(ctx.em, Entitlement, scopeOptions(ctx)),

    /** The current tenant's active grant of each tool (null outside a tenant), in one query. */
    activeForTool: new DataLoader<string, Entitlement | null>(async (toolIds) => {
      if (!ctx.tenantId) return toolIds.map(() => null);
      const now = new Date();
      const rows = await ctx.em.find(
        Entitlement,
        { $and: [activeAt(now), { tenant: ctx.tenantId, tool: { $in: [...toolIds] } }] },
        { orderBy: { validFrom: 'DESC', id: 'ASC' } },
      );
      const byTool = groupBy(rows, (r) => r.tool?.id);
      return toolIds.map((id) => byTool.get(id)?.[0] ?? null);
    }),

    /**
     * Runs created this (UTC) calendar month that count against each grant: its tool's runs, or
     * every run of the tenant for a feature grant; the quota gate (entitlement.gate.ts) counts the
     * same. One grouped statement per batch, scoped to the rows the caller may read.
     */
    runsThisMonth: new DataLoader<string, number>(async (ids) => {
      const now = new Date();
      const rows = await tenantQuery<{ id: string; used: string }>(
        ctx.em,
        requestReach(ctx, entitlementAccess),
        (reach) => sql`select e.id, count(r.id) as used
           from entitlements e
           left join automation_runs r
                  on r.tenant_id = e.tenant_id and r.created_at >= ${monthStart(now)} and r.created_at < ${nextMonthStart(now)}
                 and (e.tool_id is null or r.tool_id = e.tool_id)
          where ${uuidIn('e.id', ids)} and ${tenantIs(reach, 'e')}
          group by e.id`,
      );
      const used = new Map(rows.map((r) => [r.id, Number(r.used)]));
      return ids.map((id) => used.get(id) ?? 0);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    entitlements: ReturnType<typeof createEntitlementLoaders>;
  }
}
