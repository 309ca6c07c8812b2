import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../src/common/logger';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded';
import { createOrmConfig } from '../src/database/orm.config';
import { setUpTestRedis, type TestRedis } from './redis-server';

/** The migrated template each test file clones; ATRIUM_TEST_TEMPLATE keeps parallel checkouts sharing one server apart. */
export const TEMPLATE_DB = process.env.ATRIUM_TEST_TEMPLATE ?? 'atrium_test_template';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Starts a throwaway embedded PostgreSQL (or uses DATABASE_URL's server when set), builds a
 * migrated template database, and tells the workers where it is. Each test file clones it.
 * Likewise Redis (see redis-server.ts).
 */
export default async function globalSetup(): Promise<void> {
  // Already done in this run (the browser tests' setup calls this one too).
  if (process.env.ATRIUM_TEST_ADMIN_URL && (globalThis as { __atriumEmbedded?: unknown }).__atriumEmbedded !== undefined) return;
  // Redis for the login limiter's tests (REDIS_URL's server, or a throwaway redis-server).
  (globalThis as { __atriumRedis?: TestRedis | null }).__atriumRedis = await setUpTestRedis(freePort);
  const logger = createLogger('silent');
  let adminUrl: string;
  let embedded: EmbeddedDatabase | null = null;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    embedded = await startEmbeddedPostgres({
      dir: mkdtempSync(join(tmpdir(), 'atrium-test-pg-')),
      port: await freePort(),
      password: 'test',
      database: 'postgres',
      logger,
      persistent: false,
    });
    adminUrl = embedded.url;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const orm = await MikroORM.init(createOrmConfig(withDatabase(adminUrl, TEMPLATE_DB)));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
  // MikroORM keeps entity metadata on globalThis; left here it would leak this realm's Maps
  // into the test environments (jest copies globals), and discovery there would fail.
  for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
  process.env.ATRIUM_TEST_ADMIN_URL = adminUrl;
  (globalThis as { __atriumEmbedded?: EmbeddedDatabase | null }).__atriumEmbedded = embedded;
}
