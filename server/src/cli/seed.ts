import { runMigrations } from '../database/database';
import { seedDemoData } from '../seeders/demo.seeder';
import { runCli } from './run-cli';

runCli(async (db, logger) => {
  await runMigrations(db.orm, logger);
  const seeded = await seedDemoData(db.orm, logger);
  process.stdout.write(seeded ? 'demo data seeded\n' : 'demo data already present; nothing to do\n');
});
