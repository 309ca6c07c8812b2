import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ExecutorConfig } from '../../config';
import type { Logger } from '../../common/logger';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { Tool } from '../tools/tool.entity';
import { AutomationRun, RunStatus } from './run.entity';
import { transitionRun } from './run.transitions';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { notifyRunFailedOf } from './run.notify';
import { runData } from '../webhooks/webhook.events';

/** One attempt this worker holds: the lease token every write of it is checked against. */
export interface Claim {
  runId: string;
  tenantId: string;
  toolKey: string;
  input: Record<string, unknown>;
  correlationId: string;
  attempt: number;
  leaseOwner: string;
}

/** How many expired leases one poll reclaims; the rest wait for the next poll. */
const RECLAIM_BATCH = 100;

/** Exponential backoff before attempt `attempt + 1`: base * 2^(attempt - 1), capped. */
export function backoffMs(config: Pick<ExecutorConfig, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number): number {
  return Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * The executor's hold on runs in the database: claiming due runs with FOR UPDATE SKIP LOCKED
 * under a fresh lease token, extending the lease, reclaiming expired leases, and applying a
 * change only while the lease is still this claim's. A system job: claiming and reclaiming span
 * every tenant on purpose (ORM finds with the filter off); the raw heartbeat names the claim's
 * tenant, and every write keeps the run's own tenant.
 */
export class RunLeases {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: ExecutorConfig,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    private readonly workerId: string,
  ) {}

  /**
   * Runs whose lease expired: their worker died or hung. Requeued with backoff when attempts
   * remain, failed otherwise. SKIP LOCKED, so a run being finished right now is left alone.
   */
  async reclaimExpired(): Promise<void> {
    const now = this.clock();
    await this.orm.em.fork().transactional(async (em) => {
      const expired = await em.find(
        AutomationRun,
        { status: RunStatus.RUNNING, lockedUntil: { $lt: now } },
        { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { lockedUntil: 'ASC', id: 'ASC' }, limit: RECLAIM_BATCH },
      );
      for (const run of expired) {
        const message = 'The worker running this attempt stopped responding.';
        if (run.attempts >= run.maxAttempts) {
          run.error = `${message} No attempts are left.`;
          transitionRun(em, run, RunStatus.FAILED, { source: 'executor', now, payload: { reason: 'LEASE_EXPIRED', worker: this.workerId } });
          await emitWebhookEvent(em, run.tenant.id, 'run.failed', runData(run), now);
          await notifyRunFailedOf(em, run);
        } else {
          run.error = message;
          run.nextAttemptAt = new Date(now.getTime() + backoffMs(this.config, run.attempts));
          transitionRun(em, run, RunStatus.QUEUED, {
            source: 'executor',
            now,
            payload: { reason: 'LEASE_EXPIRED', nextAttemptAt: run.nextAttemptAt.toISOString(), worker: this.workerId },
          });
        }
        this.logger.warn({ runId: run.id, correlationId: run.correlationId, attempts: run.attempts }, 'reclaimed a run whose lease expired');
      }
    });
  }

  /** Claims up to `limit` due runs, oldest due first; rows other workers hold are skipped, not waited for. */
  async claim(limit: number): Promise<Claim[]> {
    const now = this.clock();
    return this.orm.em.fork().transactional(async (em) => {
      const runs = await em.find(
        AutomationRun,
        { status: RunStatus.QUEUED, nextAttemptAt: { $lte: now } },
        { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { nextAttemptAt: 'ASC', id: 'ASC' }, limit },
      );
      if (!runs.length) return [];
      const tools = await em.find(Tool, { id: { $in: runs.map((r) => r.tool.id) } });
      const keyOf = new Map(tools.map((t) => [t.id, t.key]));
      return runs.map((run) => {
        run.attempts += 1;
        run.leaseOwner = randomUUID();
        run.lockedUntil = new Date(now.getTime() + this.config.leaseMs);
        run.heartbeatAt = now;
        run.nextAttemptAt = undefined;
        transitionRun(em, run, RunStatus.RUNNING, { source: 'executor', now, payload: { worker: this.workerId } });
        return {
          runId: run.id,
          tenantId: run.tenant.id,
          toolKey: keyOf.get(run.tool.id) ?? '',
          input: run.input,
          correlationId: run.correlationId,
          attempt: run.attempts,
          leaseOwner: run.leaseOwner,
        };
      });
    });
  }

  /**
   * Applies `change` to the run only if this worker still holds it (RUNNING under this claim's
   * lease token), locking the row first; false when the lease was lost.
   */
  async finish(claim: Claim, change: (em: EntityManager, run: AutomationRun) => void | Promise<void>): Promise<boolean> {
    return this.orm.em.fork().transactional(async (em) => {
      const run = await em.findOne(
        AutomationRun,
        { id: claim.runId, status: RunStatus.RUNNING, leaseOwner: claim.leaseOwner },
        { filters: false, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!run) return false;
      await change(em, run);
      return true;
    });
  }

  /** Extends the lease; false when the run is no longer this claim's (cancelled, or reclaimed). */
  async heartbeat(claim: Claim): Promise<boolean> {
    const now = this.clock();
    // The claim's own run, in the claim's own tenant.
    const rows = await tenantQuery<{ id: string }>(
      this.orm.em.fork(),
      tenantReach(claim.tenantId),
      (reach) => sql`update automation_runs set locked_until = ${new Date(now.getTime() + this.config.leaseMs)}, heartbeat_at = ${now}
          where id = ${claim.runId} and ${tenantIs(reach)} and status = 'RUNNING' and lease_owner = ${claim.leaseOwner} returning id`,
    );
    return rows.length > 0;
  }
}
