import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ExecutorConfig } from '../../config';
import type { Logger } from '../../common/logger';
import { TENANT_FILTER } from '../../database/tenant-filter';
import { jsonSize, isJsonObject, MAX_INPUT_BYTES } from '../tools/tool.json-schema';
import { RunStatus } from './run.entity';
import { RunError, type ToolRegistry } from './run.handler';
import { backoffMs, type Claim, RunLeases } from './run.leases';
import { transitionRun } from './run.transitions';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { notifyRunFailedOf } from './run.notify';
import { runData } from '../webhooks/webhook.events';

interface InFlight {
  claim: Claim;
  controller: AbortController;
  done: Promise<void>;
}

type AbortReason = 'CANCELLED_OR_LOST' | 'TIMEOUT' | 'SHUTDOWN';

class Aborted extends Error {
  constructor(readonly reason: AbortReason) {
    super(reason);
  }
}

const MAX_OUTPUT_BYTES = 4 * MAX_INPUT_BYTES;

export interface ExecutorOptions {
  /** The time source, for tests that move time; defaults to the wall clock. */
  clock?: () => Date;
  /** Names this worker in events and logs. */
  workerId?: string;
}

export { backoffMs };

/**
 * The run executor: a polling worker that claims queued runs with FOR UPDATE SKIP LOCKED (so
 * several workers, in one process or many, never claim the same run), leases each to itself
 * (lockedUntil, extended by heartbeats), runs the tool's handler in the run's tenant, and
 * records the outcome. Every write it makes about a run checks its lease token, so a worker that
 * lost its lease (the run was cancelled, or reclaimed after the lease expired) can never
 * overwrite the run. Failed attempts retry with exponential backoff up to maxAttempts; runs
 * whose lease expired (a worker died mid-run) are requeued, or failed when out of attempts.
 * A system job: its queries name no tenant, but every write keeps the run's own tenant.
 */
export class RunExecutor {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly clock: () => Date;
  readonly workerId: string;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private running = false;
  private stopping = false;
  private readonly leases: RunLeases;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: ExecutorConfig,
    private readonly logger: Logger,
    private readonly registry: ToolRegistry,
    opts: ExecutorOptions = {},
  ) {
    this.clock = opts.clock ?? (() => new Date());
    this.workerId = opts.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.leases = new RunLeases(orm, config, logger, this.clock, this.workerId);
  }

  /** Starts polling. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.schedule(0);
    this.logger.info({ worker: this.workerId, concurrency: this.config.concurrency }, 'run executor started');
  }

  /** Runs currently executing in this worker. */
  get activeCount(): number {
    return this.inFlight.size;
  }

  private schedule(delayMs: number): void {
    if (!this.running || this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pollLoop();
    }, delayMs);
  }

  private async pollLoop(): Promise<void> {
    if (this.polling) return;
    this.polling = (async () => {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (err) {
        this.logger.error({ err, worker: this.workerId }, 'executor poll failed');
      } finally {
        this.polling = null;
      }
      // A full batch suggests more work is waiting: look again at once.
      const free = this.config.concurrency - this.inFlight.size;
      this.schedule(claimed > 0 && free > 0 ? 0 : this.config.pollIntervalMs);
    })();
    await this.polling;
  }

  /**
   * One poll: reclaim expired leases, then claim as many due runs as there are free slots and
   * start them. Returns how many it claimed. Tests call it directly instead of start().
   */
  async tick(): Promise<number> {
    if (this.stopping) return 0;
    await this.leases.reclaimExpired();
    const free = this.config.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const claims = await this.leases.claim(free);
    for (const claim of claims) this.dispatch(claim);
    return claims.length;
  }

  /** Resolves when every run this worker started has settled. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }


  private dispatch(claim: Claim): void {
    const controller = new AbortController();
    const entry: InFlight = { claim, controller, done: Promise.resolve() };
    entry.done = this.execute(claim, controller)
      .catch((err: unknown) => this.logger.error({ err, runId: claim.runId, correlationId: claim.correlationId }, 'executor bookkeeping failed'))
      .finally(() => {
        this.inFlight.delete(claim.runId);
        // A slot is free: look for more work now rather than at the next interval.
        if (this.running && !this.stopping) this.schedule(0);
      });
    this.inFlight.set(claim.runId, entry);
  }

  private async execute(claim: Claim, controller: AbortController): Promise<void> {
    const log = this.logger.child({ runId: claim.runId, correlationId: claim.correlationId, tool: claim.toolKey, attempt: claim.attempt });
    const abort = (reason: AbortReason) => {
      if (!controller.signal.aborted) controller.abort(new Aborted(reason));
    };
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason instanceof Aborted ? controller.signal.reason : new Aborted('SHUTDOWN')), { once: true });
    });
    // Nobody awaits `aborted` when the handler wins the race; keep its rejection from going unhandled.
    aborted.catch(() => undefined);
    const timeout = setTimeout(() => abort('TIMEOUT'), this.config.runTimeoutMs);
    const heartbeat = setInterval(() => {
      void this.leases.heartbeat(claim).then(
        (held) => {
          if (!held) abort('CANCELLED_OR_LOST');
        },
        (err: unknown) => log.warn({ err }, 'heartbeat failed'),
      );
    }, Math.max(50, Math.floor(this.config.leaseMs / 3)));

    try {
      const handler = this.registry.get(claim.toolKey);
      if (!handler) throw new RunError(`This server has no handler for the tool "${claim.toolKey}".`);
      const em = this.orm.em.fork();
      em.setFilterParams(TENANT_FILTER, { tenantId: claim.tenantId });
      const output = await Promise.race([
        handler({
          em,
          tenantId: claim.tenantId,
          runId: claim.runId,
          toolKey: claim.toolKey,
          input: claim.input,
          correlationId: claim.correlationId,
          attempt: claim.attempt,
          signal: controller.signal,
          logger: log,
        }),
        aborted,
      ]);
      if (!isJsonObject(output)) throw new RunError('The tool returned no result object.');
      if (jsonSize(output) > MAX_OUTPUT_BYTES) throw new RunError('The tool returned a result too large to keep.');
      const recorded = await this.leases.finish(claim, async (em, run) => {
        const now = this.clock();
        run.output = output;
        run.error = undefined;
        transitionRun(em, run, RunStatus.SUCCEEDED, { source: 'executor', now, payload: { worker: this.workerId } });
        await emitWebhookEvent(em, run.tenant.id, 'run.succeeded', runData(run), now);
      });
      if (!recorded) log.warn('run finished after its lease was lost (cancelled or reclaimed); result discarded');
    } catch (err) {
      // Once the attempt was aborted, the abort's reason decides, whatever the handler threw.
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : err;
      await this.onFailure(claim, reason, log);
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
    }
  }

  private async onFailure(claim: Claim, err: unknown, log: Logger): Promise<void> {
    if (err instanceof Aborted && err.reason === 'CANCELLED_OR_LOST') {
      log.info('run stopped: it was cancelled or its lease was taken over');
      return;
    }
    if (err instanceof Aborted && err.reason === 'SHUTDOWN') {
      await this.release(claim);
      return;
    }
    const retryable = err instanceof RunError ? err.retryable : true;
    const message =
      err instanceof RunError
        ? err.message
        : err instanceof Aborted
          ? `The attempt took longer than ${Math.round(this.config.runTimeoutMs / 1000)} s and was stopped.`
          : `The tool failed unexpectedly (reference ${claim.correlationId}).`;
    if (!(err instanceof RunError)) log.error({ err }, 'tool handler failed');
    const recorded = await this.leases.finish(claim, async (em, run) => {
      const now = this.clock();
      run.error = message;
      if (retryable && run.attempts < run.maxAttempts) {
        run.nextAttemptAt = new Date(now.getTime() + backoffMs(this.config, run.attempts));
        transitionRun(em, run, RunStatus.QUEUED, {
          source: 'executor',
          now,
          payload: { reason: 'ATTEMPT_FAILED', error: message, nextAttemptAt: run.nextAttemptAt.toISOString(), worker: this.workerId },
        });
      } else {
        transitionRun(em, run, RunStatus.FAILED, { source: 'executor', now, payload: { error: message, retryable, worker: this.workerId } });
        await emitWebhookEvent(em, run.tenant.id, 'run.failed', runData(run), now);
        await notifyRunFailedOf(em, run);
      }
    });
    if (!recorded) log.warn('attempt failed after its lease was lost; nothing recorded');
  }


  /** Shutdown: gives the attempt back (not counted against the run) so another worker picks it up at once. */
  private async release(claim: Claim): Promise<void> {
    const released = await this.leases.finish(claim, (em, run) => {
      const now = this.clock();
      run.attempts = Math.max(0, run.attempts - 1);
      run.nextAttemptAt = now;
      transitionRun(em, run, RunStatus.QUEUED, { source: 'executor', now, payload: { reason: 'SHUTDOWN', worker: this.workerId } });
    });
    if (released) this.logger.info({ runId: claim.runId, correlationId: claim.correlationId }, 'run released for another worker (shutdown)');
  }

  /**
   * Graceful stop: no new claims; runs in flight get `shutdownGraceMs` to finish, then are
   * aborted and released back to the queue. Resolves when none is left.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    if (this.inFlight.size) {
      const settled = this.idle();
      const graceOver = new Promise<'grace'>((resolve) => setTimeout(() => resolve('grace'), this.config.shutdownGraceMs).unref());
      if ((await Promise.race([settled.then(() => 'done' as const), graceOver])) === 'grace') {
        this.logger.warn({ worker: this.workerId, runs: this.inFlight.size }, 'aborting runs still in flight at shutdown');
        for (const f of this.inFlight.values()) f.controller.abort(new Aborted('SHUTDOWN'));
        await settled;
      }
    }
    this.logger.info({ worker: this.workerId }, 'run executor stopped');
  }
}
