import type * as Argon2 from '@node-rs/argon2';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from '../../../../test/redis-server';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';

/*
 * The login limiter end to end, for both stores: real servers on real PostgreSQL, and for the
 * Redis store a real Redis server. Client addresses come from X-Forwarded-For (TRUST_PROXY).
 * Password verifications are counted at argon2 itself (the module password.ts calls), so the
 * counts are of real verifications, the unknown-email dummy included.
 */

const argon2 = jest.requireActual<typeof Argon2>('@node-rs/argon2');

const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { email } } }';

interface Device {
  ip: string;
  userAgent?: string;
}

type LoginResponse = GqlResponse<{ login: { accessToken: string; user: { email: string } } }>;

function login(app: TestApp, email: string, password: string, device: Device): Promise<LoginResponse> {
  return app.gql(LOGIN, { input: { email, password } }, { headers: { 'x-forwarded-for': device.ip, 'user-agent': device.userAgent ?? 'attacker/1.0' } });
}

function expectSignedIn(res: LoginResponse, email: string): void {
  expect(res.errors).toBeUndefined();
  expect(res.data?.login.user.email).toBe(email);
}

function expectRateLimited(res: LoginResponse): void {
  expect(codeOf(res)).toBe('RATE_LIMITED');
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions.retryAfterSeconds).toEqual(expect.any(Number));
  expect(res.errors?.[0]?.extensions.retryAfterSeconds).toBeGreaterThan(0);
  // The wait is in the Retry-After header too, as the extension says.
  expect(res.headers.get('retry-after')).toBe(String(Math.ceil(res.errors?.[0]?.extensions.retryAfterSeconds as number)));
}

/** How the answers split: wrong password (verified) or rate limited (not). */
function tally(results: LoginResponse[]): { invalid: number; limited: number; other: number } {
  const invalid = results.filter((r) => r.errors?.[0]?.extensions.reason === 'INVALID_CREDENTIALS').length;
  const limited = results.filter((r) => codeOf(r) === 'RATE_LIMITED').length;
  return { invalid, limited, other: results.length - invalid - limited };
}

const PER_ACCOUNT = 5;
const DELAY_AFTER = 8;
/** The limits of these tests: the defaults, except a long first delay, so that no test waits one out. */
const LIMIT_ENV = {
  TRUST_PROXY: 'true',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
  LOGIN_MAX_FAILURES_PER_IP: '20',
  LOGIN_ACCOUNT_DELAY_AFTER: String(DELAY_AFTER),
  LOGIN_ACCOUNT_DELAY_BASE_SECONDS: '60',
};

let verify: jest.SpiedFunction<typeof argon2.verify>;
beforeEach(() => {
  verify = jest.spyOn(argon2, 'verify');
});
afterEach(() => {
  verify.mockRestore();
});

/** Runs `fn` and returns how many passwords argon2 verified meanwhile. */
async function verificationsDuring(fn: () => Promise<unknown>): Promise<number> {
  const before = verify.mock.calls.length;
  await fn();
  return verify.mock.calls.length - before;
}

interface Store {
  name: string;
  /** Environment for one test's apps: apps started with the same one share a Redis store. */
  env(): Record<string, string>;
  cleanUp(env: Record<string, string>): Promise<void>;
}

const STORES: Store[] = [
  { name: 'memory', env: () => ({}), cleanUp: async () => undefined },
  {
    name: 'redis',
    env: () => ({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix() }),
    cleanUp: async (env) => {
      if (env.REDIS_URL && env.REDIS_KEY_PREFIX) await deleteRedisPrefix(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}`);
    },
  },
];

describe.each(STORES)('login limiter ($name store)', (store) => {
  let env: Record<string, string>;
  const apps: TestApp[] = [];
  const start = async (): Promise<TestApp> => {
    const app = await startTestApp({ env: { ...LIMIT_ENV, ...env } });
    apps.push(app);
    return app;
  };
  beforeEach(() => {
    env = store.env();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await store.cleanUp(env);
  });

  it('counts real password verifications (control for the counts below)', async () => {
    const t = await start();
    expect(await verificationsDuring(() => login(t, 'member@acme.test', 'wrong-password', { ip: '203.0.113.1' }))).toBe(1);
    expect(await verificationsDuring(() => login(t, 'nobody@acme.test', 'wrong-password', { ip: '203.0.113.1' }))).toBe(1);
  });

  it('of 60 concurrent wrong passwords from one address, only the limit are verified; the rest answer RATE_LIMITED unverified', async () => {
    const t = await start();
    const attacker = { ip: '203.0.113.7' };
    let results: LoginResponse[] = [];
    const verified = await verificationsDuring(async () => {
      results = await Promise.all(Array.from({ length: 60 }, () => login(t, 'member@acme.test', 'wrong-password', attacker)));
    });
    expect(verified).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(verified).toBe(PER_ACCOUNT);
    expect(tally(results)).toEqual({ invalid: verified, limited: 60 - verified, other: 0 });
    for (const r of results.filter((x) => codeOf(x) === 'RATE_LIMITED')) expectRateLimited(r);

    // The right password from that address is refused too, without being verified.
    let blocked: LoginResponse | undefined;
    expect(
      await verificationsDuring(async () => {
        blocked = await login(t, 'member@acme.test', DEMO_PASSWORD, attacker);
      }),
    ).toBe(0);
    if (!blocked) throw new Error('no response');
    expectRateLimited(blocked);
  });

  it('of 60 concurrent wrong passwords from 60 addresses, only LOGIN_ACCOUNT_DELAY_AFTER are verified', async () => {
    const t = await start();
    let results: LoginResponse[] = [];
    const verified = await verificationsDuring(async () => {
      results = await Promise.all(Array.from({ length: 60 }, (_, i) => login(t, 'member@acme.test', 'wrong-password', { ip: `203.0.113.${i + 1}` })));
    });
    expect(verified).toBeLessThanOrEqual(DELAY_AFTER);
    expect(verified).toBe(DELAY_AFTER);
    expect(tally(results)).toEqual({ invalid: verified, limited: 60 - verified, other: 0 });
  });

  it('the owner still signs in from another address after an attacker exhausted the limits from one', async () => {
    const t = await start();
    const attacker = { ip: '203.0.113.7' };
    const results = await Promise.all(Array.from({ length: 30 }, () => login(t, 'member@acme.test', 'wrong-password', attacker)));
    expect(tally(results).limited).toBe(30 - PER_ACCOUNT);
    expectRateLimited(await login(t, 'member@acme.test', DEMO_PASSWORD, attacker));

    expectSignedIn(await login(t, 'member@acme.test', DEMO_PASSWORD, { ip: '198.51.100.20', userAgent: 'OwnerPhone/1.0' }), 'member@acme.test');
    // The lock is this account from that address: another account there is not locked.
    expectSignedIn(await login(t, 'viewer@acme.test', DEMO_PASSWORD, attacker), 'viewer@acme.test');
  });

  it('an attack from many addresses delays a new device, but not the owner\'s known device, whose sign-in clears the delay', async () => {
    const t = await start();
    const laptop = { ip: '192.0.2.10', userAgent: 'OwnerLaptop/1.0' };
    expectSignedIn(await login(t, 'member@acme.test', DEMO_PASSWORD, laptop), 'member@acme.test');

    await Promise.all(Array.from({ length: 20 }, (_, i) => login(t, 'member@acme.test', 'wrong-password', { ip: `203.0.113.${i + 1}` })));
    const newDevice = { ip: '198.51.100.20', userAgent: 'OwnerPhone/1.0' };
    const delayed = await login(t, 'member@acme.test', DEMO_PASSWORD, newDevice);
    expectRateLimited(delayed);
    expect(delayed.errors?.[0]?.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The laptop's address with another user agent is not the laptop.
    expectRateLimited(await login(t, 'member@acme.test', DEMO_PASSWORD, { ip: laptop.ip }));

    expectSignedIn(await login(t, 'member@acme.test', DEMO_PASSWORD, laptop), 'member@acme.test');
    expectSignedIn(await login(t, 'member@acme.test', DEMO_PASSWORD, newDevice), 'member@acme.test');
  });

  it('clearAccount (which the password reset will call) lifts the account-wide delay', async () => {
    const t = await start();
    await Promise.all(Array.from({ length: 20 }, (_, i) => login(t, 'member@acme.test', 'wrong-password', { ip: `203.0.113.${i + 1}` })));
    const owner = { ip: '198.51.100.20', userAgent: 'OwnerPhone/1.0' };
    expectRateLimited(await login(t, 'member@acme.test', DEMO_PASSWORD, owner));
    await t.app.services.loginLimiter.clearAccount('Member@Acme.test');
    expectSignedIn(await login(t, 'member@acme.test', DEMO_PASSWORD, owner), 'member@acme.test');
  });
});

describe('login limiter across app instances (redis store)', () => {
  let env: Record<string, string>;
  const apps: TestApp[] = [];
  beforeEach(() => {
    env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix() };
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await deleteRedisPrefix(env.REDIS_URL ?? '', env.REDIS_KEY_PREFIX ?? '');
  });

  it('two app instances on one Redis share the limits', async () => {
    // Each instance has its own database (both seeded with the same demo accounts) and one Redis.
    const a = await startTestApp({ env: { ...LIMIT_ENV, ...env } });
    apps.push(a);
    const b = await startTestApp({ env: { ...LIMIT_ENV, ...env } });
    apps.push(b);
    const attacker = { ip: '203.0.113.50' };
    for (let i = 0; i < PER_ACCOUNT; i++) {
      expect(codeOf(await login(a, 'member@acme.test', 'wrong-password', attacker))).toBe('UNAUTHENTICATED');
    }
    let blocked: LoginResponse | undefined;
    expect(
      await verificationsDuring(async () => {
        blocked = await login(b, 'member@acme.test', DEMO_PASSWORD, attacker);
      }),
    ).toBe(0);
    if (!blocked) throw new Error('no response');
    expectRateLimited(blocked);

    // Concurrent guesses through both instances from many addresses: the account-wide limit holds across them.
    let results: LoginResponse[] = [];
    const verified = await verificationsDuring(async () => {
      results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(i % 2 ? a : b, 'viewer@acme.test', 'wrong-password', { ip: `198.51.100.${i + 1}` })));
    });
    expect(verified).toBe(DELAY_AFTER);
    expect(tally(results)).toEqual({ invalid: DELAY_AFTER, limited: 40 - DELAY_AFTER, other: 0 });
    // Two databases to clone and seed: more than the default timeout on a busy machine.
  }, 180_000);
});
