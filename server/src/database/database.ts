import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { loadDevSecrets, type Config } from '../config';
import type { Logger } from '../common/logger';
import { createOrmConfig } from './orm.config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL kept in DATA_DIR/postgres. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
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
    const orm = await MikroORM.init(createOrmConfig(url));
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

export async function runMigrations(orm: MikroORM, logger: Logger): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  const names = applied.map((m) => m.name);
  if (names.length) logger.info({ migrations: names }, `applied ${names.length} migration(s)`);
  return names;
}
