import 'reflect-metadata';
import { type Config, ConfigError, loadConfig } from '../config';
import { createLogger, type Logger } from '../common/logger';
import { openDatabase, type Database } from '../database/database';

/** Opens the configured database (embedded unless DATABASE_URL), runs `task`, and closes it. */
export function runCli(task: (db: Database, logger: Logger, argv: string[], config: Config) => Promise<void>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    // A configuration mistake is the user's to fix: say what it is, without a stack trace.
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  (async () => {
    const db = await openDatabase(config, logger);
    try {
      await task(db, logger, process.argv.slice(2), config);
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
