import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { Tenant } from '../tenancy/tenant.entity';
import { OutboxMail } from './mail.entity';
import { renderMail } from './mail.templates';
import type { MailRequest } from './mail.types';

export type { MailRequest } from './mail.types';

/** Rows enqueued in this process and not yet seen committed: what the commit hook looks for. */
const enqueued = new WeakSet<OutboxMail>();

/**
 * Writes one mail to the outbox in `em`'s unit of work, rendered now (subject, text, HTML, links
 * to PUBLIC_URL). It is sent only if that transaction commits: call it inside the transaction of
 * the change that causes the mail, before it flushes. After the commit, the app's mail worker is
 * nudged (onMailCommitted) and sends it at once.
 */
export function enqueueMail(em: EntityManager, config: Config, mail: MailRequest): void {
  const rendered = renderMail(config.publicUrl, mail);
  const row = new OutboxMail();
  row.to = mail.to.trim();
  row.template = mail.template;
  row.subject = rendered.subject;
  row.text = rendered.text;
  row.html = rendered.html;
  if (mail.template === 'invitation') row.tenant = em.getReference(Tenant, mail.tenantId, { wrapped: true });
  em.persist(row);
  enqueued.add(row);
}

/**
 * Calls `nudge` after each committed transaction that wrote mail enqueued by enqueueMail, so the
 * worker sends it at once instead of at its next poll. MikroORM reports commits of the top-level
 * transaction only (with the entity manager whose unit of work wrote the rows; a nested
 * transaction's rows are merged into it), and never for a rollback. Returns the way to stop it:
 * MikroORM has no way to remove a subscriber, so a closed app's one stays registered but inert.
 */
export function onMailCommitted(orm: MikroORM, nudge: () => void): { close(): void } {
  let active = true;
  const meta = orm.getMetadata().get<OutboxMail>(OutboxMail.name);
  const subscriber: EventSubscriber = {
    afterTransactionCommit(args: TransactionEventArgs) {
      if (!active) return;
      let found = false;
      for (const row of args.em.getUnitOfWork(false).getIdentityMap().getStore(meta).values()) {
        if (enqueued.delete(row)) found = true;
      }
      if (found) nudge();
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
  return {
    close() {
      active = false;
    },
  };
}
