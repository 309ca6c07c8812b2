import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { Entitlement } from './entitlement.entity';
import { activeAt } from './entitlement.gate';

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
  };
}

declare module '../../context/context' {
  interface Loaders {
    entitlements: ReturnType<typeof createEntitlementLoaders>;
  }
}
