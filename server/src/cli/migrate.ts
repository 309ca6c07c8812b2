import { runMigrations } from '../database/database';
import { runCli } from './run-cli';

runCli(async (db, logger) => {
  const applied = await runMigrations(db.url, logger);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
});
