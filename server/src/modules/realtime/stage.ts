import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from '../../common/uuid';

/**
 * What a change tells open screens. Events carry ids only: each subscriber's delivery reads the
 * entity again with the subscriber's own context, so tenant scoping, permission rules and row
 * policies decide what (if anything) it receives, exactly as for a query.
 */
export type RealtimeEvent = (
  | { readonly type: 'ticket'; readonly tenantId: string; readonly ticketId: string; readonly kind: 'CREATED' | 'UPDATED' | 'COMMENTED'; readonly commentId?: string }
  | { readonly type: 'run'; readonly tenantId: string; readonly runId: string }
  | { readonly type: 'incident'; readonly incidentId: string; readonly tenantIds: readonly string[] }
  | { readonly type: 'notification'; readonly userId: string; readonly notificationId: string }
) & {
  /** This publication's id, given after the commit (subscribers with the same rights share its read). */
  readonly id?: string;
};

/*
 * Staged messages wait for the commit of their transaction. MikroORM reports the commit of the
 * top-level transaction only (afterTransactionCommit, with that transaction's object), never a
 * rollback's, so messages are keyed by the ROOT transaction: one staged inside a nested
 * transaction (a savepoint) waits for the outermost commit. A manager used without a transaction
 * (it flushes later, which commits in a transaction of its own) keys by the manager itself.
 */
const staged = new WeakMap<object, RealtimeEvent[]>();

/** The outermost transaction of a knex transaction (MikroORM links a savepoint to its parent). */
function rootOf(trx: object): object {
  let current = trx;
  for (let depth = 0; depth < 32; depth++) {
    const parentKey = Object.getOwnPropertySymbols(current).find((s) => s.description === 'parentTransaction');
    const parent = parentKey ? (current as Record<symbol, unknown>)[parentKey] : undefined;
    if (!parent || typeof parent !== 'object') return current;
    current = parent;
  }
  return current;
}

/**
 * Stages `event` in `em`'s transaction: it is published after that transaction commits (to every
 * instance, through Redis when REDIS_URL is set) and never when it rolls back. Call it next to the
 * change it describes, inside the same transaction.
 */
export function stageRealtimeEvent(em: EntityManager, event: RealtimeEvent): void {
  const trx = em.getTransactionContext<object>();
  const key = trx ? rootOf(trx) : em;
  const list = staged.get(key);
  if (list) list.push(event);
  else staged.set(key, [event]);
}

/**
 * Calls `publish` with the messages staged in each transaction that commits (in the order they
 * were staged, the same message once), and drops those of a transaction that rolls back. The
 * mail outbox's pattern (mail.outbox.ts): returns the way to stop it, as MikroORM cannot remove a
 * subscriber.
 */
export function onRealtimeCommitted(orm: MikroORM, publish: (messages: readonly RealtimeEvent[]) => void): { close(): void } {
  let active = true;
  const take = (args: TransactionEventArgs): RealtimeEvent[] => {
    const out: RealtimeEvent[] = [];
    for (const key of [args.transaction as object | undefined, args.em]) {
      if (!key) continue;
      const list = staged.get(key);
      if (list) {
        staged.delete(key);
        out.push(...list);
      }
    }
    return out;
  };
  const subscriber: EventSubscriber = {
    afterTransactionCommit(args: TransactionEventArgs) {
      if (!active) return;
      const messages = take(args);
      if (messages.length) publish(dedupe(messages).map((m) => ({ ...m, id: uuidv7() })));
    },
    afterTransactionRollback(args: TransactionEventArgs) {
      if (active) take(args);
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
  return {
    close() {
      active = false;
    },
  };
}

/** One copy of each message (a ticket updated twice in one transaction is one event). */
function dedupe(messages: readonly RealtimeEvent[]): RealtimeEvent[] {
  const seen = new Set<string>();
  const out: RealtimeEvent[] = [];
  for (const m of messages) {
    const key = JSON.stringify(m);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}
