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

/** Items grouped by key, each group in the items' order: one pass, for a loader's batch result. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
