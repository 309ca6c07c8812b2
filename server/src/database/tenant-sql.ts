import type { EntityName } from '@mikro-orm/core';
import { preparedRows } from './lean-find';
import { pgArray } from './pg-array';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { RequestScope } from '../context/scope';
import { type AccessGate, readGrant } from '../permissions/access';

/*
 * The tenant condition of raw SQL. The ORM's tenant filter (tenant-filter.ts) scopes finds, but
 * raw SQL and the QueryBuilder skip it, so a raw query against a tenant-owned table states its
 * tenant here: a reach (whose rows), a condition built from it, and tenantQuery, which runs the
 * query and refuses one that leaves the tenant out. Values are always bound (`?`), never spliced
 * into the text. server/test/raw-sql.test.ts keeps the rest of server/src to this file.
 */

/** SQL text with the values its `?` placeholders bind, in order. */
export class SqlFragment {
  constructor(
    readonly sql: string,
    readonly params: readonly unknown[] = [],
  ) {}
}

/**
 * SQL with bound values: each interpolated value becomes a `?` and a parameter; an interpolated
 * SqlFragment is spliced in with its own parameters. `sql\`select ... where ${tenantIs(r)} and status = ${s}\``.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return new SqlFragment(text, params);
}

/** SQL text written in code (table names, aliases, orderings of a declaration), never input. */
export function sqlText(text: string): SqlFragment {
  return new SqlFragment(text);
}

/**
 * `column` is one of `ids` (uuids; `column` is code, as in sqlText), for a loader's batch. One id
 * (a single ticket's comments, the common case) is written `column = ?::uuid`: PostgreSQL then
 * plans the prepared statement once per connection and reuses that plan. Written
 * `= any(?::uuid[])`, the statement was planned again at every execution on the benchmark's data
 * (with an array parameter of unknown length, the reusable plan is estimated dearer than a fresh
 * one); for a ticket's first comments with their authors, planning cost several times the
 * execution. Several ids stay one array parameter: one statement whatever the batch's size.
 */
export function uuidIn(column: string, ids: readonly string[]): SqlFragment {
  return ids.length === 1 ? sql`${sqlText(column)} = ${ids[0]}::uuid` : sql`${sqlText(column)} = any(${pgArray(ids)}::uuid[])`;
}

/** Whose rows a raw query reaches: every tenant's (staff on the platform) or one tenant's. */
export type TenantReach = { readonly as: 'platform' } | { readonly as: 'tenant'; readonly tenantId: string };

/** No condition: every tenant's rows (what `tenantIs` says under a platform reach). */
export const ANY_TENANT = sqlText('true');

/**
 * A request's reach under `policies` (a grant of every one is needed): a platform grant reaches
 * every tenant, a tenant grant that tenant; null (run nothing, answer "no rows") when a policy
 * grants nothing. A personal grant reaches no tenant-owned rows here.
 */
export function requestReach(scope: RequestScope, ...policies: AccessGate[]): TenantReach | null {
  let reach: TenantReach | null = null;
  for (const policy of policies) {
    const grant = readGrant(scope, policy);
    if (!grant || grant.as === 'personal') return null;
    reach = grant;
  }
  return reach;
}

/**
 * The reach of a system-side query about one tenant (a dashboard widget, the quota gate, a job
 * on one tenant's row). Throws when the tenant is missing: such a query never runs unscoped.
 */
export function tenantReach(tenantId: string | null | undefined): TenantReach {
  if (typeof tenantId !== 'string' || tenantId.trim() === '') throw new Error('A tenant-scoped raw query was given no tenant.');
  return { as: 'tenant', tenantId };
}

const NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i;

/** `c` → `c.tenant_id`; a dotted name is the column itself (`tenants.id`); none → `tenant_id`. */
function tenantColumn(target: string | undefined): string {
  if (target === undefined) return 'tenant_id';
  if (!NAME.test(target)) throw new Error(`Not a table alias or column: ${JSON.stringify(target)}`);
  return target.includes('.') ? target : `${target}.tenant_id`;
}

/**
 * The tenant condition: `<alias>.tenant_id = ?` for each alias, joined by `and` (no alias: the
 * unqualified `tenant_id = ?`), the tenant bound once per alias; `true` under a platform reach.
 */
export function tenantIs(reach: TenantReach, ...targets: string[]): SqlFragment {
  if (reach.as === 'platform') return ANY_TENANT;
  const columns = targets.length ? targets.map(tenantColumn) : [tenantColumn(undefined)];
  return new SqlFragment(columns.map((c) => `${c} = ?`).join(' and '), columns.map(() => reach.tenantId));
}

/** Rows of the tenant or of no tenant: `(<alias>.tenant_id is null or <alias>.tenant_id = ?)`; `true` under a platform reach. */
export function tenantOrNone(reach: TenantReach, target: string): SqlFragment {
  if (reach.as === 'platform') return ANY_TENANT;
  const column = tenantColumn(target);
  return new SqlFragment(`(${column} is null or ${column} = ?)`, [reach.tenantId]);
}

/**
 * Runs the raw query `build(reach)` in `em` (its transaction, if any) and returns its rows; no
 * reach: no rows, and no SQL. Under a tenant reach the query must bind the tenant (through
 * tenantIs or tenantOrNone), or it throws instead of running unscoped.
 */
export async function tenantQuery<R extends object>(em: EntityManager, reach: TenantReach | null, build: (reach: TenantReach) => SqlFragment): Promise<R[]> {
  if (!reach) return [];
  const query = build(reach);
  if (reach.as === 'tenant' && !query.params.includes(reach.tenantId)) {
    throw new Error('A tenant-scoped raw query must state its tenant (tenantIs or tenantOrNone).');
  }
  // Outside a transaction: a prepared statement with bound values (planned once per connection).
  if (em.getTransactionContext()) return em.execute<R[]>(query.sql, [...query.params]);
  return (await preparedRows(em, numbered(query.sql), [...query.params])) as R[];
}

const numberedTexts = new Map<string, string>();

/**
 * `?` placeholders as PostgreSQL's `$1`, `$2`, ...; a `?` inside a quoted literal is left alone.
 * A query's text is the same on every request (its values are parameters): each is rewritten
 * once, for the first 2,000 texts a process sees.
 */
function numbered(text: string): string {
  let out = numberedTexts.get(text);
  if (out === undefined) {
    out = numberPlaceholders(text);
    if (numberedTexts.size < 2000) numberedTexts.set(text, out);
  }
  return out;
}

function numberPlaceholders(text: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    out += c === '?' && !quoted ? `$${++n}` : c;
  }
  return out;
}

/**
 * The QueryBuilder form: a builder over `entity` as `alias` with the tenant condition already in
 * its where clause (add to it with andWhere); null when the reach is null (no rows).
 */
export function tenantQueryBuilder<T extends object>(em: EntityManager, entity: EntityName<T>, alias: string, reach: TenantReach | null): QueryBuilder<T> | null {
  if (!reach) return null;
  const qb = em.createQueryBuilder(entity, alias);
  const condition = tenantIs(reach, alias);
  return reach.as === 'tenant' ? qb.where(condition.sql, [...condition.params]) : qb;
}
