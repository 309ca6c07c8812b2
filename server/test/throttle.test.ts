import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { startTestApp, type TestApp } from './harness';
import { deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from './redis-server';

/*
 * Query-cost budgets over real HTTP, against both stores: every answer carries
 * `extensions.cost`, the bucket goes down by what was really returned, a drained bucket answers
 * 429 before any SQL, buckets are kept per session, per API-key token and per address, and
 * with Redis two app instances share one bucket that concurrent requests cannot overspend.
 */

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[]; extensions?: { cost?: Cost } };
  cost: Cost;
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as Answer['body'];
  const cost = body.extensions?.cost;
  if (!cost) throw new Error(`no extensions.cost in ${JSON.stringify(body)}`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, cost };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const from = (ip: string) => ({ 'x-forwarded-for': ip });

/** Restores so slowly that nothing comes back during a test: statuses are exact. */
const FROZEN = '0.001';

interface Store {
  name: string;
  env(): Record<string, string>;
  cleanUp(env: Record<string, string>): Promise<void>;
}

const STORES: Store[] = [
  { name: 'memory', env: () => ({}), cleanUp: async () => undefined },
  {
    name: 'redis',
    env: () => ({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix() }),
    cleanUp: async (env) => {
      if (env.REDIS_URL && env.REDIS_KEY_PREFIX) await deleteRedisPrefix(env.REDIS_URL, env.REDIS_KEY_PREFIX);
    },
  },
];

describe.each(STORES)('query-cost budgets over HTTP ($name store)', (store) => {
  let env: Record<string, string>;
  let t: TestApp;
  /** Tickets the viewer sees: a page of exactly this many comes back full. */
  let visible: number;

  beforeAll(async () => {
    env = store.env();
    t = await startTestApp({
      env: {
        ...env,
        TRUST_PROXY: 'true',
        THROTTLE_USER_MAX: '500',
        THROTTLE_USER_RESTORE_RATE: FROZEN,
        THROTTLE_KEY_MAX: '3',
        THROTTLE_KEY_RESTORE_RATE: FROZEN,
        THROTTLE_ANONYMOUS_MAX: '3',
        THROTTLE_ANONYMOUS_RESTORE_RATE: '4',
      },
    });
    const viewer = (await t.login('viewer@acme.test')).accessToken;
    const count = await post(t.url, '{ tickets(first: 100) { totalCount } }', bearer(viewer));
    visible = count.body.data.tickets.totalCount;
    expect(visible).toBeGreaterThan(1);
    expect(visible).toBeLessThan(100);
  });
  afterAll(async () => {
    await t.close();
    await store.cleanUp(env);
  });

  /** A fresh session of the viewer (its own bucket). Signs in from its own address. */
  const session = async (ip: string) => {
    const res = await post(t.url, 'mutation { login(input: { email: "viewer@acme.test", password: "atrium-demo" }) { accessToken } }', from(ip));
    return res.body.data.login.accessToken as string;
  };

  it('charges what came back: fewer rows than the page size are refunded, and the bucket goes down by the actual cost', async () => {
    const token = await session('192.0.2.1');
    const query = '{ tickets(first: 100) { nodes { id requester { name } } } }';
    const first = await post(t.url, query, bearer(token));
    expect(first.status).toBe(200);
    const n = first.body.data.tickets.nodes.length as number;
    expect(n).toBe(visible);
    expect(first.cost.requestedQueryCost).toBe(1 + 100 * 2);
    expect(first.cost.actualQueryCost).toBe(1 + n * 2);
    expect(first.cost.actualQueryCost).toBeLessThan(first.cost.requestedQueryCost);
    // Charged 201 up front, refunded 201 - actual: only the actual cost is gone.
    expect(first.cost.throttleStatus).toEqual({ maximumAvailable: 500, currentlyAvailable: 500 - (1 + n * 2), restoreRate: 0.001 });
    const second = await post(t.url, query, bearer(token));
    expect(second.cost.throttleStatus?.currentlyAvailable).toBe(500 - 2 * (1 + n * 2));
    const cheap = await post(t.url, '{ me { user { id } } }', bearer(token));
    expect(cheap.cost).toEqual({ requestedQueryCost: 2, actualQueryCost: 2, throttleStatus: { maximumAvailable: 500, currentlyAvailable: 500 - 2 * (1 + n * 2) - 2, restoreRate: 0.001 } });
  });

  it('answers a drained bucket with 429, Retry-After and RATE_LIMITED before any SQL; other sessions keep their own bucket', async () => {
    const token = await session('192.0.2.2');
    // A full page: nothing to refund, every request spends 1 + visible.
    const query = `{ tickets(first: ${visible}) { nodes { id } } }`;
    const cost = 1 + visible;
    const fits = Math.floor(500 / cost);
    for (let i = 1; i <= fits; i++) {
      const res = await post(t.url, query, bearer(token));
      expect(res.status).toBe(200);
      expect(res.cost.throttleStatus?.currentlyAvailable).toBe(500 - i * cost);
    }
    let refused: Answer | undefined;
    const { count, sql } = await t.countQueries(async () => {
      refused = await post(t.url, query, bearer(token));
    });
    expect(sql).toEqual([]);
    expect(count).toBe(0);
    if (!refused) throw new Error('no answer');
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'THROTTLED', requestedQueryCost: cost });
    const left = 500 - fits * cost;
    expect(refused.cost).toEqual({ requestedQueryCost: cost, actualQueryCost: null, throttleStatus: { maximumAvailable: 500, currentlyAvailable: left, restoreRate: 0.001 } });
    // The time to restore the missing points, at 0.001 a second.
    const wait = Number(refused.retryAfter);
    expect(wait).toBe(refused.body.errors?.[0]?.extensions.retryAfterSeconds);
    expect(wait).toBeGreaterThanOrEqual(Math.floor((cost - left - 1) / 0.001));
    expect(wait).toBeLessThanOrEqual(Math.ceil((cost - left) / 0.001));

    // Another session of the same user has its own, full bucket.
    const other = await session('192.0.2.2');
    const ok = await post(t.url, query, bearer(other));
    expect(ok.status).toBe(200);
    expect(ok.cost.throttleStatus?.currentlyAvailable).toBe(500 - cost);
  });

  it('keeps one bucket per API-key token, before any SQL', async () => {
    const keyA = bearer('atr_throttle_test_key_a');
    const keyB = bearer('atr_throttle_test_key_b');
    for (let i = 0; i < 3; i++) expect((await post(t.url, '{ __typename }', { ...keyA, ...from(`198.51.100.${i}`) })).status).toBe(200);
    let refused: Answer | undefined;
    const { count } = await t.countQueries(async () => {
      refused = await post(t.url, '{ __typename }', { ...keyA, ...from('198.51.100.9') });
    });
    expect(count).toBe(0);
    expect(refused?.status).toBe(429);
    expect(refused?.cost.throttleStatus).toEqual({ maximumAvailable: 3, currentlyAvailable: 0, restoreRate: 0.001 });
    expect((await post(t.url, '{ __typename }', { ...keyB, ...from('198.51.100.10') })).status).toBe(200);
  });

  it('gives a real API key its own key-sized bucket, and refuses it before any SQL once drained', async () => {
    const owner = (await t.login('owner@acme.test')).accessToken;
    const created = await post(t.url, 'mutation { createApiKey(input: { name: "throttled partner", permissions: ["ticket:read"] }) { secret } }', bearer(owner));
    const key = bearer(created.body.data.createApiKey.secret as string);
    const first = await post(t.url, '{ me { apiKey { name } } }', { ...key, ...from('198.51.100.40') });
    expect(first.body.data.me.apiKey.name).toBe('throttled partner');
    expect(first.cost.throttleStatus?.maximumAvailable).toBe(3);
    let left = first.cost.throttleStatus?.currentlyAvailable ?? 0;
    while (left >= 1) {
      const res = await post(t.url, '{ __typename }', { ...key, ...from('198.51.100.41') });
      expect(res.status).toBe(200);
      left = res.cost.throttleStatus?.currentlyAvailable ?? 0;
    }
    let refused: Answer | undefined;
    const { count } = await t.countQueries(async () => {
      refused = await post(t.url, '{ __typename }', { ...key, ...from('198.51.100.42') });
    });
    expect(count).toBe(0);
    expect(refused?.status).toBe(429);
    expect(refused?.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  });

  it('charges a key that does not authenticate to its address as well', async () => {
    // Made-up keys, each with a fresh key bucket, from one address: its bucket (3) still runs dry.
    // Sent at once, so that the address's refill (4 a second) cannot hand back a point between
    // them on a slow machine.
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => post(t.url, '{ __typename }', { ...bearer(`atr_made_up_${i}`), ...from('198.51.100.77') })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 429, 429]);
  });

  it('keeps one bucket per address for anonymous calls, and restores it over time', async () => {
    for (let i = 3; i > 0; i--) {
      const res = await post(t.url, '{ __typename }', from('203.0.113.1'));
      expect(res.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
      expect(res.cost.throttleStatus?.currentlyAvailable).toBe(i - 1);
    }
    const refused = await post(t.url, '{ __typename }', from('203.0.113.1'));
    expect(refused.status).toBe(429);
    // Missing at most 1 point at 4 a second: one second, rounded up.
    expect(refused.retryAfter).toBe('1');
    expect((await post(t.url, '{ __typename }', from('203.0.113.2'))).status).toBe(200);
    // 4 points a second: after 0.6 s at least 2 are back.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const later = await post(t.url, '{ __typename }', from('203.0.113.1'));
    expect(later.status).toBe(200);
    expect(later.cost.throttleStatus?.currentlyAvailable).toBeGreaterThanOrEqual(1);
  });

  it('refuses a query dearer than the bucket can ever hold as too complex, without charging', async () => {
    const res = await post(t.url, '{ tickets(first: 5) { nodes { id } } }', from('203.0.113.50'));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', cost: 6, maxCost: 3 });
    expect(res.cost).toEqual({ requestedQueryCost: 6, actualQueryCost: null, throttleStatus: { maximumAvailable: 3, currentlyAvailable: 3, restoreRate: 4 } });
  });
});

describe('query-cost budgets across app instances (redis store)', () => {
  let env: Record<string, string>;
  let t: TestApp;
  let second: App;
  let secondUrl: string;

  beforeAll(async () => {
    env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix() };
    t = await startTestApp({ env: { ...env, THROTTLE_USER_MAX: '10', THROTTLE_USER_RESTORE_RATE: FROZEN } });
    // A second instance of the API on the same database and Redis, with the same configuration.
    second = await createApp(t.app.services.config, t.orm, createLogger('silent'));
    await new Promise<void>((resolve) => second.server.listen(0, '127.0.0.1', resolve));
    secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    await deleteRedisPrefix(env.REDIS_URL ?? '', env.REDIS_KEY_PREFIX ?? '');
  });

  /** Three objects, all of which come back: costs 3 and spends 3. */
  const QUERY = '{ me { user { id } tenant { id } } }';

  it('shares one bucket between two instances', async () => {
    const token = (await t.login('viewer@acme.test')).accessToken;
    const a = await post(t.url, QUERY, bearer(token));
    expect(a.cost).toEqual({ requestedQueryCost: 3, actualQueryCost: 3, throttleStatus: { maximumAvailable: 10, currentlyAvailable: 7, restoreRate: 0.001 } });
    const b = await post(secondUrl, QUERY, bearer(token));
    expect(b.cost.throttleStatus?.currentlyAvailable).toBe(4);
    expect((await post(t.url, QUERY, bearer(token))).cost.throttleStatus?.currentlyAvailable).toBe(1);
    const refused = await post(secondUrl, QUERY, bearer(token));
    expect(refused.status).toBe(429);
    expect(refused.cost.throttleStatus?.currentlyAvailable).toBe(1);
  });

  it('lets exactly floor(max / cost) of many concurrent requests through, across both instances', async () => {
    const token = (await t.login('agent@acme.test')).accessToken;
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => post(i % 2 ? secondUrl : t.url, QUERY, bearer(token))));
    const allowed = answers.filter((a) => a.status === 200);
    expect(allowed).toHaveLength(Math.floor(10 / 3));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(24 - Math.floor(10 / 3));
    for (const a of allowed) expect(a.body.errors).toBeUndefined();
    const after = await post(secondUrl, '{ __typename }', bearer(token));
    expect(after.cost.throttleStatus?.currentlyAvailable).toBe(10 - 3 * Math.floor(10 / 3) - 1);
  });
});
