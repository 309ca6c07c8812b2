import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { messageOf } from '../../common/leased-worker';
import type { Logger } from '../../common/logger';
import { sql, tenantQuery } from '../../database/tenant-sql';
import { enqueueMail } from '../mail/mail.outbox';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';

/** Recipients handled per transaction. */
const BATCH = 50;
/** Items listed in one mail; the rest are counted. */
const LISTED = 20;
/** The digest job reaches every tenant's rows: it is platform housekeeping, not a request. */
const EVERY_TENANT = { as: 'platform' } as const;

/**
 * The notification mail digest. notify() leaves rows with `emailPending`; once a recipient's
 * oldest pending one is NOTIFICATION_MAIL_WINDOW_SECONDS old, everything pending for them goes
 * into ONE mail (through the mail outbox, so it is retried and sent like any other) and the rows
 * are marked in the same transaction. A recipient therefore gets at most one such mail per window:
 * ten replies in a minute make one mail.
 *
 * Several instances may run it at once: each transaction first locks the due recipients' user rows
 * with FOR NO KEY UPDATE SKIP LOCKED, so a recipient is handled by one instance at a time, and a
 * row marked by one is no longer pending for the next. Idempotent: a crash before commit leaves
 * everything pending; a commit marks exactly what went into the mail.
 */
export class NotificationMailer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Looks every NOTIFICATION_MAIL_POLL_INTERVAL_MS (0: only when flushDue() is called). */
  start(): void {
    const every = this.config.notifications.mailPollIntervalMs;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.flushDue()
        .catch((err: unknown) => this.logger.error({ error: messageOf(err) }, 'notification mail digest failed'))
        .finally(() => (this.running = null));
    }, every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Mails every recipient whose window has passed; answers how many mails were enqueued. */
  async flushDue(now: Date = this.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.notifications.mailWindowMs);
    let mails = 0;
    for (;;) {
      const { recipients, enqueued } = await this.orm.em.fork().transactional((em) => this.flushBatch(em, cutoff, now));
      mails += enqueued;
      if (recipients < BATCH) return mails;
    }
  }

  private async flushBatch(em: EntityManager, cutoff: Date, now: Date): Promise<{ recipients: number; enqueued: number }> {
    const due = await tenantQuery<{ id: string }>(em, EVERY_TENANT, () =>
      sql`select u.id from users u
          where exists (select 1 from notifications n where n.recipient_id = u.id and n.email_pending and n.created_at <= ${cutoff})
          order by u.id limit ${BATCH} for no key update of u skip locked`,
    );
    if (!due.length) return { recipients: 0, enqueued: 0 };
    const ids = due.map((r) => r.id);
    const users = await em.find(User, { id: { $in: ids } }, { filters: false });
    const rows = await em.find(Notification, { recipient: { $in: ids }, emailPending: true }, { filters: false, orderBy: { createdAt: 'DESC', id: 'DESC' } });
    let enqueued = 0;
    for (const user of users) {
      const mine = rows.filter((r) => r.recipient.id === user.id);
      for (const row of mine) {
        row.emailPending = false;
        row.emailedAt = now;
      }
      if (!mine.length || user.disabledAt) continue;
      const staffOnly = mine.every((r) => !r.tenant);
      enqueueMail(em, this.config, {
        template: 'notification-digest',
        to: user.email,
        data: {
          name: user.name,
          items: mine.slice(0, LISTED).map((r) => ({ title: r.title, body: r.body, url: r.url })),
          more: Math.max(0, mine.length - LISTED),
          inboxUrl: staffOnly ? '/admin/' : '/notifications',
        },
      });
      enqueued++;
    }
    return { recipients: due.length, enqueued };
  }
}
