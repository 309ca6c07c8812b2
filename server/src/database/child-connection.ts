import { type EntityMetadata, type EntityName, Utils } from '@mikro-orm/core';
import { includeJoins, type LeanInclude, leanFromRows, prefixedColumns, primeIncluded } from './lean-find';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../common/batch-loaders';
import type { RequestScope } from '../context/scope';
import type { AccessGate } from '../permissions/access';
import { requestReach, sql, SqlFragment, sqlText, tenantIs, type TenantReach, tenantQuery, uuidIn } from './tenant-sql';

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

/** The statements of childrenOf and parentAndChildren, by what their text depends on (a few per declaration). */
const childTexts = new Map<string, string>();
const parentTexts = new Map<string, string>();

/**
 * Keeps `query`'s text under `key` (for the first 200 keys) after checking that its values are
 * `params`, the order in which a later call lists them beside the kept text.
 */
function remembered(texts: Map<string, string>, key: string, query: SqlFragment, params: readonly unknown[]): SqlFragment {
  if (query.params.length !== params.length || query.params.some((v, i) => v !== params[i])) throw new Error('child-connection: a kept statement would bind its values out of order.');
  if (texts.size < 200) texts.set(key, query.sql);
  return query;
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
    const parents = uuidIn(list.parent, parentIds);
    const where = whereOf(list, reach);
    const params = [...parents.params, ...where.params, bound];
    // Written once per declaration, includes and condition text, as parentAndChildren's.
    const key = `${meta.className}\u0000${list.from}\u0000${list.alias}\u0000${list.parent}\u0000${list.order}\u0000${include.map((i) => i.property).join(',')}\u0000${parents.sql}\u0000${where.sql}`;
    const known = childTexts.get(key);
    if (known) return new SqlFragment(known, params);
    const parent = sqlText(list.parent);
    const query = sql`select ${sqlText(['ranked.*', ...(joined?.columns ?? [])].join(', '))} from (
        select ${sqlText(list.alias)}.*, ${parent} as __parent, row_number() over (partition by ${parent} order by ${sqlText(list.order)}) as __rn
          from ${sqlText(list.from)}
         where ${parents} and ${where}
      ) ranked ${sqlText(joined?.joins.join(' ') ?? '')} where __rn <= ${bound} order by __parent, __rn`;
    return remembered(childTexts, key, query, params);
  });
  if (joined) primeIncluded(rows, joined.related);
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
 * The parent table of a ChildList, for reading one parent by id with its first children
 * (childConnection's `withParent`). Its rows are the tenant's (`<alias>.tenant_id`) under a
 * tenant grant of `access`, every row under a platform grant: for a parent whose policy has no
 * row condition beyond the tenant and whose entity has no filter but the tenant's (a ticket).
 */
export interface ParentTable<P extends object> {
  readonly entity: EntityName<P>;
  /** Who reads the parent: a grant of it (as well as of the children's policies) is needed. */
  readonly access: AccessGate;
}

/** Parent entities found fit for withParent (checked once each: a request only looks the entity up). */
const fitParents = new WeakSet<EntityMetadata>();

/**
 * withParent's statement states the parent's tenant itself, as raw SQL must (the ORM's filters do
 * not reach it): so the parent must be tenant-owned and have no filter of its own, else it throws.
 */
export function assertParentStatesItsTenant(meta: EntityMetadata): void {
  if (fitParents.has(meta)) return;
  if (!('tenant' in meta.properties) || Object.keys(meta.filters).length) {
    throw new Error(`withParent: ${meta.className} is not tenant-owned or has filters of its own.`);
  }
  fitParents.add(meta);
}

/**
 * One parent, read by id, and its first `bound` children in `order` (with their includes) in one
 * statement: the parent's row left-joined laterally to its children (one row when it has none),
 * its columns prefixed `p__`. null when no row of the parent answers (another tenant's id, none).
 */
async function parentAndChildren<P extends object, T extends object>(
  ctx: LoaderContext,
  list: ChildList<T>,
  parent: ParentTable<P>,
  reach: TenantReach,
  id: string,
  bound: number,
  include: readonly LeanInclude[],
): Promise<{ id: string; parent: P; children: T[] } | null> {
  const em = ctx.em;
  const parentMeta = em.getMetadata().get<object>(Utils.className(parent.entity)) as EntityMetadata;
  assertParentStatesItsTenant(parentMeta);
  const meta = em.getMetadata().get<object>(Utils.className(list.entity)) as EntityMetadata;
  const own = prefixedColumns(em, parentMeta, 'p', 'p__');
  const joined = include.length ? includeJoins(em, meta, 'ranked', include) : null;
  const [pk] = parentMeta.getPrimaryProps()[0]?.fieldNames ?? ['id'];
  const rows = await tenantQuery<Record<string, unknown>>(em, reach, (r) => {
    const where = whereOf(list, r);
    const tenant = tenantIs(r, 'p');
    const params = [...where.params, bound, id, ...tenant.params];
    // The text depends on the declaration, the includes and the conditions' text, not on the
    // values: written once, and the same string every time (its lookups hash it once).
    const key = `${parentMeta.className}\u0000${meta.className}\u0000${list.from}\u0000${list.alias}\u0000${list.parent}\u0000${list.order}\u0000${include.map((i) => i.property).join(',')}\u0000${where.sql}\u0000${tenant.sql}`;
    const known = parentTexts.get(key);
    if (known) return new SqlFragment(known, params);
    // The parent's columns are read from the first row only: the others carry nulls there, which
    // the driver skips, instead of the parent's text (a ticket's body) once per child.
    const parentColumns = own.pairs.map(([expression, name]) => `case when ranked.__rn is null or ranked.__rn = 1 then ${expression} end as ${name}`);
    const columns = [...parentColumns, 'ranked.*', ...(joined?.columns ?? [])].join(', ');
    const query = sql`select ${sqlText(columns)}
        from ${sqlText(em.getPlatform().quoteIdentifier(parentMeta.tableName))} p
        left join lateral (
          select ${sqlText(list.alias)}.*, ${sqlText(list.parent)} as __parent, row_number() over (order by ${sqlText(list.order)}) as __rn
            from ${sqlText(list.from)}
           where ${sqlText(`${list.parent} = p.${em.getPlatform().quoteIdentifier(pk ?? 'id')}`)} and ${where}
           order by ${sqlText(list.order)} limit ${bound}
        ) ranked on true ${sqlText(joined?.joins.join(' ') ?? '')}
       where ${uuidIn(`p.${pk ?? 'id'}`, [id])} and ${tenant} order by ranked.__rn`;
    return remembered(parentTexts, key, query, params);
  });
  const first = rows[0];
  if (!first || first[own.key] == null) return null;
  // A parent without children is one row whose children's columns are null.
  const children = first.__parent == null ? [] : rows;
  if (joined) primeIncluded(children, joined.related);
  return { id: String(first[own.key]), parent: own.map(first) as P, children: leanFromRows(em, list.entity, children) };
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
  /**
   * One parent by id together with its first `limit` children, in one statement instead of two
   * (the parent's own read, then this list's): the page waits in `first(limit, include)` for the
   * children's resolver. undefined when the caller lacks a grant of either policy (read them
   * apart: each refuses on its own), null when no such parent answers.
   */
  const withParent = async <P extends object>(parent: ParentTable<P>, id: string, limit: number, include: readonly LeanInclude[] = []): Promise<P | null | undefined> => {
    const reach = requestReach(ctx, parent.access, ...([] as AccessGate[]).concat(list.access));
    if (!reach) return undefined;
    const read = await parentAndChildren(ctx, list, parent, reach, id, limit + 1, include);
    if (!read) return null;
    // Under the id as the row spells it: the children's resolver asks with the parent's own id.
    first(limit, include).prime(read.id, { rows: read.children.slice(0, limit), hasMore: read.children.length > limit });
    return read.parent;
  };
  return { first, withParent, count: new DataLoader<string, number>((parentIds) => countsOf(ctx, list, parentIds)) };
}

/** A nested plain list (no paging): at most `bound` children of each parent. */
export function childListLoader<T extends object>(ctx: LoaderContext, list: ChildList<T>, bound: number): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const lists = await childrenOf(ctx, list, parentIds, bound);
    return list.reverse ? lists.map((rows) => rows.reverse()) : lists;
  });
}
