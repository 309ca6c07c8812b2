/**
 * What a caller may spend over time: a leaky bucket of query cost per caller, as Shopify's Admin
 * API does it. Each GraphQL operation is charged its estimated cost (query-limits.ts `queryCost`,
 * at least 1) before it runs; a bucket that cannot pay refuses the request with RATE_LIMITED /
 * THROTTLED, HTTP 429 and Retry-After (the seconds until it could), and nothing runs. After
 * execution the cost of what really came back (`actualQueryCost`) is computed and the difference
 * refunded. Every answer says so in `extensions.cost` (front-door.plugin.ts).
 *
 * Buckets, chosen from the raw Authorization header and the address, without any SQL (so a
 * drained bucket answers before the session look-up):
 * - `Bearer atr_...` (an API key): `key:<sha256 of the token>`, THROTTLE_KEY_*;
 * - a user's access token that verifies (signature and expiry, no SQL): `session:<sid>`,
 *   THROTTLE_USER_*;
 * - anything else: `ip:<address>`, THROTTLE_ANONYMOUS_*.
 * A claimed key or session that then fails to authenticate is charged to its address too, so
 * made-up keys do not each get a fresh bucket.
 *
 * A query dearer than its bucket's maximum can never be paid: it is refused like one over
 * GRAPHQL_MAX_COST (QUERY_TOO_COMPLEX), with the smaller of the two as `maxCost`.
 *
 * Stores: Redis when REDIS_URL is set (shared by every API instance, each charge and refund one
 * atomic Lua script), else memory (one process). Both implement the same arithmetic and run the
 * same tests. When Redis cannot be reached, GraphQL requests answer 503 rather than go unmetered.
 */
import { createHash } from 'node:crypto';
import type { BucketLimits, Config } from '../../config';
import type { Logger } from '../logger';
import { verifyAccessToken } from '../../modules/auth/tokens';
import type { BucketStore, Charge, ThrottleStatus } from './bucket';
import { MemoryBucketStore } from './bucket.memory';
import { RedisBucketStore } from './bucket.redis';

export type { BucketStore, Charge, ThrottleStatus } from './bucket';

/** Whose bucket a request is charged to. */
export interface BucketIdentity {
  readonly kind: 'apiKey' | 'session' | 'address';
  /** The store key (before the store's prefix). */
  readonly bucket: string;
  readonly limits: BucketLimits;
}

const BEARER = /^Bearer\s+(\S+)$/;

/** The bucket of a request, from its Authorization header and address; no SQL. */
export function bucketIdentity(config: Config, authorization: string | null | undefined, ip: string | null): BucketIdentity {
  const token = BEARER.exec((authorization ?? '').trim())?.[1];
  if (token?.startsWith('atr_')) return { kind: 'apiKey', bucket: `key:${createHash('sha256').update(token).digest('hex')}`, limits: config.throttle.apiKey };
  if (token) {
    const verified = verifyAccessToken(config, token);
    if (verified.ok) return { kind: 'session', bucket: `session:${verified.claims.sid}`, limits: config.throttle.user };
  }
  return addressIdentity(config, ip);
}

export function addressIdentity(config: Pick<Config, 'throttle'>, ip: string | null): BucketIdentity {
  return { kind: 'address', bucket: `ip:${ip ?? 'unknown'}`, limits: config.throttle.anonymous };
}

/** The buckets and how to charge them; null when THROTTLE_ENABLED is false. */
export class QueryThrottle {
  constructor(
    readonly store: BucketStore,
    private readonly config: Config,
  ) {}

  identify(authorization: string | null | undefined, ip: string | null): BucketIdentity {
    return bucketIdentity(this.config, authorization, ip);
  }

  address(ip: string | null): BucketIdentity {
    return addressIdentity(this.config, ip);
  }

  charge(identity: BucketIdentity, cost: number): Promise<Charge> {
    return this.store.charge(identity.bucket, cost, identity.limits);
  }

  refund(identity: BucketIdentity, amount: number): Promise<ThrottleStatus> {
    return this.store.refund(identity.bucket, amount, identity.limits);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** Redis when REDIS_URL is set, else memory; null when the throttle is off. */
export function createQueryThrottle(config: Config, logger: Logger): QueryThrottle | null {
  if (!config.throttle.enabled) return null;
  const store = config.redisUrl ? new RedisBucketStore({ url: config.redisUrl, prefix: `${config.redisKeyPrefix}throttle:`, logger }) : new MemoryBucketStore();
  return new QueryThrottle(store, config);
}
