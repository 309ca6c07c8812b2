import type { Context } from '../../context/context';
import type { RealtimeEvent } from './stage';

/** One read of an event: the value (null: not readable, gone, or the read failed) and the context that read it. */
export interface EventRead<T> {
  readonly fresh: Context;
  readonly value: T | null;
}

/**
 * Reads of one published event, shared by the subscribers that hold the same rights.
 *
 * Each delivery reads its entity again with the subscriber's own context (tenant scoping,
 * permission rules, row policies). Subscribers whose contexts grant exactly the same (one
 * person's tabs, one partner key's sockets: `readKey`, which names the user or key, the tenant,
 * the role and the permissions) would send the same statements and get the same rows; they
 * share one read and its fresh context (its loaders then serve the selections of all of them).
 * Sharing is per publication (the event's `id`, given after the commit): a later change of the
 * same entity is read again. An entry is dropped `holdMs` after it was made; a subscriber that
 * reaches the event later reads it itself.
 */
export class SharedReads {
  private readonly entries = new Map<string, Promise<EventRead<unknown>>>();
  private readonly specIds = new WeakMap<object, number>();
  private nextSpecId = 0;
  /** Reads made (for tests and the benchmark); a shared read counts once. */
  reads = 0;

  constructor(private readonly holdMs = 2000) {}

  /**
   * `read` with a fresh context, or the result of the same read already under way for this
   * event, this spec and these rights. No sharing without a read key (platform staff, whose reads
   * may be audited one by one) or for an event without a publication id.
   */
  read<T>(spec: object, event: RealtimeEvent, readKey: string | null, fresh: () => Context, read: (fresh: Context) => Promise<T | null>): Promise<EventRead<T>> {
    if (!readKey || !event.id) return this.readNow(fresh(), read);
    let specId = this.specIds.get(spec);
    if (specId === undefined) this.specIds.set(spec, (specId = this.nextSpecId++));
    const key = `${specId}|${event.id}|${readKey}`;
    const held = this.entries.get(key) as Promise<EventRead<T>> | undefined;
    if (held) return held;
    const made = this.readNow(fresh(), read);
    this.entries.set(key, made);
    setTimeout(() => this.entries.delete(key), this.holdMs).unref();
    return made;
  }

  /** Entries held now. */
  size(): number {
    return this.entries.size;
  }

  private async readNow<T>(fresh: Context, read: (fresh: Context) => Promise<T | null>): Promise<EventRead<T>> {
    this.reads++;
    try {
      return { fresh, value: await read(fresh) };
    } catch (err) {
      // A failed read (the database away, a budget spent) skips this event; the client
      // refetches what it shows when it reconnects.
      fresh.logger.error({ err }, 'realtime: could not read an event for a subscriber');
      return { fresh, value: null };
    }
  }
}
