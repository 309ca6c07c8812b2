import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../common/errors';
import type { Context } from '../../context/context';
import type { RealtimeBus } from './bus';
import type { EventRead } from './shared-reads';
import type { RealtimeEvent } from './stage';

/**
 * What a WebSocket connection's context carries for its subscriptions (a symbol: nothing else
 * sees it, and an HTTP request never has it).
 */
export const LIVE = Symbol('liveConnection');

export interface LiveConnection {
  readonly bus: RealtimeBus;
  /**
   * A fresh context for the connection's principal: a new fork of the ORM's entity manager (same
   * tenant filter) and new loaders, so identity maps and loader caches never grow across events.
   */
  fresh(): Context;
  /**
   * Reads one event for this connection: `read` with a fresh context, or a read of the same
   * publication already made for a connection with exactly the same rights (shared-reads.ts).
   */
  read<T>(spec: object, event: RealtimeEvent, read: (fresh: Context) => Promise<T | null>): Promise<EventRead<T>>;
  /** Events waiting for one subscription beyond this many: the consumer is too slow. */
  readonly maxQueuedEvents: number;
  /** Drops the connection (the slow-consumer close). */
  overflow(): void;
  /** Told +1 when a subscription starts listening, -1 when it stops (the instance's count). */
  listening(delta: 1 | -1): void;
}

/** Where each delivered payload carries the context it was read with. */
const FRESH = Symbol('freshContext');

/** One delivery: the entity (as the subscriber may read it) and the context that read it. */
export interface LivePayload<T> {
  readonly [FRESH]: Context;
  readonly value: T;
}

/** The context an event was read with, for executing its selection (ws server). */
export function contextOfPayload(payload: unknown): Context | undefined {
  return typeof payload === 'object' && payload !== null ? (payload as Partial<LivePayload<unknown>>)[FRESH] : undefined;
}

/** The subscription field's value; refuses a subscription run outside a WebSocket (HTTP execute). */
export function valueOf<T>(payload: LivePayload<T> | undefined): T {
  if (!payload || !(FRESH in payload)) throw notOverWebSocket();
  return payload.value;
}

const notOverWebSocket = () => badInput('Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.');

/** What a subscription listens to, decided once when it starts. */
export interface LiveSelection {
  /** The topics to listen to (bus.ts `topic`), from the subscriber's context and arguments. */
  readonly topics: readonly string[];
  /** A cheap look at each event before any SQL (type, id, tenant); false skips it. */
  accept(event: RealtimeEvent): boolean;
  /**
   * Delivered first, once listening has started: the state at that moment, so a change made
   * between the client's query and its subscription is not missed (read like any other event).
   */
  readonly initial?: RealtimeEvent;
}

/** How one Subscription field chooses and reads its events. */
export interface LiveSpec<Args, T> {
  /** Checks the arguments (an id the caller cannot read answers NOT_FOUND) and picks the topics. */
  start(ctx: Context, args: Args): LiveSelection | Promise<LiveSelection>;
  /**
   * Reads what the event is about with the subscriber's fresh context, through the same access
   * policies and loaders as a query; null (not readable, gone) skips the event.
   */
  read(fresh: Context, event: RealtimeEvent): Promise<T | null>;
}

interface SubscribeData<Args> {
  args: Args;
  context: Context;
  info: GraphQLResolveInfo;
}

/**
 * The `subscribe` of a Subscription field: listens to the spec's topics on the bus, and for each
 * accepted event reads the entity again with a fresh context of the subscriber; events it may
 * not read are never delivered. Events wait in a bounded queue (LiveConnection.maxQueuedEvents)
 * while earlier ones are read and sent; a subscriber that falls further behind is dropped.
 */
export function liveSubscription<Args, T>(spec: LiveSpec<Args, T>) {
  return async ({ args, context }: SubscribeData<Args>): Promise<AsyncIterableIterator<LivePayload<T>>> => {
    const live = (context as Context & { [LIVE]?: LiveConnection })[LIVE];
    if (!live) throw notOverWebSocket();
    const queue: RealtimeEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    let stop: () => void = () => undefined;
    let started = false;
    const finish = () => {
      if (done) return;
      done = true;
      stop();
      if (started) live.listening(-1);
      queue.length = 0;
      wake?.();
    };
    const selection = await spec.start(context, args);
    stop = await live.bus.listen(selection.topics, (message: RealtimeEvent) => {
      if (done || !selection.accept(message)) return;
      if (queue.length >= live.maxQueuedEvents) {
        finish();
        live.overflow();
        return;
      }
      queue.push(message);
      wake?.();
    });
    started = true;
    live.listening(1);
    if (selection.initial) queue.unshift(selection.initial);
    const iterator: AsyncIterableIterator<LivePayload<T>> = {
      async next(): Promise<IteratorResult<LivePayload<T>>> {
        while (!done) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          const { fresh, value } = await live.read(spec, event, (f) => spec.read(f, event));
          if (value !== null && !done) return { done: false, value: { [FRESH]: fresh, value } };
        }
        return { done: true, value: undefined };
      },
      async return(): Promise<IteratorResult<LivePayload<T>>> {
        finish();
        return { done: true, value: undefined };
      },
      async throw(err: unknown): Promise<IteratorResult<LivePayload<T>>> {
        finish();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };
}
