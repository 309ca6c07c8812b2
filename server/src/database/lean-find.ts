import { type EntityMetadata, type EntityName, type FilterQuery, type FindOptions, type ObjectQuery, ReferenceKind, Utils } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { checkBudget } from '../common/request-budget';

/** The part of EntityManager that em.find uses to apply filters (the tenant filter) to a condition. */
interface WhereProcessor {
  processWhere<T extends object>(entityName: string, where: FilterQuery<T>, options: FindOptions<T>, type: 'read'): Promise<FilterQuery<T>>;
}

type Row = Record<string, unknown>;

/** How one entity's rows become lean objects: which properties are scalars and which references. */
interface LeanShape {
  prototype: object;
  scalars: { name: string; convert?: (value: unknown) => unknown }[];
  references: string[];
}

const shapes = new WeakMap<EntityMetadata, LeanShape>();

function shapeOf(em: EntityManager, meta: EntityMetadata): LeanShape {
  let shape = shapes.get(meta);
  if (shape) return shape;
  const platform = em.getPlatform();
  shape = { prototype: meta.class.prototype as object, scalars: [], references: [] };
  for (const prop of meta.props) {
    if (prop.persist === false) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) shape.references.push(prop.name);
    else if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) {
      const custom = prop.customType;
      shape.scalars.push({ name: prop.name, convert: custom ? (v): unknown => custom.convertToJSValue(v, platform) as unknown : undefined });
    }
  }
  shapes.set(meta, shape);
  return shape;
}

/**
 * A row as a lean object: an instance of the entity's class (so its methods work and
 * `constructor.name` names its GraphQL type) holding the columns as properties and each
 * many-to-one reference as `{ id }`. It is not managed: not in the identity map, not tracked,
 * never flushed. For reads only; a service that changes what it read loads it with em.find.
 */
function leanOf<T>(shape: LeanShape, data: Row): T {
  // Own data properties first, the prototype last: the ORM's accessors on the prototype (which
  // would wrap each reference) are shadowed, never called.
  const obj: Row = {};
  for (const { name, convert } of shape.scalars) {
    const value = data[name];
    if (value !== undefined) obj[name] = convert && value !== null ? convert(value) : value;
  }
  for (const name of shape.references) {
    const value = data[name];
    if (value !== undefined) obj[name] = value === null ? null : { id: value };
  }
  return Object.setPrototypeOf(obj, shape.prototype) as T;
}

/**
 * Rows of `entity` read by raw SQL (column names, as `select x.*` returns them) as lean objects:
 * for nested lists that only answer GraphQL fields.
 */
export function leanFromRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: readonly Row[]): T[] {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const shape = shapeOf(em, meta as EntityMetadata);
  const driver = em.getDriver();
  return rows.map((row) => leanOf<T>(shape, driver.mapResult(row as never, meta) as Row));
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
): Promise<T[]> {
  const name = Utils.className(entity);
  const meta = em.getMetadata().get<T>(name);
  const processed = await (em as unknown as WhereProcessor).processWhere<T>(name, where, options, 'read');
  const shape = shapeOf(em, meta as EntityMetadata);
  if (em.getTransactionContext()) {
    // Inside a transaction: the transaction's own connection, through the driver.
    const driverOptions: FindOptions<T> = { ...options, ctx: em.getTransactionContext<unknown>(), em, orderBy: options.orderBy ?? {}, populate: [] };
    const rows = await em.getDriver().find<T>(name, processed as ObjectQuery<T>, driverOptions);
    return rows.map((row) => leanOf<T>(shape, row as Row));
  }
  const qb = em.createQueryBuilder<T>(name).select('*').where(processed as ObjectQuery<T>);
  if (options.orderBy) qb.orderBy(options.orderBy);
  if (options.limit !== undefined || options.offset !== undefined) qb.limit(options.limit, options.offset);
  // As the driver does for em.find: filters (the tenant filter) also bind the tables a condition joins.
  await qb.applyJoinedFilters(em, options.filters);
  const { sql, bindings } = qb.getKnexQuery().toSQL().toNative();
  const rows = await preparedRows(em, sql, bindings as unknown[]);
  const driver = em.getDriver();
  return rows.map((row) => leanOf<T>(shape, driver.mapResult(row as never, meta) as Row));
}

/** Statements with more values than this (long `in` lists) are sent unnamed, so each connection keeps a bounded set. */
const MAX_PREPARED_VALUES = 16;

interface PooledClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
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
    return (await conn.query({ name, text, values })).rows;
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
