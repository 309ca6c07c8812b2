import { runMigrations } from '../database/database';
import { seedDemoData } from '../seeders/demo.seeder';
import { LARGE_SCALE, seedLargeData } from '../seeders/large.seeder';
import { runCli } from './run-cli';

/** `db:seed` seeds the demo data; `db:seed -- --scale large` adds a benchmark-sized dataset. */
runCli(async (db, logger, argv, config) => {
  await runMigrations(db.url, logger);
  const scaleAt = argv.indexOf('--scale');
  const scale = scaleAt >= 0 ? argv[scaleAt + 1] : 'demo';
  if (scale !== 'demo' && scale !== 'large') throw new Error(`unknown --scale "${scale ?? ''}"; use "demo" (default) or "large"`);
  const seeded = await seedDemoData(db.orm, logger, { kycStorageDir: config.kyc.storageDir });
  process.stdout.write(seeded ? 'demo data seeded\n' : 'demo data already present; nothing to do\n');
  if (scale === 'large') {
    const large = await seedLargeData(db.orm, logger, LARGE_SCALE);
    process.stdout.write(large ? 'large dataset seeded\n' : 'large dataset already present; nothing to do\n');
  }
});
