import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { ToolPanel } from './tool-panel.entity';
import { Tool } from './tool.entity';

export function createToolLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    /** The catalog is global: no tenant filter applies to tools. */
    byId: byIdLoader(ctx.em, Tool),
    /**
     * Tools that only answer GraphQL (a run's, an entitlement's or a panel's tool, a run's title):
     * read lean, outside the identity map. A service that changes a tool loads it with `byId`.
     */
    readById: byIdLoader(ctx.em, Tool, { lean: true }),
    panelById: byIdLoader(ctx.em, ToolPanel, scopeOptions(ctx)),

    /** The current tenant's panel of each tool (null outside a tenant), in one query. */
    panelOfTool: new DataLoader<string, ToolPanel | null>(async (toolIds) => {
      if (!ctx.tenantId) return toolIds.map(() => null);
      const rows = await ctx.em.find(ToolPanel, { tenant: ctx.tenantId, tool: { $in: [...toolIds] } });
      const byTool = groupBy(rows, (r) => r.tool.id);
      return toolIds.map((id) => byTool.get(id)?.[0] ?? null);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    tools: ReturnType<typeof createToolLoaders>;
  }
}
