import { purgeExpiredEvents } from '../modules/events/event-retention';
import { runCli } from './run-cli';

/** Deletes system events older than EVENT_RETENTION_DAYS, in batches; safe to run at any time. */
runCli(async (db, _logger, _argv, { eventRetention }) => {
  const result = await purgeExpiredEvents(db.orm.em.fork(), { retentionDays: eventRetention.days, batchSize: eventRetention.batchSize });
  process.stdout.write(
    `deleted ${result.deleted} system event(s) older than ${result.cutoff.toISOString()} (${eventRetention.days} days) in ${result.batches} batch(es)\n`,
  );
});
