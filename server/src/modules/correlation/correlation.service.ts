import { badInput } from '../../common/errors';
import type { Context } from '../../context/context';
import { auditPlatformAccess } from '../audit/audit.service';
import { CORRELATION_SOURCE_LIMIT } from './correlation.types';
import type { CorrelationItem, CorrelationKindName, CorrelationSource } from './correlation.types';
import { groupBy } from '../../common/batch-loaders';

/** Order of kinds that share a timestamp: what came in, what ran, what it caused, the record of it. */
const KIND_RANK: Record<CorrelationKindName, number> = { MESSAGE: 0, RUN: 1, EVENT: 2, INCIDENT: 3, TICKET: 4, AUDIT: 5 };

export interface CorrelationShape {
  id: string;
  entries: CorrelationItem[];
  truncated: boolean;
}

const idOf = (item: CorrelationItem): string => {
  const id = (item.node as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
};

/** Everything the caller may see that carries `correlationId`, oldest first; one query per source. */
export async function getCorrelation(ctx: Context, correlationId: string, sources: readonly CorrelationSource[] = ctx.app.registry.correlationSources): Promise<CorrelationShape> {
  const id = correlationId.trim();
  if (id.length < 1 || id.length > 128) {
    throw badInput('A correlation id has 1 to 128 characters.', [{ field: 'id', message: 'Must have 1 to 128 characters.' }]);
  }
  const found = await Promise.all(sources.map((source) => source(ctx, id)));
  let truncated = false;
  const entries: CorrelationItem[] = [];
  for (const items of found) {
    // Each kind is capped, whatever its source returned.
    for (const list of groupBy(items, (item) => item.kind).values()) {
      if (list.length > CORRELATION_SOURCE_LIMIT) truncated = true;
      entries.push(...list.slice(0, CORRELATION_SOURCE_LIMIT));
    }
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_RANK[a.kind] - KIND_RANK[b.kind] || idOf(a).localeCompare(idOf(b)));
  await auditPlatformAccess(ctx, 'correlation', { correlationId: id });
  return { id, entries, truncated };
}
