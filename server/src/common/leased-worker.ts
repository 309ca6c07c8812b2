import type { Logger } from './logger';

/** How often a worker deletes what its retention setting lets go. */
const PRUNE_INTERVAL_MS = 3_600_000;
/** setTimeout holds at most 2^31-1 ms; a later wake-up simply looks again then. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface LeasedWorkerSettings {
  /** Items worked on at once by one worker. */
  readonly concurrency: number;
  /** The safety-net look for due work (ms); 0: none. */
  readonly pollIntervalMs: number;
}

/**
 * The loop shared by Atrium's durable workers (the mail outbox, webhook deliveries): rows in
 * PostgreSQL are claimed with a lease (`claim`), worked on concurrently (`work`), and each
 * attempt recorded by the subclass. This class decides when to look:
 * - when started (what was due before a restart), and when nudged (a transaction of this
 *   process committed new work);
 * - when a retry this worker recorded falls due (`retryAt`), and every pollIntervalMs (0: never),
 *   which also picks up work other instances staged and leases that expired;
 * - again as each slot frees up after a full batch (more is probably due).
 * A look under way absorbs further nudges into one more look right after it. `stop()` takes no
 * new claims and waits for the work in flight; `deliverDue()` does everything due now and waits
 * (tests, a CLI). Every hour, and once at start, `prune()` deletes what retention lets go.
 */
export abstract class LeasedWorker<Claim> {
  private running = false;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private polling: Promise<void> | null = null;
  private again = false;
  /** When retries this worker recorded fall due (ms, ascending): it wakes for them. */
  private readonly retryTimes: number[] = [];
  private readonly inFlight = new Set<Promise<boolean>>();
  private pruneTimer: NodeJS.Timeout | null = null;

  protected constructor(
    protected readonly logger: Logger,
    /** For log lines: "mail", "webhook". */
    private readonly label: string,
    readonly workerId: string,
    protected readonly clock: () => Date,
  ) {}

  protected abstract get loop(): LeasedWorkerSettings;
  /** Claims up to `limit` due items (leased to this worker). */
  protected abstract claim(limit: number): Promise<Claim[]>;
  /** One attempt at one claimed item, recorded; true when it succeeded and was recorded. */
  protected abstract work(claim: Claim): Promise<boolean>;
  /** Deletes what retention lets go; answers how many rows went. */
  protected abstract prune(): Promise<number>;
  /** Extra fields for the "started" log line. */
  protected startedFields(): Record<string, unknown> {
    return {};
  }
  /** After a stop, once nothing is in flight (close a transport, say). */
  protected afterStop(): void {}

  /** Whether the worker runs (started and not stopped). */
  protected get isRunning(): boolean {
    return this.running;
  }

  /** Items being worked on by this worker right now. */
  get activeCount(): number {
    return this.inFlight.size;
  }

  /**
   * Starts working: resolves once it has looked for due work (left from before a restart) and
   * started on what it found; the work goes on in the background.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.logger.info({ worker: this.workerId, ...this.startedFields() }, `${this.label} worker started`);
    await this.poll();
    const prune = () => {
      this.prune().catch((err: unknown) => this.logger.error({ error: messageOf(err), worker: this.workerId }, `${this.label} pruning failed`));
    };
    prune();
    this.pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
  }

  /** Looks for due work now (a transaction that staged some committed). Does nothing unless started. */
  nudge(): void {
    this.wakeIn(0);
  }

  /** A retry this worker recorded: it wakes for it (unless something else wakes it sooner). */
  protected retryAt(at: Date): void {
    if (!this.running) return;
    const ms = at.getTime();
    const i = this.retryTimes.findIndex((t) => t > ms);
    this.retryTimes.splice(i < 0 ? this.retryTimes.length : i, 0, ms);
    this.wakeIn(ms - this.clock().getTime());
  }

  /** Makes sure the worker looks within `delayMs` (an earlier wake-up already set stays). */
  private wakeIn(delayMs: number): void {
    if (!this.running || this.stopping) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        void this.poll();
      },
      Math.min(Math.max(0, delayMs), MAX_TIMEOUT_MS),
    );
    this.timer.unref();
  }

  /** One look (or, when a look is under way, one more right after it). */
  private poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = (async () => {
      try {
        do {
          this.again = false;
          const free = this.loop.concurrency - this.inFlight.size;
          if (free <= 0 || this.stopping) break;
          try {
            const claims = await this.claim(free);
            // A full batch suggests more is due: look again as each slot frees up.
            for (const claim of claims) {
              const done = this.track(this.work(claim));
              if (claims.length === free) void done.then(() => this.wakeIn(0));
            }
          } catch (err) {
            this.logger.error({ error: messageOf(err), worker: this.workerId }, `${this.label} worker poll failed`);
          }
        } while (this.again && this.running && !this.stopping);
      } finally {
        this.polling = null;
      }
      this.scheduleNext();
    })();
    return this.polling;
  }

  /** The next look: this worker's earliest pending retry, or the poll interval, whichever is sooner. */
  private scheduleNext(): void {
    const now = this.clock().getTime();
    while ((this.retryTimes[0] ?? Infinity) <= now) this.retryTimes.shift();
    const delay = Math.min(this.loop.pollIntervalMs > 0 ? this.loop.pollIntervalMs : Infinity, (this.retryTimes[0] ?? Infinity) - now);
    if (delay < Infinity) this.wakeIn(delay);
  }

  private track(work: Promise<boolean>): Promise<boolean> {
    const tracked = work.catch((err: unknown) => {
      this.logger.error({ error: messageOf(err), worker: this.workerId }, `${this.label} worker bookkeeping failed`);
      return false;
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return tracked;
  }

  /**
   * Works on everything due now (and anything whose lease expired), this worker alone, and waits
   * until each attempt is recorded. Returns how many succeeded. Works whether or not the worker
   * was started; tests call it instead of waiting for the worker.
   */
  async deliverDue(): Promise<number> {
    let succeeded = 0;
    for (;;) {
      const claims = await this.claim(this.loop.concurrency);
      if (!claims.length) return succeeded;
      const results = await Promise.all(claims.map((claim) => this.track(this.work(claim))));
      succeeded += results.filter(Boolean).length;
    }
  }

  /** Resolves when every attempt this worker started has been recorded. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Graceful stop: no new claims; waits for the work in flight (each attempt bounded by its own timeouts). */
  async stop(): Promise<void> {
    const wasRunning = this.running;
    this.stopping = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = null;
    this.retryTimes.length = 0;
    await this.polling;
    await this.idle();
    this.afterStop();
    if (wasRunning) this.logger.info({ worker: this.workerId }, `${this.label} worker stopped`);
  }
}
