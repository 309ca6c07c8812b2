import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { CORRELATION_SOURCE_LIMIT } from '../correlation/correlation.types';
import type { CorrelationItem } from '../correlation/correlation.types';
import { AutomationRun } from './run.entity';

/**
 * The runs sharing a correlation id, oldest first: the caller's tenant only, or every tenant for
 * platform staff (scopeOptions). Nothing for callers who may not read runs, or who act in no
 * tenant without platform scope. `node` is the AutomationRun itself.
 */
export async function runCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  if (!ctx.permissions.has('run:read') && !ctx.permissions.has('platform:run:read')) return [];
  if (!ctx.tenantId && !isPlatformScope(ctx)) return [];
  const runs = await ctx.em.find(AutomationRun, { correlationId }, { ...scopeOptions(ctx), orderBy: { createdAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 });
  const tools = await Promise.all(runs.map((r) => ctx.loaders.tools.byId.load(r.tool.id)));
  return runs.map((run, i) => ({
    at: run.createdAt,
    kind: 'RUN',
    title: `Run of ${tools[i]?.name ?? 'a tool'}: ${String(run.status).toLowerCase()}`,
    node: run,
  }));
}
