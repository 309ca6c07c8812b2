import type { EntityManager, MikroORM, QueryResult } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  retentionDays: number;
  batchSize: number;
  /** Defaults to the current time; tests pin it. */
  now?: Date;
  /** Checked between batches, so shutdown does not wait for a long backlog. */
  shouldStop?: () => boolean;
}

export interface RetentionResult {
  cutoff: Date;
  deleted: number;
  /** Transactions that deleted at least one row. */
  batches: number;
}

export function retentionCutoff(retentionDays: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * Deletes system events older than the cutoff, oldest first, `batchSize` rows per transaction.
 * Each transaction first runs `set local atrium.retention = 'on'`, the only way past the
 * append-only trigger; `set local` ends with the transaction, so the pooled connection goes
 * back without it. This is a platform job, not a request: it spans every tenant on purpose, so
 * its raw SQL names no tenant (an allow-listed exception in server/test/raw-sql.test.ts).
 */
export async function purgeExpiredEvents(em: EntityManager, opts: RetentionOptions): Promise<RetentionResult> {
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) throw new Error('batchSize must be a positive integer');
  const cutoff = retentionCutoff(opts.retentionDays, opts.now);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    if (opts.shouldStop?.()) break;
    const removed = await em.fork().transactional(async (tem) => {
      await tem.execute(`set local atrium.retention = 'on'`, [], 'run');
      const res = await tem.execute<QueryResult>(
        `delete from system_events e
          using (select id from system_events where occurred_at < ? order by occurred_at, id limit ?) doomed
          where e.id = doomed.id`,
        [cutoff, opts.batchSize],
        'run',
      );
      return res.affectedRows;
    });
    if (removed > 0) {
      deleted += removed;
      batches += 1;
    }
    if (removed < opts.batchSize) break;
  }
  return { cutoff, deleted, batches };
}

export interface RetentionJob {
  /** Runs one purge now, unless one is already running (then waits for that one). */
  runNow(): Promise<RetentionResult | null>;
  /** Stops scheduling and waits for a running purge to finish its current batch. */
  stop(): Promise<void>;
}

/**
 * Runs the purge once at start-up and then every `intervalMinutes` (never two at once). An
 * interval of 0 schedules nothing; `npm run events:retention` then does the job.
 */
export function startEventRetention(orm: MikroORM, settings: Config['eventRetention'], logger: Logger): RetentionJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RetentionResult | null> | undefined;

  const runNow = (): Promise<RetentionResult | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= purgeExpiredEvents(orm.em.fork(), {
      retentionDays: settings.days,
      batchSize: settings.batchSize,
      shouldStop: () => stopped,
    })
      .then((result) => {
        if (result.deleted > 0) logger.info({ ...result, retentionDays: settings.days }, 'system events retention: deleted expired events');
        return result;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'system events retention failed; it will run again at the next interval');
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped || settings.intervalMinutes === 0) return;
    timer = setTimeout(() => {
      void runNow().then(() => schedule(settings.intervalMinutes * 60_000));
    }, delayMs);
    // A pending purge never keeps the process alive on its own.
    timer.unref();
  };
  schedule(0);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
