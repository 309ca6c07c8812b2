import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { runMigrations } from '../src/database/database';
import { type ChildProcess, spawn } from 'node:child_process';
import { createOrmConfig, requestTimeoutOptions } from '../src/database/orm.config';
import { DEMO_PASSWORD, seedDemoData } from '../src/seeders/demo.seeder';
import { startTestApp } from './harness';

/**
 * A PostgreSQL of this test's own (the suite's shared one must keep serving the other files),
 * frozen with SIGSTOP as a hung server or a network partition would look to the API.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The postmaster and every backend it forked (from /proc: Linux only, like the embedded binaries). */
function postgresProcesses(dataDir: string): number[] {
  const postmaster = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('database outage', () => {
  const logger = createLogger('silent');
  let dataDir: string;
  let appDir: string;
  let pgProcess: ChildProcess | undefined;
  let dbUrl: string;
  let orm: MikroORM;
  let app: App;
  let url: string;
  let frozen: number[] = [];

  const signal = (sig: NodeJS.Signals) => {
    for (const pid of frozen) {
      try {
        process.kill(pid, sig);
      } catch {
        // gone already
      }
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-outage-pg-'));
    appDir = mkdtempSync(join(tmpdir(), 'atrium-outage-data-'));
    const port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, 'support', 'frozen-postgres.mjs'), dataDir, String(port), 'outage'], { stdio: ['ignore', 'pipe', 'inherit'] });
    pgProcess = child;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the test's PostgreSQL exited (${code})`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
    });
    dbUrl = `postgres://postgres:outage@127.0.0.1:${port}/postgres`;
    await runMigrations(dbUrl, logger);
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: appDir,
      CLIENT_DIST_DIR: '',
      DB_STATEMENT_TIMEOUT_MS: '1000',
      DB_ACQUIRE_TIMEOUT_MS: '1000',
      DB_CONNECT_TIMEOUT_MS: '1000',
      READINESS_TIMEOUT_MS: '800',
      RETRY_AFTER_SECONDS: '7',
    });
    orm = await MikroORM.init(createOrmConfig(dbUrl, requestTimeoutOptions(config.timeouts)));
    await seedDemoData(orm, logger, { kycStorageDir: config.kyc.storageDir });
    app = await createApp(config, orm, logger);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    signal('SIGCONT');
    await app?.close();
    await orm?.close(true);
    if (pgProcess && pgProcess.exitCode === null) {
      const exited = new Promise((resolve) => pgProcess?.once('exit', resolve));
      pgProcess.kill('SIGTERM');
      await exited;
    }
    rmSync(appDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const gql = async (query: string, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
  };

  it('answers 503 quickly while PostgreSQL is frozen, and recovers when it resumes', async () => {
    const login = await gql(`mutation { login(input: { email: "agent@acme.test", password: "${DEMO_PASSWORD}" }) { accessToken } }`);
    const token = (login.body.data?.login as { accessToken: string }).accessToken;
    expect((await gql('{ me { permissions } }', token)).body.errors).toBeUndefined();
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    frozen = postgresProcesses(dataDir);
    expect(frozen.length).toBeGreaterThan(1);
    signal('SIGSTOP');

    // Readiness gives up on its own time (800 ms here), well inside the probe's 2 s.
    const started = Date.now();
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('7');
    console.log(`/readyz answered ${ready.status} after ${Date.now() - started} ms with the database frozen`);

    // A signed-in query needs the database for its session: 503, Retry-After, a clear code.
    const down = await gql('{ me { permissions } }', token);
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe('7');
    expect(down.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
    expect(JSON.stringify(down.body)).not.toMatch(/timeout|knex|pg|stack/i);

    // Liveness does not depend on the database.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    signal('SIGCONT');
    frozen = [];
    let readyAgain = 0;
    for (let i = 0; i < 40 && readyAgain !== 200; i++) {
      readyAgain = (await fetch(`${url}/readyz`)).status;
      if (readyAgain !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(readyAgain).toBe(200);
    let back = await gql('{ me { permissions } }', token);
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = await gql('{ me { permissions } }', token);
    }
    expect(back.status).toBe(200);
    expect(back.body.errors).toBeUndefined();
  });
});

describe('limiter store outage', () => {
  it('answers a sign-in with 503 and Retry-After when Redis cannot be reached', async () => {
    // Nothing listens on port 1: the limiter's Redis is unreachable.
    const t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', RETRY_AFTER_SECONDS: '4' } });
    try {
      const res = await t.gql('mutation { login(input: { email: "agent@acme.test", password: "wrong" }) { accessToken } }');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('4');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
      expect(res.errors?.[0]?.message).not.toMatch(/redis|ECONNREFUSED|retries/i);
    } finally {
      await t.close();
    }
  });
});
