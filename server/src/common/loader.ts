import type { EntityName, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/**
 * A per-request loader of entities by id: one `id in (...)` query per batch. The EntityManager
 * carries the tenant filter, so an id from another tenant loads as null.
 */
export function byIdLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: Pick<FindOptions<T>, 'filters'> = {},
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = await em.find(entity, { id: { $in: [...ids] } } as never, options);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
