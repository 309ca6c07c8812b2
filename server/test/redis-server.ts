import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import Redis from 'ioredis';

/*
 * Redis for the tests, the way global-setup.ts does PostgreSQL: with REDIS_URL set the tests
 * use that server (each test under its own key prefix); otherwise global setup starts a
 * throwaway redis-server on a free port (no persistence) and global teardown stops it. The
 * workers find it in ATRIUM_TEST_REDIS_URL. Without redis-server the Redis tests fail, saying
 * how to install it.
 */

const INSTALL_HINT =
  'redis-server was not found (looked for /usr/bin/redis-server and on PATH), so the Redis tests cannot run. ' +
  'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`) or set REDIS_URL to a Redis server the tests may write to.';

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

function findRedisServer(): string | null {
  const candidates = ['/usr/bin/redis-server', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'redis-server'))];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** True once the server answers PING on the port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function startRedisServer(bin: string, port: number): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-test-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'];
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A safety net: never outlive the jest process, even when teardown does not run.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const stop = async () => {
    process.removeListener('exit', kill);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}: ${stderr.trim() || `exit code ${String(child.exitCode)}`}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

/**
 * Global setup's part: exports ATRIUM_TEST_REDIS_URL (REDIS_URL's server, or a throwaway one),
 * or ATRIUM_TEST_REDIS_MISSING with the install hint. Returns the server to stop, if started.
 */
export async function setUpTestRedis(freePort: () => Promise<number>): Promise<TestRedis | null> {
  if (process.env.REDIS_URL) {
    process.env.ATRIUM_TEST_REDIS_URL = process.env.REDIS_URL;
    return null;
  }
  const bin = findRedisServer();
  if (!bin) {
    process.env.ATRIUM_TEST_REDIS_MISSING = INSTALL_HINT;
    process.stderr.write(`\n${INSTALL_HINT}\n`);
    return null;
  }
  const redis = await startRedisServer(bin, await freePort());
  process.env.ATRIUM_TEST_REDIS_URL = redis.url;
  return redis;
}

/** The Redis server for this test run; throws (failing the test) with the install hint when there is none. */
export function testRedisUrl(): string {
  const url = process.env.ATRIUM_TEST_REDIS_URL;
  if (url) return url;
  throw new Error(process.env.ATRIUM_TEST_REDIS_MISSING ?? 'ATRIUM_TEST_REDIS_URL is not set: run the tests through jest (global setup).');
}

/** A key prefix no other test uses, so tests sharing one Redis server do not see each other's keys. */
export function uniqueRedisPrefix(): string {
  return `atrium-test:${process.env.JEST_WORKER_ID ?? '0'}:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix` (tests clean up after themselves on a shared server). */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
