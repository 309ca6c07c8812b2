import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import { EventEmitter } from 'node:events';
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';
import type { RealtimeEvent } from './stage';

/**
 * The one publisher of realtime messages, and where subscriptions listen. With REDIS_URL set it is
 * graphql-redis-subscriptions' RedisPubSub (every instance receives every message it listens to);
 * otherwise graphql-subscriptions' in-memory PubSub (one instance). Topics are per tenant (or per
 * user), so Redis routes each message only to instances with a subscriber that may want it.
 */
export interface RealtimeBus {
  /** Publishes committed messages; failures are logged (the change itself is already committed). */
  publish(messages: readonly RealtimeEvent[]): void;
  /** Calls `onMessage` for each message on any of `topics` until the returned stop is called. */
  listen(topics: readonly string[], onMessage: (message: RealtimeEvent) => void): Promise<() => void>;
  /** 'redis' or 'memory', for logs and tests. */
  readonly kind: 'redis' | 'memory';
  close(): Promise<void>;
}

/** Topic names (without the channel prefix). */
export const topic = {
  /** A tenant's tickets. */
  tickets: (tenantId: string) => `ticket.${tenantId}`,
  /** Every tenant's tickets (platform staff). */
  allTickets: 'ticket',
  runs: (tenantId: string) => `run.${tenantId}`,
  allRuns: 'run',
  /** Incidents (each names the tenants it affects). */
  incidents: 'incident',
  /** One user's notifications. */
  notifications: (userId: string) => `notification.${userId}`,
} as const;

/** The topics a message is published to. */
export function topicsOf(message: RealtimeEvent): string[] {
  switch (message.type) {
    case 'ticket':
      return [topic.tickets(message.tenantId), topic.allTickets];
    case 'run':
      return [topic.runs(message.tenantId), topic.allRuns];
    case 'incident':
      return [topic.incidents];
    case 'notification':
      return [topic.notifications(message.userId)];
  }
}

/**
 * Redis channels are shared by every database number of a server: the prefix names the key prefix
 * and the database, so two deployments on one Redis never hear each other.
 */
function channelPrefix(config: Config): string {
  const db = config.redisUrl ? new URL(config.redisUrl).pathname.replace(/^\//, '') || '0' : 'memory';
  return `${config.redisKeyPrefix}rt:${db}:`;
}

export function createRealtimeBus(config: Config, logger: Logger): RealtimeBus {
  const prefix = channelPrefix(config);
  // Both engines implement graphql-subscriptions' PubSubEngine (publish, subscribe, unsubscribe).
  let engine: PubSubEngine;
  let clients: Redis[] = [];
  if (config.redisUrl) {
    // Two connections: a subscribing Redis connection can do nothing else. Publishing fails fast
    // while Redis is away (the change is committed; open screens refetch when they reconnect).
    const publisher = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5000, commandTimeout: 5000 });
    const subscriber = new Redis(config.redisUrl, { connectTimeout: 5000 });
    let down = false;
    for (const client of [publisher, subscriber]) {
      client.on('error', (err: unknown) => {
        if (down) return;
        down = true;
        logger.error({ err }, 'realtime: Redis unreachable; live updates pause until it is back');
      });
      client.on('ready', () => {
        if (down) logger.info('realtime: Redis reachable again');
        down = false;
      });
    }
    clients = [publisher, subscriber];
    // ioredis 6 clients; graphql-redis-subscriptions is typed against ioredis 5's (same API it uses).
    engine = new RedisPubSub({ publisher: publisher as never, subscriber: subscriber as never });
  } else {
    // One listener per subscription on a topic: thousands are expected, none is a leak.
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    engine = new PubSub({ eventEmitter: emitter });
  }
  return {
    kind: config.redisUrl ? 'redis' : 'memory',
    publish(messages) {
      for (const message of messages) {
        for (const t of topicsOf(message)) {
          engine.publish(prefix + t, message).catch((err: unknown) => logger.error({ err, topic: t }, 'realtime: could not publish'));
        }
      }
    },
    async listen(topics, onMessage) {
      const ids = await Promise.all(topics.map((t) => engine.subscribe(prefix + t, (m: RealtimeEvent) => onMessage(m), {})));
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        for (const id of ids) engine.unsubscribe(id);
      };
    },
    async close() {
      // Disconnect at once rather than QUIT: with Redis unreachable a QUIT waits in ioredis's
      // offline queue through every retry (a test saw a minute), then rejects unobserved.
      for (const c of clients) c.disconnect();
      await Promise.resolve();
    },
  };
}
