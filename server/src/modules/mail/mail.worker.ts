import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { MailConfig } from '../../config';
import type { Logger } from '../../common/logger';
import { MailStatus, OutboxMail } from './mail.entity';
import { createMailTransport, describeSendError, isPermanentFailure, type MailTransport } from './mail.transport';

/** How often a running worker deletes old sent mail. */
const PRUNE_INTERVAL_MS = 3_600_000;

/** One mail this worker holds: the lease token every write about it is checked against. */
interface MailClaim {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempt: number;
  lockedBy: string;
}

export interface MailWorkerOptions {
  /** The time source, for tests that move time; defaults to the wall clock. */
  clock?: () => Date;
  /** Names this worker in logs. */
  workerId?: string;
  /** Where mail goes; defaults to what config.smtpUrl asks for (createMailTransport). */
  transport?: MailTransport;
}

/** Exponential backoff before attempt `attempt + 1`: base * 2^(attempt - 1), capped. */
export function mailBackoffMs(config: Pick<MailConfig, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number): number {
  return Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}

/** What went wrong, for the log: the message only (no stack, no mail body). */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The Message-ID of a mail: its outbox id at the sender's domain, so every attempt sends the same one. */
function messageIdOf(id: string, from: string): string {
  const domain = /@([^\s>]+)/.exec(from)?.[1] ?? 'atrium.invalid';
  return `<${id}@${domain}>`;
}

/**
 * The mail outbox worker, in the run executor's pattern (modules/runs/run.executor.ts): it claims
 * due mails with FOR UPDATE SKIP LOCKED (so several workers, in one process or many, never claim
 * the same one), leases each to itself under a fresh token (lockedBy, leaseUntil), sends it, and
 * marks it SENT in a separate statement that only applies while the lease is still its own. A
 * failed attempt goes back to PENDING with exponential backoff, or to FAILED when no attempts are
 * left or the server refused the mail for good. A mail whose lease expired (its worker died
 * between sending and marking) is claimed again and sent again: delivery is at least once, and
 * marking is once, because a SENT row is never claimed.
 *
 * It looks for due mail when started, when nudged (this process committed mail: onMailCommitted),
 * when a retry of its own falls due, and every pollIntervalMs (0: never) for mail it was not told
 * about. `deliverDue()` sends everything due now and waits for it (tests, a CLI).
 */
export class MailWorker {
  private readonly clock: () => Date;
  readonly workerId: string;
  private transport: MailTransport | null;
  private readonly ownTransport: boolean;
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

  constructor(
    private readonly orm: MikroORM,
    private readonly config: MailConfig,
    private readonly logger: Logger,
    opts: MailWorkerOptions = {},
  ) {
    this.clock = opts.clock ?? (() => new Date());
    this.workerId = opts.workerId ?? `mail-${randomUUID().slice(0, 8)}`;
    this.transport = opts.transport ?? null;
    this.ownTransport = !opts.transport;
  }

  /** Where this worker sends: 'smtp' or 'local'. */
  get transportKind(): MailTransport['kind'] {
    return this.transportOf().kind;
  }

  /** Mails being sent by this worker right now. */
  get activeCount(): number {
    return this.inFlight.size;
  }

  /**
   * Starts working: resolves once it has looked for due mail (left from before a restart) and
   * started sending what it found; the sending goes on in the background.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.logger.info({ worker: this.workerId, transport: this.transportKind }, 'mail worker started');
    await this.poll();
    const prune = () => {
      this.pruneSent().catch((err: unknown) => this.logger.error({ error: messageOf(err), worker: this.workerId }, 'mail outbox pruning failed'));
    };
    prune();
    this.pruneTimer = setInterval(prune, PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
  }

  /**
   * Deletes mail that was sent, or given up on, more than retentionDays ago, so the outbox does
   * not grow for ever (a failed or locally kept mail still holds its links). Answers how many rows went.
   */
  async pruneSent(now: Date = this.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * 86_400_000);
    // Platform housekeeping across tenants: the tenant filter is off on purpose.
    return this.orm.em.fork().nativeDelete(
      OutboxMail,
      { $or: [{ status: MailStatus.SENT, sentAt: { $lt: cutoff } }, { status: MailStatus.FAILED, updatedAt: { $lt: cutoff } }] },
      { filters: false },
    );
  }

  /** Looks for due mail now (a transaction that enqueued mail committed). Does nothing unless started. */
  nudge(): void {
    this.wakeIn(0);
  }

  private transportOf(): MailTransport {
    this.transport ??= createMailTransport(this.config);
    return this.transport;
  }

  /** Makes sure the worker looks within `delayMs` (an earlier wake-up already set stays). */
  private wakeIn(delayMs: number): void {
    if (!this.running || this.stopping) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      void this.poll();
    }, Math.max(0, delayMs));
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
          const free = this.config.concurrency - this.inFlight.size;
          if (free <= 0 || this.stopping) break;
          try {
            const claims = await this.claim(free);
            // A full batch suggests more is due: look again as each slot frees up.
            for (const claim of claims) this.dispatch(claim, claims.length === free);
          } catch (err) {
            this.logger.error({ error: messageOf(err), worker: this.workerId }, 'mail worker poll failed');
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
    const delay = Math.min(this.config.pollIntervalMs > 0 ? this.config.pollIntervalMs : Infinity, (this.retryTimes[0] ?? Infinity) - now);
    if (delay < Infinity) this.wakeIn(delay);
  }

  private dispatch(claim: MailClaim, more: boolean): void {
    const done = this.track(this.deliver(claim));
    if (more) void done.then(() => this.wakeIn(0));
  }

  private track(work: Promise<boolean>): Promise<boolean> {
    const tracked = work.catch((err: unknown) => {
      this.logger.error({ error: messageOf(err), worker: this.workerId }, 'mail worker bookkeeping failed');
      return false;
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return tracked;
  }

  /**
   * Sends every mail that is due now (and any whose lease expired), this worker alone, and waits
   * until each attempt is recorded. Returns how many it sent. Works whether or not the worker was
   * started; tests call it instead of waiting for the worker.
   */
  async deliverDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claims = await this.claim(this.config.concurrency);
      if (!claims.length) return sent;
      const results = await Promise.all(claims.map((claim) => this.track(this.deliver(claim))));
      sent += results.filter(Boolean).length;
    }
  }

  /**
   * Claims up to `limit` due mails, oldest due first: PENDING ones whose time has come, and
   * SENDING ones whose lease expired. Rows another worker holds are skipped, not waited for. A
   * reclaimed mail with no attempts left becomes FAILED (it may have gone out: its worker died).
   */
  private async claim(limit: number): Promise<MailClaim[]> {
    const now = this.clock();
    return this.orm.em.fork().transactional(async (em) => {
      const rows = await em.find(
        OutboxMail,
        { $or: [{ status: MailStatus.PENDING, nextAttemptAt: { $lte: now } }, { status: MailStatus.SENDING, leaseUntil: { $lt: now } }] },
        { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { nextAttemptAt: 'ASC', id: 'ASC' }, limit },
      );
      const claims: MailClaim[] = [];
      for (const row of rows) {
        // Only a SENDING row carries a lease (PENDING ones have it cleared): this one's expired.
        if (row.leaseUntil) {
          this.logger.warn({ mailId: row.id, attempts: row.attempts, worker: this.workerId }, 'reclaimed a mail whose lease expired; it may be sent twice');
        }
        row.leaseUntil = undefined;
        row.lockedBy = undefined;
        if (row.attempts >= this.config.maxAttempts) {
          row.status = MailStatus.FAILED;
          row.lastError = 'The worker stopped responding during the last attempt; the mail may have been sent.';
          continue;
        }
        row.attempts += 1;
        row.status = MailStatus.SENDING;
        row.lockedBy = randomUUID();
        row.leaseUntil = new Date(now.getTime() + this.config.leaseMs);
        claims.push({ id: row.id, to: row.to, subject: row.subject, text: row.text, html: row.html, attempt: row.attempts, lockedBy: row.lockedBy });
      }
      return claims;
    });
  }

  /** One attempt: send, then record the outcome. True when this attempt sent the mail and marked it. */
  private async deliver(claim: MailClaim): Promise<boolean> {
    const transport = this.transportOf();
    let messageId: string;
    try {
      ({ messageId } = await transport.send({
        to: claim.to,
        subject: claim.subject,
        text: claim.text,
        html: claim.html,
        messageId: messageIdOf(claim.id, this.config.from),
      }));
    } catch (err) {
      await this.fail(claim, err);
      return false;
    }
    // A failure from here on leaves the row SENDING: its lease expires and it is sent again.
    const now = this.clock();
    const marked = await this.orm.em.fork().nativeUpdate(
      OutboxMail,
      { id: claim.id, status: MailStatus.SENDING, lockedBy: claim.lockedBy },
      {
        status: MailStatus.SENT,
        sentAt: now,
        updatedAt: now,
        transport: transport.kind,
        messageId,
        lastError: null,
        leaseUntil: null,
        lockedBy: null,
        // The body holds one-time links; once the SMTP server has it, the outbox need not.
        ...(transport.kind === 'smtp' ? { text: '', html: '' } : {}),
      },
      { filters: false },
    );
    if (!marked) this.logger.warn({ mailId: claim.id, worker: this.workerId }, 'mail sent after its lease was lost; another worker had claimed it');
    return marked > 0;
  }

  private async fail(claim: MailClaim, err: unknown): Promise<void> {
    const now = this.clock();
    const error = describeSendError(err);
    const permanent = isPermanentFailure(err);
    const last = permanent || claim.attempt >= this.config.maxAttempts;
    const nextAttemptAt = new Date(now.getTime() + mailBackoffMs(this.config, claim.attempt));
    const recorded = await this.orm.em.fork().nativeUpdate(
      OutboxMail,
      { id: claim.id, status: MailStatus.SENDING, lockedBy: claim.lockedBy },
      {
        ...(last ? { status: MailStatus.FAILED } : { status: MailStatus.PENDING, nextAttemptAt }),
        lastError: error,
        updatedAt: now,
        transport: this.transportOf().kind,
        leaseUntil: null,
        lockedBy: null,
      },
      { filters: false },
    );
    this.logger.warn(
      { mailId: claim.id, attempt: claim.attempt, error, worker: this.workerId, ...(last ? { failed: true, permanent } : { nextAttemptAt: nextAttemptAt.toISOString() }) },
      last ? 'mail not sent; no further attempts' : 'mail not sent; will retry',
    );
    if (!recorded) this.logger.warn({ mailId: claim.id, worker: this.workerId }, 'failed attempt not recorded: the lease was lost');
    else if (!last && this.running) {
      const at = nextAttemptAt.getTime();
      const i = this.retryTimes.findIndex((t) => t > at);
      this.retryTimes.splice(i < 0 ? this.retryTimes.length : i, 0, at);
      this.wakeIn(at - now.getTime());
    }
  }

  /** Resolves when every send this worker started has been recorded. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Graceful stop: no new claims; waits for the mails being sent (each bounded by the SMTP timeouts). */
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
    if (this.ownTransport) {
      this.transport?.close();
      this.transport = null;
    }
    if (wasRunning) this.logger.info({ worker: this.workerId }, 'mail worker stopped');
  }
}
