import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger, type Logger } from '../common/logger';
import { openDatabase, type Database } from '../database/database';

/** Opens the configured database (embedded unless DATABASE_URL), runs `task`, and closes it. */
export function runCli(task: (db: Database, logger: Logger, argv: string[]) => Promise<void>): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  (async () => {
    const db = await openDatabase(config, logger);
    try {
      await task(db, logger, process.argv.slice(2));
    } finally {
      await db.close();
    }
  })().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
