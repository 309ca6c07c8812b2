import { type EntityMetadata, type EntityName, Utils } from '@mikro-orm/core';
import { includeJoins, type LeanInclude, leanFromRows, primeIncluded } from './lean-find';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../common/batch-loaders';
import type { RequestScope } from '../context/scope';
import type { AccessGate } from '../permissions/access';
import { requestReach, sql, type SqlFragment, sqlText, tenantIs, type TenantReach, tenantQuery, uuidIn } from './tenant-sql';

/**
 * A nested list declared once: which rows are one parent's children, in which order, and who may
 * read them. The loaders built from it fetch many parents' children in one statement per batch.
 */
export interface ChildList<T extends object> {
  /** The child entity; each row becomes a lean object of it (database/lean-find.ts). */
  readonly entity: EntityName<T>;
  /** The child table with its alias (`ticket_comments c`), or a link table joined to it (`incident_tenants it join tenants t on t.id = it.tenant_id`). */
  readonly from: string;
  /** The alias whose columns are the entity's (`c`, `t`). */
  readonly alias: string;
  /** The parent key column, qualified (`c.ticket_id`, `it.incident_id`). */
  readonly parent: string;
  /** The order within one parent, qualified, ending on a unique column (`c.created_at, c.id`). */
  readonly order: string;
  /** Who reads these rows: the caller needs a grant of each policy; without one, no rows and no SQL. */
  readonly access: AccessGate | readonly AccessGate[];
  /** The rows a grant reaches. Default: `<alias>.tenant_id = ?` under a tenant grant, every row under a platform grant. */
  readonly where?: (reach: TenantReach) => SqlFragment;
  /** A plain list shows each parent's rows in the reverse of `order` (with a newest-first order: the newest N, oldest first). */
  readonly reverse?: boolean;
}

/** One parent's first page of children, and whether more follow. */
export interface ChildPage<T> {
  rows: T[];
  hasMore: boolean;
}

type LoaderContext = RequestScope & { em: EntityManager };

function reachOf<T extends object>(ctx: LoaderContext, list: ChildList<T>): TenantReach | null {
  return requestReach(ctx, ...([] as AccessGate[]).concat(list.access));
}

function whereOf<T extends object>(list: ChildList<T>, reach: TenantReach): SqlFragment {
  return list.where ? list.where(reach) : tenantIs(reach, list.alias);
}

/**
 * At most `bound` children of each parent, in `order`: one statement, a window function per
 * parent (`row_number() over (partition by parent ...)`), so PostgreSQL stops each list at the bound.
 */
async function childrenOf<T extends object>(
  ctx: LoaderContext,
  list: ChildList<T>,
  parentIds: readonly string[],
  bound: number,
  include: readonly LeanInclude[] = [],
): Promise<T[][]> {
  // Included relations (e.g. each comment's author) come in the same statement (lean-find.ts).
  const meta = ctx.em.getMetadata().get<object>(Utils.className(list.entity)) as EntityMetadata;
  const joined = include.length ? includeJoins(ctx.em, meta, 'ranked', include) : null;
  const rows = await tenantQuery<Record<string, unknown>>(ctx.em, reachOf(ctx, list), (reach) => {
    const parent = sqlText(list.parent);
    return sql`select ${sqlText(['ranked.*', ...(joined?.columns ?? [])].join(', '))} from (
        select ${sqlText(list.alias)}.*, ${parent} as __parent, row_number() over (partition by ${parent} order by ${sqlText(list.order)}) as __rn
          from ${sqlText(list.from)}
         where ${uuidIn(list.parent, parentIds)} and ${whereOf(list, reach)}
      ) ranked ${sqlText(joined?.joins.join(' ') ?? '')} where __rn <= ${bound} order by __parent, __rn`;
  });
  if (joined) for (const row of rows) primeIncluded(row, joined.related);
  const grouped = groupBy(rows, (row) => String(row.__parent));
  // Nested lists only answer GraphQL fields: lean objects, outside the identity map (the mapper
  // reads the entity's own columns and leaves __parent, __rn and an include's columns aside).
  return parentIds.map((id) => leanFromRows(ctx.em, list.entity, grouped.get(id) ?? []));
}

/** How many children each parent has (all of them, not just a page): one grouped statement. */
async function countsOf<T extends object>(ctx: LoaderContext, list: ChildList<T>, parentIds: readonly string[]): Promise<number[]> {
  const rows = await tenantQuery<{ __parent: string; n: string }>(ctx.em, reachOf(ctx, list), (reach) => {
    const parent = sqlText(list.parent);
    return sql`select ${parent} as __parent, count(*) as n from ${sqlText(list.from)}
                where ${uuidIn(list.parent, parentIds)} and ${whereOf(list, reach)} group by ${parent}`;
  });
  const counts = new Map(rows.map((r) => [r.__parent, Number(r.n)]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}

/**
 * The loaders behind a nested connection's plain first page: `first(limit)` gives each parent's
 * first `limit` children and whether more follow (one loader per limit, fetching limit + 1),
 * `count` each parent's total (totalCount). Later pages go through paginate.
 */
export function childConnection<T extends object>(ctx: LoaderContext, list: ChildList<T>) {
  const firstPages = new Map<string, DataLoader<string, ChildPage<T>>>();
  /** `include`: many-to-one relations the selection reads, read in the same statement (one loader per limit and include set). */
  const first = (limit: number, include: readonly LeanInclude[] = []): DataLoader<string, ChildPage<T>> => {
    const key = `${limit}:${include.map((i) => i.property).join(',')}`;
    let loader = firstPages.get(key);
    if (!loader) {
      loader = new DataLoader<string, ChildPage<T>>(async (parentIds) =>
        (await childrenOf(ctx, list, parentIds, limit + 1, include)).map((rows) => ({ rows: rows.slice(0, limit), hasMore: rows.length > limit })),
      );
      firstPages.set(key, loader);
    }
    return loader;
  };
  return { first, count: new DataLoader<string, number>((parentIds) => countsOf(ctx, list, parentIds)) };
}

/** A nested plain list (no paging): at most `bound` children of each parent. */
export function childListLoader<T extends object>(ctx: LoaderContext, list: ChildList<T>, bound: number): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const lists = await childrenOf(ctx, list, parentIds, bound);
    return list.reverse ? lists.map((rows) => rows.reverse()) : lists;
  });
}
