import { type EntityMetadata, type EntityName, type FilterQuery, type FindOptions, type ObjectQuery, ReferenceKind, Utils } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { checkBudget } from '../common/request-budget';
import { parseUtcTimestamp } from './pg-timestamp';
import { type Built, sameValue, shapeKey, StatementShapes } from './statement-shapes';

/** The part of EntityManager that em.find uses to apply filters (the tenant filter) to a condition. */
interface WhereProcessor {
  processWhere<T extends object>(entityName: string, where: FilterQuery<T>, options: FindOptions<T>, type: 'read'): Promise<FilterQuery<T>>;
}

type Row = Record<string, unknown>;

/**
 * Turns one row, as PostgreSQL names its columns, into a lean object: an instance of the entity's
 * class (so its methods work and `constructor.name` names its GraphQL type) holding the columns as
 * properties and each many-to-one reference as `{ id }`. It is not managed: not in the identity
 * map, not tracked, never flushed. For reads only; a service that changes what it read loads it
 * with em.find.
 */
type RowMapper = (row: Row) => object;

const rowMappers = new Map<EntityMetadata, Map<string, RowMapper>>();

/**
 * The row mapper of `meta`'s rows whose columns carry `prefix` (an include's `j0__`, or none):
 * compiled once per entity and prefix into a constructor that reads each column by its literal
 * name and assigns every property in one order, so every lean object of an entity has the same
 * shape. It does what the ORM's result mapping does: column to property,
 * timestamps parsed as the ORM parses them, booleans as booleans, custom types converted,
 * a many-to-one column as `{ id }`. Columns the row does not have (a hidden column an include
 * leaves out, a column a list page's selection does not need) map to undefined; columns that
 * belong to no property (`__parent`) are ignored.
 */
function rowMapper(em: EntityManager, meta: EntityMetadata, prefix = ''): RowMapper {
  let byPrefix = rowMappers.get(meta);
  if (!byPrefix) rowMappers.set(meta, (byPrefix = new Map<string, RowMapper>()));
  const known = byPrefix.get(prefix);
  if (known) return known;
  const platform = em.getPlatform();
  const tz = platform.getTimezone();
  // A timestamp without an offset is read in the configured zone, as the ORM's result mapping does.
  const zoned = tz && tz !== 'local' ? (value: string) => (value.includes('+') || value.lastIndexOf('-') > 10 || value.endsWith('Z') ? value : value + tz) : (value: string) => value;
  // h[0]: the objects' prototype (below); h[1]: the timestamp parser (UTC text, as the session
  // writes it, in one pass; anything else as the ORM parses it); then custom type converters.
  const helpers: unknown[] = [null, (value: string) => parseUtcTimestamp(value) ?? platform.parseDate(zoned(value))];
  const helper = (fn: unknown) => `h[${helpers.push(fn) - 1}]`;
  const assigned: { name: string; value: string }[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.fieldNames?.length !== 1) continue;
    const column = `row[${JSON.stringify(prefix + prop.fieldNames[0])}]`;
    const assign = (value: string) => assigned.push({ name: prop.name, value });
    if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      assign(`(v = ${column}) == null ? v : { id: v }`);
    } else if (prop.kind === ReferenceKind.SCALAR) {
      if (prop.customType) {
        const custom = prop.customType;
        assign(`(v = ${column}) == null ? v : ${helper((value: unknown): unknown => custom.convertToJSValue(value, platform) as unknown)}(v)`);
      } else if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) {
        assign(`(v = ${column}) == null || v instanceof Date ? v : typeof v === 'string' ? h[1](v) : ${helper((value: unknown) => platform.parseDate(Number(value)))}(v)`);
      } else if (prop.runtimeType === 'boolean') {
        assign(`(v = ${column}) == null ? v : !!v`);
      } else {
        assign(column);
      }
    }
  }
  // The objects' prototype: the entity's own, under a layer of plain data properties that shadow
  // the ORM's change-tracking accessors (so the constructor's assignments never reach them), with
  // a constructor property that names the entity class (Node's resolveType reads constructor.name).
  helpers[0] = Object.create(meta.class.prototype as object, {
    constructor: { value: meta.class, writable: true, configurable: true },
    ...Object.fromEntries(assigned.map(({ name }) => [name, { value: undefined, writable: true, configurable: true }])),
  }) as object;
  const body = assigned.map(({ name, value }) => `this[${JSON.stringify(name)}] = ${value};`).join(' ');
  // Compiled once per entity from its metadata; every name in the text is quoted with JSON.stringify.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const compile = new Function('h', `"use strict"; function Lean(row) { let v; ${body} } Lean.prototype = h[0]; return (row) => new Lean(row);`) as (h: unknown[]) => RowMapper;
  const mapper = compile(helpers);
  byPrefix.set(prefix, mapper);
  return mapper;
}

/**
 * Rows of `entity` read by raw SQL (column names, as `select x.*` returns them) as lean objects:
 * for nested lists that only answer GraphQL fields.
 */
export function leanFromRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: readonly Row[]): T[] {
  const map = rowMapper(em, em.getMetadata().get<T>(Utils.className(entity)) as EntityMetadata);
  return rows.map((row) => map(row) as T);
}

/**
 * A many-to-one relation read in the same statement as the rows that point at it, for an entity
 * that has no row policy or filter of its own (users): each related row is handed to `prime`
 * (typically a per-request DataLoader's prime), so the field resolver that asks for it finds it
 * there and sends no statement. Ask for it only when the GraphQL selection reads the relation.
 *
 * Used by nested child lists (a ticket's comments and their authors) and by list pages (a
 * ticket's requester, a KYC case's creator: `relation(…, { join })` in batch-loaders.ts). A page
 * names a handful of people on 50 rows: its join reads each person once, on the first row naming
 * them (includeJoins' `onceFrom`), and primeIncluded maps each once. Measured against a second
 * statement of the users loader (Node 24, interleaved pairs): the second statement cost more Node
 * CPU (a round trip, a pooled connection, parsing, the loader's batch) than the join; a join that
 * repeated each person's columns on every row gained about 1 % on a page of tickets, the join
 * that reads each person once about 10 %.
 */
export interface LeanInclude {
  /** The many-to-one property of the listed entity. */
  readonly property: string;
  /** Receives each related row, as a lean object, with its id. */
  readonly prime: (id: string, row: object) => void;
}

/** The related rows of an include, as the statement names their columns. */
interface IncludedRelation {
  /** The column that is never null in a related row (its primary key), with the prefix. */
  readonly key: string;
  readonly map: RowMapper;
  readonly prime: LeanInclude['prime'];
}

/**
 * The select-list columns and lateral joins that bring each include's row along with the rows of
 * `alias` (a derived table of `meta`'s rows). Columns of the i-th include are named
 * `j<i>__<column>`; primeIncluded() reads them from each row.
 *
 * With `onceFrom` (the alias of the table `alias` is made from), each related row comes once:
 * `firsts` are select-list expressions for that inner table that flag the first row naming each
 * related id (`__j<i>_first`), and the i-th join reads its row only on the flagged rows. The other
 * rows carry nulls there, so PostgreSQL looks each person up once and sends their columns once.
 */
export function includeJoins(
  em: EntityManager,
  meta: EntityMetadata,
  alias: string,
  includes: readonly LeanInclude[],
  onceFrom?: string,
): { columns: string[]; joins: string[]; firsts: string[]; related: IncludedRelation[] } {
  // The text depends only on the entity, the aliases and the included properties: written once
  // (a ticket's comments with their authors ask for the same on every request); each request
  // brings its own loaders to prime.
  let byKey = includeTexts.get(meta);
  if (!byKey) includeTexts.set(meta, (byKey = new Map<string, IncludeText>()));
  const key = `${alias}\u0000${onceFrom ?? ''}\u0000${includes.map((i) => i.property).join('\u0000')}`;
  let text = byKey.get(key);
  if (!text) {
    text = includeText(em, meta, alias, includes, onceFrom);
    if (byKey.size < 100) byKey.set(key, text);
  }
  const { columns, joins, firsts, mapped } = text;
  return { columns, joins, firsts, related: mapped.map((m, i) => ({ ...m, prime: includes[i].prime })) };
}

/** What includeJoins writes for an entity, aliases and a list of included properties. */
interface IncludeText {
  readonly columns: string[];
  readonly joins: string[];
  readonly firsts: string[];
  readonly mapped: readonly Omit<IncludedRelation, 'prime'>[];
}

const includeTexts = new WeakMap<EntityMetadata, Map<string, IncludeText>>();

function includeText(em: EntityManager, meta: EntityMetadata, alias: string, includes: readonly LeanInclude[], onceFrom: string | undefined): IncludeText {
  const quote = (id: string) => em.getPlatform().quoteIdentifier(id);
  const columns: string[] = [];
  const joins: string[] = [];
  const firsts: string[] = [];
  const mapped: Omit<IncludedRelation, 'prime'>[] = [];
  includes.forEach((include, i) => {
    const prop = meta.properties[include.property as never] as EntityMetadata['props'][number] | undefined;
    if (!prop || prop.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`leanFind: ${meta.className}.${include.property} is not a many-to-one relation.`);
    const target = em.getMetadata().get(prop.type);
    // Raw SQL skips the ORM's filters: only for entities that have none and belong to no tenant.
    if ('tenant' in target.properties || Object.keys(target.filters).length) {
      throw new Error(`leanFind: ${target.className} is filtered or tenant-owned and cannot be included.`);
    }
    const joined = `j${i}`;
    const own = prefixedColumns(em, target, joined, `${joined}__`);
    columns.push(...own.columns);
    const [fk] = prop.fieldNames;
    const [pk] = target.getPrimaryProps()[0]?.fieldNames ?? ['id'];
    let once = '';
    if (onceFrom !== undefined) {
      const flag = `__${joined}_first`;
      // Rows naming no related row (a null key) are one partition too; their join finds nothing either way.
      firsts.push(`row_number() over (partition by ${quote(onceFrom)}.${quote(fk ?? '')}) = 1 as ${quote(flag)}`);
      once = ` and ${quote(alias)}.${quote(flag)}`;
    }
    joins.push(`left join lateral (select * from ${quote(target.tableName)} where ${quote(pk ?? 'id')} = ${quote(alias)}.${quote(fk ?? '')}${once}) as ${quote(joined)} on true`);
    mapped.push({ key: own.key, map: own.map });
  });
  return { columns, joins, firsts, mapped };
}

/**
 * `meta`'s columns read from `alias` under names carrying `prefix` (`"j0"."email" as "j0__email"`),
 * the column that is never null in its row (the primary key, prefixed) and the mapper of such a
 * row to a lean object: for rows of one entity read beside another's in one statement. Hidden
 * columns (password hashes, secrets) never answer a GraphQL field: not read.
 */
export function prefixedColumns(em: EntityManager, meta: EntityMetadata, alias: string, prefix: string): PrefixedColumns {
  let byKey = prefixedTexts.get(meta);
  if (!byKey) prefixedTexts.set(meta, (byKey = new Map<string, PrefixedColumns>()));
  const key = `${alias}\u0000${prefix}`;
  let known = byKey.get(key);
  if (!known) byKey.set(key, (known = prefixedColumnsOf(em, meta, alias, prefix)));
  return known;
}

interface PrefixedColumns {
  readonly columns: readonly string[];
  /** The same columns as (expression, prefixed name) pairs, for statements that wrap the expression. */
  readonly pairs: readonly (readonly [expression: string, name: string])[];
  readonly key: string;
  readonly map: RowMapper;
}

/** prefixedColumns' answers per entity, alias and prefix (a handful: written in code). */
const prefixedTexts = new WeakMap<EntityMetadata, Map<string, PrefixedColumns>>();

function prefixedColumnsOf(em: EntityManager, meta: EntityMetadata, alias: string, prefix: string): PrefixedColumns {
  const quote = (id: string) => em.getPlatform().quoteIdentifier(id);
  const own = meta.props.filter((p) => p.persist !== false && !p.hidden && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.EMBEDDED || p.kind === ReferenceKind.MANY_TO_ONE));
  const [pk] = meta.getPrimaryProps()[0]?.fieldNames ?? ['id'];
  const pairs = own.flatMap((p) => p.fieldNames).map((c) => [`${quote(alias)}.${quote(c)}`, quote(prefix + c)] as const);
  return {
    columns: pairs.map(([expression, name]) => `${expression} as ${name}`),
    pairs,
    key: prefix + (pk ?? 'id'),
    map: rowMapper(em, meta, prefix),
  };
}

/**
 * Primes each include's loader with its related rows, where a row has one (a left join's columns
 * are null when not). A related row that several rows name (one person on many tickets) is
 * mapped and primed once.
 */
export function primeIncluded(rows: readonly Row[], related: readonly IncludedRelation[]): void {
  for (const r of related) {
    const seen = new Set<unknown>();
    for (const row of rows) {
      const key = row[r.key];
      if (key == null || seen.has(key)) continue;
      seen.add(key);
      const lean = r.map(row) as { id: string };
      r.prime(lean.id, lean);
    }
  }
}

/**
 * em.find for reads that only answer GraphQL: the same condition processing (the tenant filter
 * applies, and fails closed as with em.find) and the same SQL, but the rows come back as lean
 * objects instead of hydrated, change-tracked entities in the identity map.
 */
export async function leanFind<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: FindOptions<T> = {},
  includes: readonly LeanInclude[] = [],
): Promise<T[]> {
  return (await leanPage(em, entity, where, options, includes)).rows;
}

/** What leanPage asks for beside the rows: how many rows meet `where` (a connection's totalCount). */
export interface LeanTotal<T> {
  readonly where: FilterQuery<T>;
  readonly filters?: FindOptions<T>['filters'];
}

/** A lean page: its rows, and with `total` asked for, how to have the total. */
export interface LeanPage<T> {
  readonly rows: T[];
  /**
   * The number of rows meeting the total's condition: counted with the page when it could be, else
   * by the count statement already built for it, run on its own each time it is called. Undefined when
   * no total was asked for, or inside a transaction (the caller counts with leanCount).
   */
  readonly total: (() => Promise<number>) | undefined;
}

/**
 * leanFind, and with `total` the number of rows meeting its condition (leanCount's answer) in the
 * same statement: a page whose caller selects totalCount is then one statement, not two. The
 * count is a scalar subquery beside the page (PostgreSQL runs it once), and it reuses the page's
 * own parameters: it is combined only when its values are the first of the page's, in order (the
 * page's condition is the counted one and more: a cursor), so no parameter is renumbered. When it
 * is not combined (no rows came to carry it, other values first), the count statement built for it
 * runs on its own when the caller asks for the total; inside a transaction nothing is built.
 */
export async function leanPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: FindOptions<T> = {},
  includes: readonly LeanInclude[] = [],
  total?: LeanTotal<T>,
): Promise<LeanPage<T>> {
  const name = Utils.className(entity);
  const meta = em.getMetadata().get<T>(name) as EntityMetadata;
  const processed = await (em as unknown as WhereProcessor).processWhere<T>(name, where, options, 'read');
  const map = rowMapper(em, meta);
  const count = total && !em.getTransactionContext() ? await countStatement(em, name, total) : undefined;
  const joined = includes.length || count ? { meta, includes, count } : undefined;
  const rows = await selectRows(em, 'rows', name, processed, options, joined);
  const counted = count && rows.length ? rows[0]?.[TOTAL] : undefined;
  const totalOf = !count
    ? undefined
    : counted !== undefined && counted !== null
      ? () => Promise.resolve(Number(counted))
      : async () => countOf(await preparedRows(em, count.sql, count.bindings as unknown[]));
  return { rows: rows.map((row) => map(row) as T), total: totalOf };
}

/** The learned count statement of the rows meeting `total`'s condition (as leanCount would send it). */
async function countStatement<T extends object>(em: EntityManager, name: string, total: LeanTotal<T>): Promise<Built> {
  const options = { filters: total.filters } as FindOptions<T>;
  return learnedStatement(em, 'count', name, await (em as unknown as WhereProcessor).processWhere<T>(name, total.where, options, 'read'), options);
}

/** A count statement's answer. */
const countOf = ([row]: readonly Row[]): number => Number(row?.count ?? 0);

/** The column carrying a page's total (leanPage). */
const TOTAL = '__total';

/**
 * em.count for reads that only answer GraphQL (a connection's totalCount): the same condition
 * processing (the tenant filter applies and fails closed) and the same statement, learned once
 * per condition shape like leanFind's.
 */
export async function leanCount<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, options: Pick<FindOptions<T>, 'filters'> = {}): Promise<number> {
  const name = Utils.className(entity);
  const processed = await (em as unknown as WhereProcessor).processWhere<T>(name, where, options, 'read');
  return countOf(await selectRows(em, 'count', name, processed, options));
}

/**
 * The select (`rows`: every column, or those of `options.fields`) or count of `name`'s rows meeting the processed condition.
 * Inside a transaction, the builder's statement on the transaction's own connection (the builder
 * takes it from the entity manager); otherwise the statement learned for the condition's shape.
 */
async function selectRows<T extends object>(em: EntityManager, kind: 'rows' | 'count', name: string, processed: FilterQuery<T>, options: FindOptions<T>, joined?: Joined): Promise<Row[]> {
  // Inside a transaction the includes are left out: the loaders read those rows themselves.
  if (!em.getTransactionContext()) return learnedRows(em, kind, name, processed, options, joined);
  const qb = builderOf<T>(em, kind, name, options)(processed);
  await qb.applyJoinedFilters(em, options.filters);
  return qb.execute<Row[]>('all', false);
}

/** What a page reads in its own statement besides its rows: its includes (LeanInclude) and its total (leanPage). */
interface Joined {
  readonly meta: EntityMetadata;
  readonly includes: readonly LeanInclude[];
  /** The count statement of the page's total. */
  readonly count?: Built;
}

/**
 * The page statements with their includes' joins and total, by the page's text (the learned
 * statement's own string, so its hash is computed once), then by the included properties, then by
 * the count's text ('' for none).
 */
const joinedTexts = new Map<string, Map<string, Map<string, string>>>();

/**
 * The select `text` (a page of `meta`'s rows, in `orderBy`) with each include's related row
 * beside the first row that names it, and with `count`'s answer on every row when it is given:
 * the page as a derived table, a lateral join per include (includeJoins, each person read once),
 * the count as a scalar subquery (run once), and the page's order again, so the rows come back as
 * the page has them. Its values are the page's: the count's text must name only the page's first
 * parameters, holding the same values (see leanPage).
 */
function withIncludes(em: EntityManager, text: string, orderBy: FindOptions<object>['orderBy'], joined: Joined, count: string | undefined): { sql: string; related: IncludedRelation[] } {
  const { columns, joins, firsts, related } = includeJoins(em, joined.meta, 'p', joined.includes, 'p0');
  let byIncludes = joinedTexts.get(text);
  if (!byIncludes) {
    byIncludes = new Map<string, Map<string, string>>();
    if (joinedTexts.size < 1000) joinedTexts.set(text, byIncludes);
  }
  const key = joined.includes.length === 1 ? (joined.includes[0]?.property ?? '') : joined.includes.map((i) => i.property).join('\u0000');
  let byCount = byIncludes.get(key);
  if (!byCount) {
    byCount = new Map<string, string>();
    if (byIncludes.size < 16) byIncludes.set(key, byCount);
  }
  // The count's text is its learned statement's own string too (its hash computed once).
  let sql = byCount.get(count ?? '');
  if (!sql) {
    const quote = (id: string) => em.getPlatform().quoteIdentifier(id);
    const order = Object.entries((orderBy ?? {}) as Record<string, string>).map(([property, direction]) => {
      const column = (joined.meta.properties as Record<string, { fieldNames?: string[] } | undefined>)[property]?.fieldNames?.[0];
      if (!column) throw new Error(`leanFind: ${joined.meta.className} has no column for "${property}" to order by.`);
      return `${quote('p')}.${quote(column)} ${String(direction).toLowerCase() === 'desc' ? 'desc' : 'asc'}`;
    });
    const extra = count === undefined ? firsts : [...firsts, `(${count}) as ${quote(TOTAL)}`];
    const page = `select ${quote('p0')}.*${extra.length ? `, ${extra.join(', ')}` : ''} from (${text}) as ${quote('p0')}`;
    sql = `select ${quote('p')}.*${columns.length ? `, ${columns.join(', ')}` : ''} from (${page}) as ${quote('p')}${joins.length ? ` ${joins.join(' ')}` : ''}${order.length ? ` order by ${order.join(', ')}` : ''}`;
    if (byCount.size < 16) byCount.set(count ?? '', sql);
  }
  return { sql, related };
}

/** True when `count`'s values are the first of `page`'s, in order: its parameters then mean the same in the page's statement. */
function countFitsPage(count: Built, page: Built): boolean {
  if (count.bindings.length > page.bindings.length) return false;
  for (let i = 0; i < count.bindings.length; i++) if (!sameValue(count.bindings[i], page.bindings[i])) return false;
  return true;
}

/**
 * Runs the select or count as a prepared statement: the statement its shape taught
 * (statement-shapes.ts), or, the first time, the one the ORM's query builder writes.
 */
async function learnedRows<T extends object>(em: EntityManager, kind: 'rows' | 'count', name: string, processed: FilterQuery<T>, options: FindOptions<T>, joined?: Joined): Promise<Row[]> {
  const statement = await learnedStatement(em, kind, name, processed, options);
  if (!joined) return preparedRows(em, statement.sql, statement.bindings as unknown[]);
  const count = joined.count && countFitsPage(joined.count, statement) ? joined.count.sql : undefined;
  if (!joined.includes.length && count === undefined) return preparedRows(em, statement.sql, statement.bindings as unknown[]);
  const { sql, related } = withIncludes(em, statement.sql, options.orderBy, joined, count);
  const rows = await preparedRows(em, sql, statement.bindings as unknown[]);
  primeIncluded(rows, related);
  return rows;
}

/** The select or count statement for a processed condition: learned once per shape (statement-shapes.ts), else as the ORM's query builder writes it. */
async function learnedStatement<T extends object>(em: EntityManager, kind: 'rows' | 'count', name: string, processed: FilterQuery<T>, options: FindOptions<T>): Promise<Built> {
  const values: unknown[] = [];
  const { limit, offset } = options;
  // A page size written into the text (pageSizeWritten) names the statement; otherwise the limit
  // and a non-zero offset follow the condition's values (knex writes no offset of 0).
  const written = literalLimit(limit);
  const extra = [written === undefined ? limit : undefined, offset || undefined].filter((v) => v !== undefined);
  const paging = `${limit === undefined ? '-' : limit > 0 ? `L${written ?? ''}` : '0'}${offset ? 'O' : '-'}`;
  const columns = kind === 'rows' ? selectedColumns(options) : undefined;
  const key = `${kind}|${name}|${columns?.join(',') ?? '*'}|${JSON.stringify(options.orderBy ?? null)}|${JSON.stringify(options.filters ?? null)}|${paging}|${shapeKey(processed, values)}`;
  const known = statementShapes.find(key);
  if (known) return { sql: known.text, bindings: [...known.slots.map((i) => values[i]), ...extra] };
  const build = builderOf<T>(em, kind, name, options);
  const qb = build(processed);
  // As the driver does for em.find: filters (the tenant filter) also bind the tables a condition joins.
  await qb.applyJoinedFilters(em, options.filters);
  const statement = pageSizeWritten(qb.getKnexQuery().toSQL().toNative(), written, offset);
  // Built without applyJoinedFilters: a condition whose joins bring filters of their own writes
  // other text and is not learned. The page size is written the same way in both, once.
  if (known === undefined) {
    statementShapes.learn(key, processed, values, extra, statement, (condition) => pageSizeWritten(build(condition).getKnexQuery().toSQL().toNative(), written, offset));
  }
  return statement;
}

/** The largest page size written into a statement's text (paginate() asks for at most 101 rows: 100, and one to see whether more follow); a larger limit stays bound. */
const MAX_LITERAL_LIMIT = 1000;

/** `limit` when it is written into the statement's text (see pageSizeWritten), else undefined. */
function literalLimit(limit: number | undefined): number | undefined {
  return limit !== undefined && Number.isSafeInteger(limit) && limit > 0 && limit <= MAX_LITERAL_LIMIT ? limit : undefined;
}

/**
 * The builder's statement with its page size `n` written as a number (`limit 51`) instead of
 * bound (`limit $2`). PostgreSQL would not reuse one plan for a LIMIT it does not know (it assumes
 * a tenth of the rows, so the reusable plan looks dearer than a fresh one): on the benchmark's
 * data it planned a list page afresh at every execution, at more than twice the cost of running
 * it. With the number in the text, each page size of a shape is a statement of its own (a
 * handful: clients ask for a few page sizes, and at most MAX_LITERAL_LIMIT), learned once and
 * planned once per connection. The number is the server's own (paginate()'s bounded page size
 * plus one), checked by literalLimit to be a positive integer: never input text. The offset stays
 * bound. A statement that does not end as the builder writes a limit is returned as it is (its
 * shape then fails to learn, and each call builds it).
 */
function pageSizeWritten(built: Built, n: number | undefined, offset: number | undefined): Built {
  if (n === undefined) return built;
  const { sql: text, bindings } = built;
  const at = bindings.length - (offset ? 2 : 1);
  const m = /(?<= limit )\$(\d+)(?: offset \$(\d+))?$/.exec(text);
  if (!m || Number(m[1]) !== at + 1 || bindings[at] !== n || (offset ? Number(m[2]) !== at + 2 : m[2] !== undefined)) return built;
  const tail = offset ? `${n} offset $${at + 1}` : String(n);
  return { sql: text.slice(0, m.index) + tail, bindings: [...bindings.slice(0, at), ...bindings.slice(at + 1)] };
}

/** The properties a select reads (`fields`: plain property names, see pageColumns), or undefined for every column. */
function selectedColumns<T extends object>(options: FindOptions<T>): string[] | undefined {
  const fields = options.fields as readonly unknown[] | undefined;
  return fields?.length ? fields.map(String) : undefined;
}

/** The ORM's query builder for the select (`rows`: every column, or the properties in `fields`) or count of `name`'s rows meeting a condition. */
function builderOf<T extends object>(em: EntityManager, kind: 'rows' | 'count', name: string, options: FindOptions<T>): (condition: unknown) => QueryBuilder<T> {
  const { limit, offset } = options;
  const columns = kind === 'rows' ? selectedColumns(options) : undefined;
  return (condition) => {
    const qb = em.createQueryBuilder<T>(name);
    if (kind === 'count') qb.count();
    else qb.select((columns ?? '*') as never);
    qb.where(condition as ObjectQuery<T>);
    if (options.orderBy) qb.orderBy(options.orderBy);
    if (limit !== undefined || offset !== undefined) qb.limit(limit, offset);
    return qb;
  };
}

/** Statements learned per condition shape, for every leanFind and leanCount outside a transaction. */
const statementShapes = new StatementShapes();

/** Statements with more values than this (long `in` lists) are sent unnamed, so each connection keeps a bounded set. */
const MAX_PREPARED_VALUES = 16;

interface PooledClient {
  query(config: { name?: string; text: string; values: unknown[] }, callback: (err: Error | null, result: { rows: Row[] }) => void): void;
}
interface KnexPool {
  client: { acquireConnection(): Promise<PooledClient>; releaseConnection(conn: PooledClient): Promise<void> };
  emit(event: 'query', data: { sql: string; bindings: unknown[] }): void;
}

/**
 * Runs a read with bound values on a pooled connection, as a named prepared statement when its
 * shape is cacheable: PostgreSQL parses and plans it once per connection instead of every time
 * (the ORM sends each statement with its values inlined). The request budget is asked first and
 * the pool's query event fires, as for every other statement.
 */
export async function preparedRows(em: EntityManager, text: string, values: unknown[]): Promise<Row[]> {
  checkBudget();
  const knex = em.getConnection().getKnex() as unknown as KnexPool;
  knex.emit('query', { sql: text, bindings: values });
  const conn = await knex.client.acquireConnection();
  try {
    const name = values.length <= MAX_PREPARED_VALUES ? statementName(text) : undefined;
    // PostgreSQL keeps a named statement per connection; the pool's connections are few and long-lived.
    // Sent with a callback, as knex sends its own: the pool's read watchdog watches it (read-watchdog.ts).
    return await new Promise<Row[]>((resolve, reject) => {
      conn.query({ name, text, values }, (err, result) => (err ? reject(err) : resolve(result.rows)));
    });
  } finally {
    await knex.client.releaseConnection(conn);
  }
}

const names = new Map<string, string>();
/** The statement's name, from its text; undefined (sent unnamed) once the process has named many shapes. */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < 2000) {
    name = `lean_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
