import { deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from '../../../../test/redis-server';
import type { LoginLimiter, LoginReservation, LoginTicket } from '../login-limiter';
import { MemoryLoginLimiter } from '../login-limiter.memory';
import type { LoginAttempt, LoginLimits } from '../login-limiter.policy';
import { RedisLoginLimiter } from '../login-limiter.redis';

/*
 * The limiter's arithmetic on an injected clock (no sleeps): windows expire, the account-wide
 * delay doubles up to its cap, known devices skip it, successes and refunds give attempts back.
 * The same assertions run against the memory store and the Redis store (a real Redis server).
 */

const LIMITS: LoginLimits = {
  perAccount: 3,
  perIp: 5,
  windowSeconds: 60,
  accountDelayAfter: 4,
  accountDelayBaseSeconds: 2,
  accountDelayMaxSeconds: 16,
  knownDeviceDays: 1,
};

const S = 1000;
const DAY = 86_400 * S;

interface Subject {
  limiter: LoginLimiter;
  /** Sets the injected clock, in milliseconds since the start of the test. */
  at(ms: number): void;
  cleanUp: () => Promise<void>;
}

type Factory = (clock: () => number) => { limiter: LoginLimiter; cleanUp: () => Promise<void> };

const memory: Factory = (clock) => ({ limiter: new MemoryLoginLimiter(LIMITS, { now: clock }), cleanUp: async () => undefined });

const redis: Factory = (clock) => {
  const url = testRedisUrl();
  const prefix = uniqueRedisPrefix();
  return {
    limiter: new RedisLoginLimiter({ url, prefix, limits: LIMITS, now: clock }),
    cleanUp: () => deleteRedisPrefix(url, prefix),
  };
};

const from = (ip: string, userAgent = 'test/1.0') => ({ ip, userAgent });
const attemptOf = (email: string, device: { ip: string; userAgent: string }): LoginAttempt => ({ email, ...device });

/** The ticket of an allowed reservation; fails the test on a refusal. */
function ticketOf(r: LoginReservation): LoginTicket {
  if (!r.allowed) throw new Error(`expected the attempt to be allowed, was refused for ${r.retryAfterSeconds} s`);
  return r.ticket;
}

describe.each([
  ['memory', memory],
  ['redis', redis],
] as const)('login limiter arithmetic (%s store)', (_name, factory: Factory) => {
  let s: Subject;
  beforeEach(() => {
    // An arbitrary fixed epoch: everything below is relative to it.
    const base = Date.UTC(2030, 0, 1);
    let now = base;
    const made = factory(() => now);
    s = { limiter: made.limiter, at: (ms) => (now = base + ms), cleanUp: made.cleanUp };
  });
  afterEach(async () => {
    await s.cleanUp();
    await s.limiter.close();
  });

  /** Reserves and leaves the reservation as a failure; returns the reservation. */
  const fail = (email: string, device = from('10.0.0.1')) => s.limiter.reserve(attemptOf(email, device));
  const expectAllowed = async (r: Promise<LoginReservation>) => expect((await r).allowed).toBe(true);
  const expectRefused = async (r: Promise<LoginReservation>, retryAfterSeconds: number) =>
    expect(await r).toEqual({ allowed: false, retryAfterSeconds });

  it('locks an account + address after perAccount failures until the oldest leaves the window', async () => {
    for (const t of [0, 10, 20]) {
      s.at(t * S);
      await expectAllowed(fail('a@x.test'));
    }
    await expectRefused(fail('a@x.test'), 40);
    // Only that pair: the same account from elsewhere, and another account from here, go on.
    await expectAllowed(fail('a@x.test', from('10.0.0.2')));
    await expectAllowed(fail('b@x.test'));
    s.at(59 * S + 999);
    await expectRefused(fail('a@x.test'), 1);
    // Refused attempts did not count: at 60 s the first failure has left the window.
    s.at(60 * S);
    await expectAllowed(fail('a@x.test'));
    await expectRefused(fail('a@x.test'), 10);
  });

  it('locks an address after perIp failures across accounts', async () => {
    for (let i = 0; i < 5; i++) {
      s.at(i * S);
      await expectAllowed(fail(`user${i}@x.test`));
    }
    await expectRefused(fail('other@x.test'), 56);
    await expectAllowed(fail('other@x.test', from('10.0.0.2')));
  });

  it('delays an account attacked from many addresses, doubling up to the cap, and forgets after a quiet window', async () => {
    let n = 0;
    const elsewhere = () => from(`10.1.0.${++n}`);
    // accountDelayAfter (4) failures need no wait.
    for (let i = 0; i < 4; i++) await expectAllowed(fail('a@x.test', elsewhere()));
    // Then 2 s after the last attempt, 4 s, 8 s, 16 s, and 16 s again (the cap).
    let last = 0;
    for (const delay of [2, 4, 8, 16, 16]) {
      s.at((last + delay) * S - 1);
      await expectRefused(fail('a@x.test', elsewhere()), 1);
      s.at((last + delay - 1.5) * S);
      await expectRefused(fail('a@x.test', elsewhere()), 2);
      s.at((last + delay) * S);
      await expectAllowed(fail('a@x.test', elsewhere()));
      last += delay;
    }
    // Other accounts are not slowed.
    await expectAllowed(fail('b@x.test', elsewhere()));
    // The count outlives the delays: after the wait, the capped delay again, not a fresh start.
    last += 16;
    s.at(last * S);
    await expectAllowed(fail('a@x.test', elsewhere()));
    await expectRefused(fail('a@x.test', elsewhere()), 16);
    // A whole window without an attempt: the count starts again.
    s.at((last + 60) * S);
    for (let i = 0; i < 4; i++) await expectAllowed(fail('a@x.test', elsewhere()));
    await expectRefused(fail('a@x.test', elsewhere()), 2);
  });

  it('lets a known device past the account-wide delay; its success clears it, a new device only refunds', async () => {
    const laptop = from('192.0.2.10', 'OwnerLaptop/1.0');
    await s.limiter.succeeded(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', laptop))));

    let n = 0;
    const elsewhere = () => from(`10.2.0.${++n}`);
    for (let i = 0; i < 4; i++) await expectAllowed(fail('a@x.test', elsewhere()));
    await expectRefused(fail('a@x.test', elsewhere()), 2);
    // The device is the address and the user agent: the same address with another agent is a stranger.
    await expectRefused(fail('a@x.test', from('192.0.2.10', 'Other/1.0')), 2);

    // A new device with the right password (after the wait): its own attempt is refunded, the rest stays.
    s.at(2 * S);
    const phone = from('198.51.100.7', 'OwnerPhone/1.0');
    const first = ticketOf(await s.limiter.reserve(attemptOf('a@x.test', phone)));
    expect(first.knownDevice).toBe(false);
    await s.limiter.succeeded(first);
    await expectRefused(fail('a@x.test', elsewhere()), 2);

    // The known laptop is not delayed; its success clears the account.
    const known = ticketOf(await s.limiter.reserve(attemptOf('a@x.test', laptop)));
    expect(known.knownDevice).toBe(true);
    await s.limiter.succeeded(known);
    for (let i = 0; i < 4; i++) await expectAllowed(fail('a@x.test', elsewhere()));
    await expectRefused(fail('a@x.test', elsewhere()), 2);
    // The phone signed in once, so it is known now too.
    expect(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', phone))).knownDevice).toBe(true);

    // Known for knownDeviceDays since the last sign-in.
    s.at(2 * S + DAY);
    expect(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', laptop))).knownDevice).toBe(false);
  });

  it('remembers the 20 most recent devices of an account', async () => {
    for (let i = 0; i < 21; i++) {
      s.at(i * S);
      await s.limiter.succeeded(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', from(`10.3.0.${i}`)))));
    }
    expect(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', from('10.3.0.1')))).knownDevice).toBe(true);
    expect(ticketOf(await s.limiter.reserve(attemptOf('a@x.test', from('10.3.0.0')))).knownDevice).toBe(false);
  });

  it('a success forgets its account + address failures but not the address count; a refund gives the attempt back', async () => {
    // From a known device, so that the account-wide delay stays out of this test.
    await s.limiter.succeeded(ticketOf(await fail('a@x.test')));
    await expectAllowed(fail('a@x.test'));
    await expectAllowed(fail('a@x.test'));
    await s.limiter.succeeded(ticketOf(await fail('a@x.test')));
    // The pair starts again: three more failures before it locks.
    for (let i = 0; i < 3; i++) await expectAllowed(fail('a@x.test'));
    await expectRefused(fail('a@x.test'), 60);
    // The address counted 2 + 3 failures (the success was refunded): it is at its limit of 5.
    await expectRefused(fail('b@x.test'), 60);

    const other = from('10.0.0.9');
    await expectAllowed(fail('c@x.test', other));
    await expectAllowed(fail('c@x.test', other));
    await s.limiter.refund(ticketOf(await fail('c@x.test', other)));
    await expectAllowed(fail('c@x.test', other));
    await expectRefused(fail('c@x.test', other), 60);
  });

  it('clearAccount forgets the account-wide count (for the password reset), not the address locks', async () => {
    for (let i = 0; i < 3; i++) await expectAllowed(fail('a@x.test'));
    await expectAllowed(fail('a@x.test', from('10.0.0.2')));
    await expectRefused(fail('a@x.test', from('10.0.0.3')), 2);
    await s.limiter.clearAccount('a@x.test');
    await expectAllowed(fail('a@x.test', from('10.0.0.3')));
    await expectRefused(fail('a@x.test'), 60);
  });

  it('of many concurrent reservations for one account + address, exactly perAccount are granted', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => fail('a@x.test')));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    const concurrent = await Promise.all(Array.from({ length: 50 }, (_, i) => fail('b@x.test', from(`10.4.0.${i}`))));
    expect(concurrent.filter((r) => r.allowed)).toHaveLength(4);
  });
});
