import type { EntityManager } from '@mikro-orm/postgresql';
import { notifyRunFailed } from '../notifications/producers';
import { Tool } from '../tools/tool.entity';
import type { AutomationRun } from './run.entity';

/** A run failed for good (no attempts left, or not retryable): whoever started it is notified, in `em`'s transaction. */
export async function notifyRunFailedOf(em: EntityManager, run: AutomationRun): Promise<void> {
  if (!run.requestedBy) return;
  const tool = await em.findOne(Tool, { id: run.tool.id }, { filters: false, fields: ['name'] });
  await notifyRunFailed(em, { id: run.id, tenantId: run.tenant.id, requestedById: run.requestedBy.id, toolName: tool?.name ?? 'automation', error: run.error ?? null });
}
