import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { MailConfig } from '../../config';
import { LeasedWorker } from '../../common/leased-worker';
import type { Logger } from '../../common/logger';
import { MailStatus, OutboxMail } from './mail.entity';
import { createMailTransport, describeSendError, isPermanentFailure, type MailTransport } from './mail.transport';

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
 * When it looks (started, nudged by onMailCommitted, a retry of its own due, every pollIntervalMs)
 * is LeasedWorker's; `deliverDue()` sends everything due now and waits for it (tests, a CLI).
 */
export class MailWorker extends LeasedWorker<MailClaim> {
  private transport: MailTransport | null;
  private readonly ownTransport: boolean;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: MailConfig,
    logger: Logger,
    opts: MailWorkerOptions = {},
  ) {
    super(logger, 'mail', opts.workerId ?? `mail-${randomUUID().slice(0, 8)}`, opts.clock ?? (() => new Date()));
    this.transport = opts.transport ?? null;
    this.ownTransport = !opts.transport;
  }

  protected get loop() {
    return this.config;
  }

  protected override startedFields() {
    return { transport: this.transportKind };
  }

  protected override afterStop(): void {
    if (this.ownTransport) {
      this.transport?.close();
      this.transport = null;
    }
  }

  protected prune(): Promise<number> {
    return this.pruneSent();
  }

  protected work(claim: MailClaim): Promise<boolean> {
    return this.deliver(claim);
  }

  /** Where this worker sends: 'smtp' or 'local'. */
  get transportKind(): MailTransport['kind'] {
    return this.transportOf().kind;
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

  private transportOf(): MailTransport {
    this.transport ??= createMailTransport(this.config);
    return this.transport;
  }

  /**
   * Claims up to `limit` due mails, oldest due first: PENDING ones whose time has come, and
   * SENDING ones whose lease expired. Rows another worker holds are skipped, not waited for. A
   * reclaimed mail with no attempts left becomes FAILED (it may have gone out: its worker died).
   */
  protected async claim(limit: number): Promise<MailClaim[]> {
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
    else if (!last) this.retryAt(nextAttemptAt);
  }
}
