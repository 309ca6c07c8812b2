import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { loadDevSecrets, type Config } from '../config';
import type { Logger } from '../common/logger';
import { createOrmConfig, requestTimeoutOptions } from './orm.config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL kept in DATA_DIR/postgres. The API
 * server opens it `forRequests` (statement, query and pool timeouts); the CLI without them.
 */
export async function openDatabase(config: Config, logger: Logger, opts: { forRequests?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      password: loadDevSecrets(config.dataDir).pgPassword,
      database: 'atrium',
      logger,
    });
    url = embedded.url;
  }
  try {
    const orm = await MikroORM.init(createOrmConfig(url, opts.forRequests ? requestTimeoutOptions(config.timeouts) : {}));
    return {
      orm,
      url,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/**
 * Applies pending migrations on a connection of their own, without the API's statement
 * timeout: a migration that rewrites a large table may rightly take longer than a request.
 */
export async function runMigrations(url: string, logger: Logger): Promise<string[]> {
  const orm = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 1 } }));
  try {
    const applied = await orm.getMigrator().up();
    const names = applied.map((m) => m.name);
    if (names.length) logger.info({ migrations: names }, `applied ${names.length} migration(s)`);
    return names;
  } finally {
    await orm.close(true);
  }
}
