import { correlationSource } from '../../common/correlation-source';
import { runAccess } from './run.access';
import { AutomationRun } from './run.entity';

/** Runs sharing a correlation id, as the caller may read them; titled with the tool's name (one batched load). */
export const runCorrelationItems = correlationSource({
  kind: 'RUN',
  entity: AutomationRun,
  access: runAccess,
  at: 'createdAt',
  title: async (run, ctx) => `Run of ${(await ctx.loaders.tools.readById.load(run.tool.id))?.name ?? 'a tool'}: ${String(run.status).toLowerCase()}`,
});
