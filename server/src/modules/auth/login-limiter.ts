/**
 * The login limiter: how many passwords anyone may try, and for which account.
 *
 * An attempt is *reserved* atomically before its password is verified; a refused reservation
 * answers RATE_LIMITED (with a retry-after) and no password is verified. A wrong password
 * keeps the reservation as the recorded failure; a right one refunds it. So of any number of
 * concurrent guesses, no more than the limit reach argon2. Three counts, one reservation:
 *
 * - account + address: `perAccount` failures (LOGIN_MAX_FAILURES_PER_ACCOUNT) within the
 *   sliding window (LOGIN_FAILURE_WINDOW_SECONDS) lock this account *from this address* until
 *   the oldest of them leaves the window. This is the only hard lock on an account.
 * - address: `perIp` failures (LOGIN_MAX_FAILURES_PER_IP) from one address, for any accounts,
 *   lock the address the same way.
 * - account, from all addresses: after `accountDelayAfter` failures (LOGIN_ACCOUNT_DELAY_AFTER)
 *   each further attempt must wait, after the account's previous attempt, base × 2^(failures −
 *   accountDelayAfter), at most `accountDelayMaxSeconds` (LOGIN_ACCOUNT_DELAY_BASE_SECONDS,
 *   LOGIN_ACCOUNT_DELAY_MAX_SECONDS; the cap is at most the window). The count is forgotten
 *   only after a whole window with no attempt, so an attacker spread over many addresses gets
 *   one guess per capped delay, while the owner is never locked out for longer than that.
 *
 * Known devices: an address + user agent that signed in successfully is remembered for the
 * account (LOGIN_KNOWN_DEVICE_DAYS, the 20 most recent). From a known device the account-wide
 * delay does not apply (the account + address and address limits still do), and signing in
 * from one that was already known clears the account's count. A first sign-in from a new
 * device refunds its own reservation only: an attacker who does know the password gains nothing
 * from resetting the count, but the owner's next sign-in from that device clears it. Copying a
 * user agent does not help an attacker elsewhere: the address is part of the device.
 *
 * A successful sign-in also forgets the failures of its account + address (the owner mistyped).
 * `clearAccount(email)` forgets the account-wide count; the password reset (a later issue) will
 * call it once the new password is set.
 *
 * Stores: Redis when REDIS_URL is set (shared by every API instance; each operation is one Lua
 * script, so concurrent instances cannot interleave; a single Redis, not Cluster: the keys of
 * one attempt live in different slots), else memory (one process). Both implement the same
 * arithmetic and run the same tests. Emails and addresses are stored hashed. When Redis cannot
 * be reached, logins fail rather than go unlimited.
 */
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';
import { MemoryLoginLimiter } from './login-limiter.memory';
import type { LoginLimiter } from './login-limiter.policy';
import { RedisLoginLimiter } from './login-limiter.redis';

export type { LoginAttempt, LoginLimiter, LoginLimits, LoginReservation, LoginTicket } from './login-limiter.policy';

/** Redis when REDIS_URL is set, else memory. */
export function createLoginLimiter(config: Pick<Config, 'loginLimits' | 'redisUrl' | 'redisKeyPrefix'>, logger: Logger): LoginLimiter {
  if (config.redisUrl) return new RedisLoginLimiter({ url: config.redisUrl, prefix: `${config.redisKeyPrefix}login:`, limits: config.loginLimits, logger });
  return new MemoryLoginLimiter(config.loginLimits);
}
