import type { EntityName, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type LeanInclude, leanFind } from '../database/lean-find';

/**
 * A per-request loader of entities by id: one `id in (...)` query per batch, as DataLoader does,
 * that also remembers the rows it has settled (loaded or primed). `get` answers a settled row
 * at once, without a promise: a list's field resolvers (a ticket's requester, a run's tool) then
 * resolve synchronously once the page's related rows are loaded (`preload`) or primed, and the
 * executor takes its synchronous path for each row instead of awaiting a promise per field.
 */
export class ByIdLoader<T> extends DataLoader<string, T | null> {
  private readonly settled: Map<string, T | null>;

  constructor(batch: (ids: readonly string[]) => Promise<(T | null)[]>) {
    const settled = new Map<string, T | null>();
    super(
      async (ids) => {
        const values = await batch(ids);
        ids.forEach((id, i) => settled.set(id, values[i] ?? null));
        return values;
      },
      { maxBatchSize: 500 },
    );
    this.settled = settled;
  }

  /** The row of `id` when this request has it already (null: it does not exist or is out of reach), else a promise of it (load). */
  get(id: string): T | null | Promise<T | null> {
    const value = this.settled.get(id);
    return value !== undefined ? value : this.settled.has(id) ? null : this.load(id);
  }

  /** Loads the rows of these ids (one batch; absent ids skipped) so that `get` answers them at once. */
  async preload(ids: Iterable<string | null | undefined>): Promise<void> {
    const wanted = new Set<string>();
    for (const id of ids) if (id && !this.settled.has(id)) wanted.add(id);
    if (wanted.size) await this.loadMany([...wanted]);
  }

  override prime(id: string, value: T | null | PromiseLike<T | null> | Error): this {
    // Only a row (or null) is settled; a promise or an error is left to load().
    if (value === null || (typeof value === 'object' && !(value instanceof Error) && !('then' in value))) {
      if (!this.settled.has(id)) this.settled.set(id, value);
    }
    return super.prime(id, value);
  }

  override clear(id: string): this {
    this.settled.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.settled.clear();
    return super.clearAll();
  }
}

/**
 * The ByIdLoader of an entity. The EntityManager carries the tenant filter, so an id from another
 * tenant loads as null. With `lean`, the rows come back as lean objects (database/lean-find.ts),
 * for loaders whose results only answer GraphQL fields and are never changed by a service.
 */
export function byIdLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: Pick<FindOptions<T>, 'filters'> & { lean?: boolean } = {},
): ByIdLoader<T> {
  const { lean, ...findOptions } = options;
  return new ByIdLoader<T>(async (ids) => {
    const where = { id: { $in: [...ids] } } as never;
    const rows = lean ? await leanFind(em, entity, where, findOptions) : await em.find(entity, where, findOptions);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
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

/** What a field resolver answers from a ByIdLoader's `get`: the row at once when the request has it, else a promise of it. */
export type Loaded<T> = T | null | Promise<T | null>;

/**
 * A many-to-one relation a field resolver answers through a ByIdLoader, declared once for both
 * uses: `of` answers one row's field, `preload` reads the related rows of a whole page in one
 * batch first, so that every `of` on that page answers at once.
 */
export interface Relation<C, R, T> {
  /** The related row of `row` (null when it points at none). */
  of(ctx: C, row: R): Loaded<T>;
  /** Loads the related rows of `rows` in one batch. */
  preload(ctx: C, rows: readonly R[]): Promise<void>;
  /**
   * Set when the related rows can come in the page's own statement (`join` in relation()'s
   * options): the include that brings them and hands each to the request's loader, so that
   * `preload` then finds them there and sends nothing.
   */
  include?(ctx: C): LeanInclude;
}

export interface RelationOptions {
  /**
   * The many-to-one property whose rows a list page may read in its own statement (a lateral
   * join, lean-find.ts), instead of a second statement of the loader's. Only for an entity that
   * no tenant owns and no filter or row policy narrows (users): the join is plain SQL, where
   * neither applies, so the loader would have read exactly the same rows.
   */
  join?: string;
}

export function relation<C, R, T>(loaderOf: (ctx: C) => ByIdLoader<T>, idOf: (row: R) => string | null | undefined, options: RelationOptions = {}): Relation<C, R, T> {
  const { join } = options;
  return {
    of(ctx, row) {
      const id = idOf(row);
      return id ? loaderOf(ctx).get(id) : null;
    },
    preload: (ctx, rows) => loaderOf(ctx).preload(rows.map(idOf)),
    ...(join ? { include: (ctx: C): LeanInclude => ({ property: join, prime: (id, row) => void loaderOf(ctx).prime(id, row as T) }) } : {}),
  };
}

/**
 * Preloads, for a page of rows, the relations the GraphQL selection reads (`selected`: the
 * selected node fields, see selectedNodeFields), each in one batch and all at the same time.
 * Relations not selected read nothing.
 */
export async function preloadSelected<C, R>(ctx: C, rows: readonly R[], selected: ReadonlySet<string>, relations: Readonly<Record<string, Relation<C, R, unknown>>>): Promise<void> {
  if (!rows.length) return;
  const wanted = Object.entries(relations).filter(([field]) => selected.has(field));
  if (wanted.length) await Promise.all(wanted.map(([, r]) => r.preload(ctx, rows)));
}
