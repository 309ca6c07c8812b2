import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type App, createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger, type Logger } from '../src/common/logger';
import { createOrmConfig, requestTimeoutOptions } from '../src/database/orm.config';
import { DEMO_PASSWORD, seedDemoData } from '../src/seeders/demo.seeder';

const TEMPLATE_DB = process.env.ATRIUM_TEST_TEMPLATE ?? 'atrium_test_template';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; [k: string]: unknown } }[];
  headers: Headers;
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  app: App;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: { token?: string; headers?: Record<string, string> }): Promise<GqlResponse<T>>;
  /** Signs in a demo (or factory-made) user; returns both tokens. */
  login(email: string, tenantSlug?: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** Raw SQL straight to the test database, for assertions (not through the app). */
  sql<T = Record<string, any>>(query: string, params?: unknown[]): Promise<T[]>;
  /** The number in the first row's `n` column of a `select count(*) as n ...`. */
  count(query: string, params?: unknown[]): Promise<number>;
  /** Database id (uuid) of a user by email, or of a tenant by slug; throws when missing. */
  userId(email: string): Promise<string>;
  tenantId(slug: string): Promise<string>;
  /** Runs `fn` and returns how many SQL statements the app sent meanwhile. */
  countQueries(fn: () => Promise<unknown>): Promise<{ count: number; sql: string[] }>;
  close(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * A real server on a real database: a fresh clone of the migrated template, the demo data
 * seeded through the factories, and the app listening on an ephemeral port.
 */
/** `text` with each `$n` replaced by its value as an SQL literal (strings and dates quoted). */
function withValues(text: string, bindings: unknown[] | undefined): string {
  if (!bindings?.length || !/\$\d/.test(text)) return text;
  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? `{${v.join(',')}}` : typeof v === 'string' ? v : JSON.stringify(v);
    return `'${s.replace(/'/g, "''")}'`;
  };
  return text.replace(/\$(\d+)/g, (m: string, i: string) => (Number(i) <= bindings.length ? literal(bindings[Number(i) - 1]) : m));
}

export async function startTestApp(opts: { seed?: boolean; env?: Record<string, string>; logger?: Logger } = {}): Promise<TestApp> {
  const adminUrl = process.env.ATRIUM_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('ATRIUM_TEST_ADMIN_URL is not set: run the tests through jest (global setup).');
  const dbName = `atrium_t_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template ${TEMPLATE_DB}`);
  await admin.end();

  // Per-app data (KYC files, dev secrets), removed again by close().
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    // API only unless a test serves a built client (the browser tests do).
    CLIENT_DIST_DIR: '',
    // The mail worker runs (mail goes to SMTP_URL when a test sets it, else to the development
    // mailbox) and wakes when mail is committed, but never polls on its own: no statement of its
    // lands in a test's countQueries unless the test sends mail.
    MAIL_POLL_INTERVAL_MS: '0',
    // Production requires it; tests that start in production mode need not each say it.
    PUBLIC_URL: 'http://localhost:4000',
    // Statement counts stay the same whatever ran before: the session look-up is sent every time.
    // session-cache.test.ts (and the read-path counts) turn the cache on.
    SESSION_CACHE_ENABLED: 'false',
    ...opts.env,
  });
  // The same connection limits as the server (statement, query and pool timeouts).
  const orm = await MikroORM.init(createOrmConfig(withDatabase(adminUrl, dbName), requestTimeoutOptions(config.timeouts)));
  const logger = opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  if (opts.seed !== false) await seedDemoData(orm, logger, { kycStorageDir: config.kyc.storageDir });
  const app = await createApp(config, orm, logger);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const gql: TestApp['gql'] = async (query, variables, o = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data as never, errors: body.errors, headers: res.headers };
  };

  const sql = <T,>(query: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute(query, params);
  const idOf = async (table: 'users' | 'tenants', column: 'email' | 'slug', value: string): Promise<string> => {
    const [row] = await sql<{ id: string }>(`select id from ${table} where ${column} = ?`, [value]);
    if (!row) throw new Error(`no ${table} row with ${column} ${value}`);
    return row.id;
  };

  return {
    url,
    orm,
    app,
    gql,
    sql,
    async count(query, params) {
      const [row] = await sql<{ n: string | number }>(query, params);
      return Number(row?.n);
    },
    userId: (email) => idOf('users', 'email', email),
    tenantId: (slug) => idOf('tenants', 'slug', slug),
    async login(email, tenantSlug, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { accessToken: string; refreshToken: string } }>(
        'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }',
        { input: { email, password, tenantSlug } },
      );
      if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      return res.data.login;
    },
    async countQueries(fn) {
      const knex = orm.em.getConnection().getKnex();
      const sql: string[] = [];
      // Prepared statements arrive with $n placeholders and their values: shown with the values in
      // place, as the ORM's own statements are, so assertions read the statement as it ran.
      const listener = (q: { sql: string; bindings?: unknown[] }) => sql.push(withValues(q.sql, q.bindings));
      knex.on('query', listener);
      try {
        await fn();
      } finally {
        knex.removeListener('query', listener);
      }
      return { count: sql.length, sql };
    },
    async close() {
      await app.close();
      await orm.close(true);
      const a = new Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error's code, for terse assertions. */
export function codeOf(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

/** Asserts the response failed with `code` (and `reason` when given) and leaks nothing internal. */
export function expectError(res: GqlResponse, code: string, reason?: string): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(codeOf(res)).toBe(code);
  if (reason !== undefined) expect(res.errors?.[0]?.extensions.reason).toBe(reason);
  const text = JSON.stringify(res.errors).toLowerCase();
  for (const marker of ['stack', 'select ', 'at /']) expect(text).not.toContain(marker);
}

/** Asserts the response has no errors. */
export function expectOk(res: GqlResponse): void {
  expect(res.errors ?? []).toEqual([]);
}

/** An HTTP answer as sent: status, headers and the body's bytes, nothing decoded. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request without any client-side decoding (no decompression, no JSON), on a connection of its own. */
export function rawRequest(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
