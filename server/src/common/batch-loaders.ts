import type { EntityName, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { leanFind } from '../database/lean-find';

/**
 * A per-request loader of entities by id: one `id in (...)` query per batch. The EntityManager
 * carries the tenant filter, so an id from another tenant loads as null. With `lean`, the rows
 * come back as lean objects (database/lean-find.ts), for loaders whose results only answer
 * GraphQL fields and are never changed by a service.
 */
export function byIdLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: Pick<FindOptions<T>, 'filters'> & { lean?: boolean } = {},
): DataLoader<string, T | null> {
  const { lean, ...findOptions } = options;
  return new DataLoader<string, T | null>(
    async (ids) => {
      const where = { id: { $in: [...ids] } } as never;
      const rows = lean ? await leanFind(em, entity, where, findOptions) : await em.find(entity, where, findOptions);
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
