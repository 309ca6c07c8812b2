import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from '../../common/logger';
import type { LoginLimiter, LoginReservation, LoginTicket } from './login-limiter.policy';
import { attemptKeys, type AttemptKeys, type LimitsMs, limitsMs, type LoginAttempt, type LoginLimits, newReservationId, retryAfterSeconds } from './login-limiter.policy';

/*
 * The limiter's operations as Lua scripts: Redis runs each one alone, so a reservation's
 * check and its writes cannot interleave with another instance's. The same arithmetic as
 * login-limiter.memory.ts; change both together. KEYS: pair, address, account, devices.
 * Time is Redis's own clock (TIME), so instances with skewed clocks agree; tests pass theirs.
 */

const NOW = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/** ARGV: now, id, device, windowMs, perPair, perIp, delayAfter, delayBaseMs, delayMaxMs, knownMs. */
const RESERVE = `${NOW}
local id, device = ARGV[2], ARGV[3]
local windowMs, perPair, perIp = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local delayAfter, baseMs, maxMs, knownMs = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])

-- Milliseconds until fewer than max entries are in the window; expired entries are dropped.
local function lockedFor(key, max)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)
  local n = redis.call('ZCARD', key)
  if n < max then return 0 end
  local oldest = redis.call('ZRANGE', key, n - max, n - max, 'WITHSCORES')
  return tonumber(oldest[2]) + windowMs - now
end

local wait = math.max(lockedFor(KEYS[1], perPair), lockedFor(KEYS[2], perIp))
local state = redis.call('HMGET', KEYS[3], 'n', 'last')
local n, last = tonumber(state[1]) or 0, tonumber(state[2]) or 0
if now - last >= windowMs then n = 0 end
local seen = tonumber(redis.call('ZSCORE', KEYS[4], device))
local known = seen ~= nil and now - seen < knownMs
if not known and n >= delayAfter then
  wait = math.max(wait, last + math.min(baseMs * 2 ^ (n - delayAfter), maxMs) - now)
end
if wait > 0 then return {0, math.ceil(wait)} end

redis.call('ZADD', KEYS[1], now, id)
redis.call('PEXPIRE', KEYS[1], windowMs)
redis.call('ZADD', KEYS[2], now, id)
redis.call('PEXPIRE', KEYS[2], windowMs)
redis.call('HSET', KEYS[3], 'n', n + 1, 'last', now)
redis.call('PEXPIRE', KEYS[3], windowMs)
if known then return {1, 1} end
return {1, 0}
`;

/** ARGV: now, mode (success | refund), id, device, knownDevice (1 | 0), knownMs, maxDevices. */
const SETTLE = `${NOW}
local success, id = ARGV[2] == 'success', ARGV[3]
if success then
  redis.call('DEL', KEYS[1])
else
  redis.call('ZREM', KEYS[1], id)
end
redis.call('ZREM', KEYS[2], id)
if success and ARGV[5] == '1' then
  redis.call('DEL', KEYS[3])
elseif (tonumber(redis.call('HGET', KEYS[3], 'n')) or 0) > 0 then
  redis.call('HINCRBY', KEYS[3], 'n', -1)
end
if success then
  local knownMs, maxDevices = tonumber(ARGV[6]), tonumber(ARGV[7])
  redis.call('ZADD', KEYS[4], now, ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - knownMs)
  redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(maxDevices + 1))
  redis.call('PEXPIRE', KEYS[4], knownMs)
end
return 1
`;

interface Script {
  readonly lua: string;
  readonly sha: string;
}

const script = (lua: string): Script => ({ lua, sha: createHash('sha1').update(lua).digest('hex') });
const SCRIPTS = { reserve: script(RESERVE), settle: script(SETTLE) };

export interface RedisLoginLimiterOptions {
  /** A redis:// or rediss:// URL. */
  url: string;
  /** Prepended to every key, e.g. `atrium:login:`. */
  prefix: string;
  limits: LoginLimits;
  logger?: Logger;
  /** The clock, for tests; by default Redis's own. */
  now?: () => number;
}

/** The limiter in Redis, shared by every API instance that uses the same server and prefix. */
export class RedisLoginLimiter implements LoginLimiter {
  private readonly redis: Redis;
  private readonly l: LimitsMs;
  private readonly prefix: string;
  private readonly now: () => string;
  private reportedDown = false;

  constructor(opts: RedisLoginLimiterOptions) {
    this.l = limitsMs(opts.limits);
    this.prefix = opts.prefix;
    const clock = opts.now;
    this.now = clock ? () => String(clock()) : () => '';
    // Fail fast rather than queue logins for long while Redis is away: a login then fails
    // (it is never let through unlimited).
    this.redis = new Redis(opts.url, { maxRetriesPerRequest: 1, connectTimeout: 5000, commandTimeout: 5000 });
    this.redis.on('error', (err: unknown) => {
      if (this.reportedDown) return;
      this.reportedDown = true;
      opts.logger?.error({ err }, 'login limiter: Redis unreachable; logins fail until it is back');
    });
    this.redis.on('ready', () => {
      if (this.reportedDown) opts.logger?.info('login limiter: Redis reachable again');
      this.reportedDown = false;
    });
  }

  async reserve(attempt: LoginAttempt): Promise<LoginReservation> {
    const keys = attemptKeys(attempt, this.prefix);
    const id = newReservationId();
    const l = this.l;
    const reply = await this.run(SCRIPTS.reserve, keys, [this.now(), id, keys.device, l.windowMs, l.perPair, l.perIp, l.delayAfter, l.delayBaseMs, l.delayMaxMs, l.knownMs]);
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') throw new Error('login limiter: unexpected reply from Redis');
    if (reply[0] === 0) return { allowed: false, retryAfterSeconds: retryAfterSeconds(reply[1]) };
    return { allowed: true, ticket: { id, keys, knownDevice: reply[1] === 1 } };
  }

  async succeeded(ticket: LoginTicket): Promise<void> {
    await this.settle(ticket, 'success');
  }

  async refund(ticket: LoginTicket): Promise<void> {
    await this.settle(ticket, 'refund');
  }

  async clearAccount(email: string): Promise<void> {
    await this.redis.del(attemptKeys({ email, ip: null, userAgent: null }, this.prefix).account);
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async settle(ticket: LoginTicket, mode: 'success' | 'refund'): Promise<void> {
    const { keys } = ticket;
    await this.run(SCRIPTS.settle, keys, [this.now(), mode, ticket.id, keys.device, ticket.knownDevice ? 1 : 0, this.l.knownMs, this.l.maxDevices]);
  }

  /** EVALSHA, loading the script on the first use (and after a Redis restart). */
  private async run(s: Script, keys: AttemptKeys, args: (string | number)[]): Promise<unknown> {
    const all = [keys.pair, keys.address, keys.account, keys.devices, ...args];
    try {
      return await this.redis.evalsha(s.sha, 4, ...all);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.redis.eval(s.lua, 4, ...all);
    }
  }
}
