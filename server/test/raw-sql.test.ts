import { MikroORM } from '@mikro-orm/postgresql';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { createOrmConfig } from '../src/database/orm.config';

/**
 * Raw SQL and the QueryBuilder skip the ORM's tenant filter. So outside the tenant-SQL helpers,
 * a source file that runs raw SQL itself (`.execute(`, a QueryBuilder, `.raw(`, knex) names no
 * tenant-owned table (an entity with a `tenant`, read from the ORM metadata) in its SQL: such a
 * query goes through database/tenant-sql.ts (tenantQuery, which refuses a tenant-scoped query
 * without its tenant) or database/child-connection.ts. A file that deliberately spans tenants
 * is named below, with its tables and the reason. Tests and migrations are not scanned.
 */
const SRC = resolve(__dirname, '..', 'src');

/** Where raw SQL against tenant-owned tables is built and run with the tenant condition. */
const HELPERS = ['database/tenant-sql.ts', 'database/child-connection.ts'];

/** System code that crosses tenants on purpose. Keep it short; every entry says why. */
const ALLOWED: readonly { file: string; tables: readonly string[]; reason: string }[] = [
  {
    file: 'modules/events/event-retention.ts',
    tables: ['system_events'],
    reason: 'The retention job deletes expired events of every tenant (and platform events) by age; a platform job, not a request.',
  },
  {
    file: 'modules/events/event.factory.ts',
    tables: ['system_events'],
    reason: 'Bulk insert for seeds, tests and benchmarks: each row carries its own tenant_id, and nothing is read.',
  },
  {
    file: 'context/create-context.ts',
    tables: ['sessions', 'memberships', 'roles', 'api_keys'],
    reason:
      "Authentication: reads the caller's own session (or API key) and their (its creator's) membership in its tenant, before any request scope exists; for open WebSocket connections, the same rows of their own sign-ins again (currentAccess), to close those whose rights changed.",
  },
  {
    file: 'bench/realtime.ts',
    tables: ['memberships', 'roles', 'sessions'],
    reason: 'The realtime benchmark makes its subscribers (viewers of acme, each with a session) in bulk on its own throwaway database, outside any request.',
  },
  {
    file: 'seeders/large.seeder.ts',
    tables: ['tickets', 'ticket_comments', 'system_events', 'automation_runs', 'kyc_cases', 'audit_logs', 'inbound_messages'],
    reason: 'Seeder: writes benchmark data for many tenants in bulk, outside any request.',
  },
  {
    file: 'bench/run.ts',
    tables: ['tickets', 'ticket_comments'],
    reason: "The benchmark counts statements on the pool's query events; its one query of its own goes through tenantQuery.",
  },
];

/** Calls that run SQL past the ORM's filters. */
const RAW_CALLS = new Set(['execute', 'createQueryBuilder', 'qb', 'raw', 'getKnex']);
/** Plain functions that send SQL text of their caller's (database/lean-find.ts). */
const RAW_FUNCTIONS = new Set(['preparedRows']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && path !== join(SRC, 'migrations')) out.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

/** Knex builder calls whose first argument is a table name. */
const KNEX_TABLE_CALLS = new Set(['into', 'from', 'table', 'join', 'leftJoin', 'innerJoin']);

interface Scanned {
  /** Where the file runs raw SQL (a raw call, or knex), as `line: source`; empty when it does not. */
  raw: string[];
  /** The text of every string and template literal (a template's parts joined by `?`). */
  literals: string[];
  /** Table names given to knex builders (`.into('x')`, `.into(X)` with `const X = 'x'`), and QueryBuilder entities. */
  named: string[];
}

function scan(file: string, text = readFileSync(file, 'utf8')): Scanned {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const result: Scanned = { raw: [], literals: [], named: [] };
  const constants = new Map<string, string>();
  const names: ts.Expression[] = [];
  const at = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${line + 1}: ${text.split('\n')[line]?.trim() ?? ''}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) result.literals.push(node.text);
    else if (ts.isTemplateExpression(node)) result.literals.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteralLike(node.initializer)) {
      constants.set(node.name.text, node.initializer.text);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const call = node.expression.name.text;
      const first = node.arguments[0];
      if (RAW_CALLS.has(call)) result.raw.push(at(node.expression.name));
      if (first && (KNEX_TABLE_CALLS.has(call) || call === 'createQueryBuilder' || call === 'qb')) names.push(first);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && RAW_FUNCTIONS.has(node.expression.text)) result.raw.push(at(node.expression));
    if (ts.isIdentifier(node) && /^knex$/i.test(node.text)) result.raw.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const name of names) {
    if (ts.isStringLiteralLike(name)) result.named.push(name.text);
    else if (ts.isIdentifier(name)) result.named.push(constants.get(name.text) ?? name.text);
  }
  result.raw = [...new Set(result.raw)];
  return result;
}

/** Tenant-owned tables a file's SQL names: in SQL text, given to a knex builder, or as a QueryBuilder's entity. */
function tenantTablesIn(scanned: Scanned, owned: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const [table, entity] of owned) {
    const inSql = new RegExp(`\\b(from|join|update|into|table|using|analyze)\\s+"?${table}"?(?![\\w"])`, 'i');
    if (scanned.literals.some((text) => inSql.test(text))) found.add(table);
    if (scanned.named.includes(table) || scanned.named.includes(entity)) found.add(table);
  }
  return [...found].sort();
}

let owned: Map<string, string>;

beforeAll(async () => {
  // Metadata only: discovery, no connection.
  const orm = await MikroORM.init({ ...createOrmConfig('postgresql://metadata-only@127.0.0.1:1/none'), connect: false });
  try {
    owned = new Map(
      Object.values(orm.getMetadata().getAll())
        .filter((meta) => !meta.abstract && !meta.embeddable && !meta.virtual && meta.tableName && meta.properties.tenant)
        .map((meta) => [meta.tableName, meta.className]),
    );
  } finally {
    await orm.close(true);
  }
});

describe('raw SQL against tenant-owned tables', () => {
  it('knows the tenant-owned tables from the ORM metadata (entities with a tenant)', () => {
    expect([...owned.keys()]).toEqual(expect.arrayContaining(['tickets', 'ticket_comments', 'kyc_documents', 'automation_runs', 'system_events', 'incident_tenants', 'memberships']));
    for (const platformWide of ['tenants', 'users', 'tools', 'incidents', 'feature_flags']) expect(owned.has(platformWide)).toBe(false);
  });

  it('goes through the tenant-SQL helpers, or is allow-listed with a reason', () => {
    const allowed = new Map(ALLOWED.map((a) => [a.file, new Set(a.tables)]));
    const violations: string[] = [];
    const used = new Map<string, Set<string>>();
    for (const path of sourceFiles(SRC)) {
      const file = relative(SRC, path);
      if (HELPERS.includes(file)) continue;
      const scanned = scan(path);
      if (!scanned.raw.length) continue;
      for (const table of tenantTablesIn(scanned, owned)) {
        if (allowed.get(file)?.has(table)) {
          used.set(file, (used.get(file) ?? new Set()).add(table));
          continue;
        }
        violations.push(`server/src/${file}: raw SQL names the tenant-owned table ${table} (at ${scanned.raw.join('; ')})`);
      }
    }
    if (violations.length) {
      throw new Error(
        `Raw SQL against tenant-owned tables outside the tenant-SQL helpers:\n  ${violations.join('\n  ')}\n` +
          'Run it through tenantQuery/tenantIs (database/tenant-sql.ts) or a childConnection (database/child-connection.ts); ' +
          'only a job that spans tenants on purpose belongs in ALLOWED, with its reason.',
      );
    }
    // The allow-list stays honest: every entry still names raw SQL that exists, and says why.
    for (const a of ALLOWED) {
      expect({ file: a.file, tables: [...(used.get(a.file) ?? [])].sort() }).toEqual({ file: a.file, tables: [...a.tables].sort() });
      expect(a.reason.length).toBeGreaterThan(20);
    }
  });

  it('sees raw SQL in each kind of call and names the table', () => {
    const sample = (code: string): string[] => {
      const scanned = scan(join(SRC, 'modules', 'tickets', 'sample.ts'), code);
      return scanned.raw.length ? tenantTablesIn(scanned, owned) : [];
    };
    expect(sample('await em.getConnection().execute(`select * from ticket_comments c where c.ticket_id = ?`, [id]);')).toEqual(['ticket_comments']);
    expect(sample('await em.execute("update automation_runs set status = ? where id = ?", [s, id]);')).toEqual(['automation_runs']);
    expect(sample('const qb = em.createQueryBuilder(KycCase, "k");')).toEqual(['kyc_cases']);
    expect(sample("await em.execute(em.getKnex().insert(rows).into('system_events'));")).toEqual(['system_events']);
    // Platform-wide tables, and SQL that is not run raw, are not its business.
    expect(sample('await em.execute("select id from tenants where id = ? for update", [id]);')).toEqual([]);
    expect(sample('await preparedRows(em, `select * from ticket_comments where ticket_id = $1`, [id]);')).toEqual(['ticket_comments']);
    expect(sample('const from = "select * from tickets";')).toEqual([]);
  });
});
