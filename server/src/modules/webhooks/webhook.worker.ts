import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import { LeasedWorker, messageOf } from '../../common/leased-worker';
import type { Logger } from '../../common/logger';
import { recordAudit } from '../audit/audit.service';
import { type WebhookAttemptRecord, WebhookDelivery, WebhookDeliveryStatus, WebhookDeliveryTrigger, WebhookEndpoint, WebhookEvent } from './webhook.entity';
import { disableEndpoint, mailEndpointDisabled } from './webhook.lifecycle';
import { signingSecrets } from './webhook.secrets';
import { type AttemptResult, postWebhook, signedHeaders } from './webhook.sender';

/** The webhook-id of an event: the same on every attempt and every redelivery. */
export function webhookIdOf(eventId: string): string {
  return `evt_${eventId}`;
}

/** One delivery this worker holds: the lease token every write about it is checked against. */
export interface WebhookClaim {
  id: string;
  tenantId: string;
  endpointId: string;
  url: string;
  /** Null when the endpoint's secret cannot be opened (JWT_SECRET changed since). */
  secrets: string[] | null;
  webhookId: string;
  body: string;
  attempt: number;
  lockedBy: string;
}

export interface WebhookWorkerOptions {
  /** The time source for due times, leases and backoff, for tests that move time; defaults to the wall clock. */
  clock?: () => Date;
  workerId?: string;
  /** Sends one attempt; defaults to postWebhook (tests wrap it to simulate a crash after sending). */
  send?: (claim: WebhookClaim, body: string, headers: Record<string, string>) => Promise<AttemptResult>;
}

/** A delivery of a subscribed event (not a test event or a redelivery someone asked for). */
function isEventDelivery(row: WebhookDelivery): boolean {
  const trigger: string = row.trigger;
  return trigger === String(WebhookDeliveryTrigger.EVENT);
}

/**
 * The webhook delivery worker, in the mail worker's pattern (modules/mail/mail.worker.ts): it
 * claims due deliveries with FOR UPDATE SKIP LOCKED under a lease (lockedBy, leaseUntil), sends
 * each with its Standard Webhooks signature, and records the attempt in a transaction that only
 * applies while the lease is still its own. A failed attempt is retried along the configured
 * schedule (about a day), then the delivery is FAILED. A delivery whose lease expired (its
 * worker died between sending and recording) is claimed and sent again with the same webhook-id:
 * at least once, recorded once, and receivers deduplicate on webhook-id.
 *
 * Every attempt also updates its endpoint's failure counters; an endpoint whose attempts have all
 * failed for disableAfterMs (and at least disableMinFailures times) is disabled, audited, and the
 * tenant's members who manage webhooks are mailed.
 *
 * When it looks (started, nudged by onWebhookCommitted, a retry of its own due, every
 * pollIntervalMs) is LeasedWorker's; `deliverDue()` sends everything due now and waits (tests, a CLI).
 */
export class WebhookWorker extends LeasedWorker<WebhookClaim> {
  private readonly send: NonNullable<WebhookWorkerOptions['send']>;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    logger: Logger,
    opts: WebhookWorkerOptions = {},
  ) {
    super(logger, 'webhook', opts.workerId ?? `webhooks-${randomUUID().slice(0, 8)}`, opts.clock ?? (() => new Date()));
    this.send = opts.send ?? ((_claim, body, headers) => postWebhook(_claim.url, body, headers, { timeoutMs: this.settings.timeoutMs, policy: this.config }));
  }

  private get settings() {
    return this.config.webhooks;
  }

  protected get loop() {
    return this.settings;
  }

  protected prune(): Promise<number> {
    return this.pruneOld();
  }

  protected work(claim: WebhookClaim): Promise<boolean> {
    return this.deliver(claim);
  }

  /** Attempts a delivery gets: the first and one per entry of the retry schedule. */
  get maxAttempts(): number {
    return this.settings.retryScheduleMs.length + 1;
  }

  /**
   * Deletes events older than retentionDays with their delivery log (deliveries cascade), except
   * events with a delivery still under way. Answers how many events went.
   */
  async pruneOld(now: Date = this.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.retentionDays * 86_400_000);
    // Platform housekeeping across tenants: the tenant filter is off on purpose.
    const em = this.orm.em.fork();
    const open = [WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING, WebhookDeliveryStatus.RETRYING];
    const busy = await em.find(WebhookDelivery, { status: { $in: open }, event: { createdAt: { $lt: cutoff } } }, { fields: ['event'], filters: false });
    const keep = [...new Set(busy.map((d) => d.event.id))];
    return em.nativeDelete(WebhookEvent, { createdAt: { $lt: cutoff }, ...(keep.length ? { id: { $nin: keep } } : {}) }, { filters: false });
  }

  /**
   * Claims up to `limit` due deliveries, oldest due first: PENDING and RETRYING ones whose time
   * has come, and SENDING ones whose lease expired. Rows another worker holds are skipped. An
   * event delivery of a disabled endpoint fails instead; a reclaimed one with no attempts left
   * fails too (it may have gone out: its worker died).
   */
  async claim(limit: number): Promise<WebhookClaim[]> {
    const now = this.clock();
    return this.orm.em.fork().transactional(async (em) => {
      const rows = await em.find(
        WebhookDelivery,
        {
          $or: [
            { status: { $in: [WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.RETRYING] }, nextAttemptAt: { $lte: now } },
            { status: WebhookDeliveryStatus.SENDING, leaseUntil: { $lt: now } },
          ],
        },
        { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { nextAttemptAt: 'ASC', id: 'ASC' }, limit },
      );
      if (!rows.length) return [];
      const endpoints = new Map(
        (await em.find(WebhookEndpoint, { id: { $in: [...new Set(rows.map((r) => r.endpoint.id))] } }, { filters: false })).map((e) => [e.id, e]),
      );
      const events = new Map((await em.find(WebhookEvent, { id: { $in: [...new Set(rows.map((r) => r.event.id))] } }, { filters: false })).map((e) => [e.id, e]));
      const claims: WebhookClaim[] = [];
      for (const row of rows) {
        const endpoint = endpoints.get(row.endpoint.id);
        const event = events.get(row.event.id);
        if (row.leaseUntil) {
          this.logger.warn({ deliveryId: row.id, attempts: row.attemptCount, worker: this.workerId }, 'reclaimed a webhook delivery whose lease expired; it may be sent twice');
        }
        row.leaseUntil = null;
        row.lockedBy = null;
        if (!endpoint || !event) continue;
        if (!endpoint.enabled && isEventDelivery(row)) {
          this.finalFailure(row, 'The endpoint was disabled before this delivery went out.');
          continue;
        }
        if (row.attemptCount >= this.maxAttempts) {
          this.finalFailure(row, 'The worker stopped responding during the last attempt; the endpoint may have received it.');
          continue;
        }
        row.attemptCount += 1;
        row.status = WebhookDeliveryStatus.SENDING;
        row.lockedBy = randomUUID();
        row.leaseUntil = new Date(now.getTime() + this.settings.leaseMs);
        row.updatedAt = now;
        claims.push({
          id: row.id,
          tenantId: row.tenant.id,
          endpointId: endpoint.id,
          url: endpoint.url,
          secrets: signingSecrets(this.config, endpoint, now),
          webhookId: webhookIdOf(event.id),
          body: JSON.stringify(event.payload),
          attempt: row.attemptCount,
          lockedBy: row.lockedBy,
        });
      }
      return claims;
    });
  }

  private finalFailure(row: WebhookDelivery, error: string): void {
    row.status = WebhookDeliveryStatus.FAILED;
    row.error = error;
    row.nextAttemptAt = null;
  }

  /** One attempt: send, then record it. True when it succeeded and was recorded. */
  private async deliver(claim: WebhookClaim): Promise<boolean> {
    let result: AttemptResult;
    if (!claim.secrets) {
      result = { status: null, durationMs: 0, excerpt: null, error: "The endpoint's signing secret can no longer be read (the server key changed); rotate the secret.", succeeded: false };
    } else {
      // The signature's timestamp is when the request really goes out (receivers check it
      // against their own clock), whatever clock schedules the attempts.
      const headers = signedHeaders(claim.webhookId, claim.body, claim.secrets, new Date());
      try {
        result = await this.send(claim, claim.body, headers);
      } catch (err) {
        result = { status: null, durationMs: 0, excerpt: null, error: messageOf(err).slice(0, 500), succeeded: false };
      }
    }
    // A failure from here on leaves the row SENDING: its lease expires and it is sent again.
    const recorded = await this.record(claim, result);
    if (!recorded) this.logger.warn({ deliveryId: claim.id, worker: this.workerId }, 'webhook attempt finished after its lease was lost; not recorded');
    return recorded && result.succeeded;
  }

  /** Records one attempt, only while the lease is still this claim's; false when it was lost. */
  private async record(claim: WebhookClaim, result: AttemptResult): Promise<boolean> {
    const now = this.clock();
    let retryAt: Date | null = null;
    const recorded = await this.orm.em.fork().transactional(async (em) => {
      const delivery = await em.findOne(
        WebhookDelivery,
        { id: claim.id, status: WebhookDeliveryStatus.SENDING, lockedBy: claim.lockedBy },
        { filters: false, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!delivery) return false;
      const endpoint = await em.findOne(WebhookEndpoint, { id: claim.endpointId }, { filters: false, lockMode: LockMode.PESSIMISTIC_WRITE });
      const entry: WebhookAttemptRecord = {
        attempt: claim.attempt,
        at: now.toISOString(),
        responseStatus: result.status,
        durationMs: result.durationMs,
        responseExcerpt: result.excerpt,
        error: result.error,
        succeeded: result.succeeded,
      };
      delivery.attemptLog = [...delivery.attemptLog, entry];
      delivery.responseStatus = result.status;
      delivery.durationMs = result.durationMs;
      delivery.responseExcerpt = result.excerpt;
      delivery.error = result.error;
      delivery.leaseUntil = null;
      delivery.lockedBy = null;
      delivery.updatedAt = now;
      if (result.succeeded) {
        delivery.status = WebhookDeliveryStatus.SUCCEEDED;
        delivery.deliveredAt = now;
        delivery.nextAttemptAt = null;
        if (endpoint) {
          endpoint.consecutiveFailures = 0;
          endpoint.failingSince = null;
          endpoint.lastSuccessAt = now;
        }
        return true;
      }
      const last = claim.attempt >= this.maxAttempts;
      if (last) {
        delivery.status = WebhookDeliveryStatus.FAILED;
        delivery.nextAttemptAt = null;
      } else {
        retryAt = new Date(now.getTime() + (this.settings.retryScheduleMs[claim.attempt - 1] ?? 0));
        delivery.status = WebhookDeliveryStatus.RETRYING;
        delivery.nextAttemptAt = retryAt;
      }
      if (endpoint && (await this.countFailure(em, endpoint, result, now)) && isEventDelivery(delivery) && !last) {
        // Its endpoint is now off: no further attempts (redeliverWebhook can send it later).
        this.finalFailure(delivery, delivery.error ?? 'The endpoint was disabled.');
        retryAt = null;
      } else if (endpoint && !endpoint.enabled && !last) {
        // A test event or a redelivery to a disabled endpoint is tried once: the person who asked
        // sees the answer in the log; nobody wants it retried for a day behind their back.
        this.finalFailure(delivery, `${delivery.error ?? 'The attempt failed.'} The endpoint is disabled, so this is not retried.`);
        retryAt = null;
      }
      return true;
    });
    this.logger.info(
      { deliveryId: claim.id, attempt: claim.attempt, status: result.status, ms: result.durationMs, succeeded: result.succeeded, worker: this.workerId },
      result.succeeded ? 'webhook delivered' : 'webhook attempt failed',
    );
    if (recorded && retryAt) this.retryAt(retryAt);
    return recorded;
  }

  /** A failed attempt on `endpoint`: counters, and the disabling rule. */
  /** True when it disabled the endpoint. */
  private async countFailure(em: EntityManager, endpoint: WebhookEndpoint, result: AttemptResult, now: Date): Promise<boolean> {
    endpoint.consecutiveFailures += 1;
    endpoint.failingSince ??= now;
    endpoint.lastFailureAt = now;
    const failingFor = now.getTime() - endpoint.failingSince.getTime();
    if (!endpoint.enabled || failingFor < this.settings.disableAfterMs || endpoint.consecutiveFailures < this.settings.disableMinFailures) return false;
    const hours = Math.round(failingFor / 3_600_000);
    const reason = `Every delivery attempt failed for ${hours} hour${hours === 1 ? '' : 's'} (${endpoint.consecutiveFailures} attempts; last: ${result.error ?? 'no answer'})`.slice(0, 480);
    const failed = await disableEndpoint(em, endpoint, reason, now);
    recordAudit({ principal: { kind: 'anonymous' }, tenantId: endpoint.tenant.id, correlationId: `webhooks-${randomUUID()}`, ip: null }, em, {
      action: 'webhook.endpoint.disabled',
      tenantId: endpoint.tenant.id,
      actorId: null,
      target: { type: 'WebhookEndpoint', id: endpoint.id },
      diff: { before: { enabled: true }, after: { enabled: false, reason }, by: 'system', pendingDeliveriesFailed: failed },
    });
    const mailed = await mailEndpointDisabled(em, this.config, endpoint, reason, now);
    this.logger.warn({ endpointId: endpoint.id, tenantId: endpoint.tenant.id, mailed, worker: this.workerId }, 'webhook endpoint disabled after repeated failures');
    return true;
  }
}
