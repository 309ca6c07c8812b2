import Redis from 'ioredis';
import type { Logger } from '../logger';
import { type BucketLimits, type BucketStore, type Charge, retryAfterSeconds, statusOf, type ThrottleStatus } from './bucket';

/*
 * One Lua script does a charge or a refund: Redis runs it alone, so the read, the arithmetic and
 * the write of one bucket cannot interleave with another instance's (never read-then-write from
 * here). The same arithmetic as bucket.memory.ts; change both together.
 *
 * KEYS[1]: the bucket, a hash { a: points available, t: when (ms) }; absent means full.
 * ARGV: now (ms; empty: Redis's own clock, so instances with skewed clocks agree; tests pass
 * theirs), mode (charge | refund), amount, maximumAvailable, restoreRate (points a second).
 * Reply: { 1 | 0 (paid or refunded | refused), available (a string: Lua numbers would be cut to
 * integers), milliseconds to wait (refused only) }. The key expires when the bucket is full again.
 */
const BUCKET_LUA = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local amount, max, rate = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local state = redis.call('HMGET', KEYS[1], 'a', 't')
local available, at = tonumber(state[1]), tonumber(state[2])
if available == nil or at == nil then
  if ARGV[2] ~= 'charge' then return {1, tostring(max), '0'} end
  available, at = max, now
end
if available > max then available = max end
if now > at then
  available = math.min(max, available + (now - at) * rate / 1000)
else
  now = at
end
if ARGV[2] == 'charge' then
  if available < amount then
    return {0, tostring(available), tostring(math.ceil((amount - available) * 1000 / rate))}
  end
  available = available - amount
else
  available = math.min(max, available + amount)
end
redis.call('HSET', KEYS[1], 'a', tostring(available), 't', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((max - available) * 1000 / rate) + 1000)
return {1, tostring(available), '0'}
`;

type Reply = [number, string, string];

interface BucketCommands {
  atriumThrottleBucket(key: string, now: string, mode: 'charge' | 'refund', amount: number, max: number, rate: number): Promise<Reply>;
}

export interface RedisBucketStoreOptions {
  /** A redis:// or rediss:// URL. */
  url: string;
  /** Prepended to every key, e.g. `atrium:throttle:`. */
  prefix: string;
  logger?: Logger;
  /** The clock, for tests; by default Redis's own. */
  now?: () => number;
}

/** The buckets in Redis, shared by every API instance that uses the same server and prefix. */
export class RedisBucketStore implements BucketStore {
  private readonly redis: Redis & BucketCommands;
  private readonly prefix: string;
  private readonly now: () => string;
  private reportedDown = false;

  constructor(opts: RedisBucketStoreOptions) {
    this.prefix = opts.prefix;
    const clock = opts.now;
    this.now = clock ? () => String(clock()) : () => '';
    // Fail fast rather than queue requests while Redis is away: they are answered 503, never
    // let through unmetered (the front-door plugin).
    const redis = new Redis(opts.url, { maxRetriesPerRequest: 1, connectTimeout: 5000, commandTimeout: 5000 });
    // EVALSHA, falling back to EVAL (and so loading the script) on NOSCRIPT: ioredis does both.
    redis.defineCommand('atriumThrottleBucket', { numberOfKeys: 1, lua: BUCKET_LUA });
    this.redis = redis as Redis & BucketCommands;
    this.redis.on('error', (err: unknown) => {
      if (this.reportedDown) return;
      this.reportedDown = true;
      opts.logger?.error({ err }, 'query throttle: Redis unreachable; GraphQL requests fail until it is back');
    });
    this.redis.on('ready', () => {
      if (this.reportedDown) opts.logger?.info('query throttle: Redis reachable again');
      this.reportedDown = false;
    });
  }

  async charge(bucket: string, cost: number, limits: BucketLimits): Promise<Charge> {
    const [ok, available, wait] = await this.run(bucket, 'charge', cost, limits);
    const status = statusOf(available, limits);
    return ok ? { allowed: true, status } : { allowed: false, status, retryAfterSeconds: retryAfterSeconds(wait) };
  }

  async refund(bucket: string, amount: number, limits: BucketLimits): Promise<ThrottleStatus> {
    const [, available] = await this.run(bucket, 'refund', amount, limits);
    return statusOf(available, limits);
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async run(bucket: string, mode: 'charge' | 'refund', amount: number, limits: BucketLimits): Promise<[boolean, number, number]> {
    const reply = await this.redis.atriumThrottleBucket(`${this.prefix}${bucket}`, this.now(), mode, amount, limits.maximumAvailable, limits.restoreRate);
    if (!Array.isArray(reply) || reply.length !== 3) throw new Error('query throttle: unexpected reply from Redis');
    const available = Number(reply[1]);
    const wait = Number(reply[2]);
    if (!Number.isFinite(available) || !Number.isFinite(wait)) throw new Error('query throttle: unexpected reply from Redis');
    return [reply[0] === 1, available, wait];
  }
}
