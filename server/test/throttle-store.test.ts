import { createHash } from 'node:crypto';
import { parse, type OperationDefinitionNode, Kind } from 'graphql';
import type { BucketLimits, BucketStore } from '../src/common/throttle/bucket';
import { MemoryBucketStore } from '../src/common/throttle/bucket.memory';
import { RedisBucketStore } from '../src/common/throttle/bucket.redis';
import { bucketIdentity } from '../src/common/throttle/throttle';
import { actualQueryCost, queryCost } from '../src/common/query-limits';
import { loadConfig } from '../src/config';
import { signAccessToken } from '../src/modules/auth/tokens';
import { buildAppSchema } from '../src/schema';
import { deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from './redis-server';

/*
 * The leaky bucket's arithmetic on an injected clock (no sleeps): charges take their cost,
 * buckets refill at restoreRate up to their maximum, a refused charge takes nothing and says how
 * long to wait, refunds give back. The same assertions run against the memory store and the
 * Redis store (a real Redis server), including concurrent charges that must not overspend.
 */

const LIMITS: BucketLimits = { maximumAvailable: 100, restoreRate: 10 };
const S = 1000;

type Factory = (clock: () => number) => { store: BucketStore; cleanUp: () => Promise<void> };

const memory: Factory = (clock) => ({ store: new MemoryBucketStore({ now: clock }), cleanUp: async () => undefined });
const redis: Factory = (clock) => {
  const url = testRedisUrl();
  const prefix = uniqueRedisPrefix();
  return { store: new RedisBucketStore({ url, prefix, now: clock }), cleanUp: () => deleteRedisPrefix(url, prefix) };
};

describe.each([
  ['memory', memory],
  ['redis', redis],
] as const)('query-cost buckets (%s store)', (_name, factory: Factory) => {
  let store: BucketStore;
  let cleanUp: () => Promise<void>;
  let at: (ms: number) => void;
  beforeEach(() => {
    const base = Date.UTC(2030, 0, 1);
    let now = base;
    const made = factory(() => now);
    store = made.store;
    cleanUp = made.cleanUp;
    at = (ms) => (now = base + ms);
  });
  afterEach(async () => {
    await cleanUp();
    await store.close();
  });

  it('starts full and goes down by each cost', async () => {
    expect(await store.charge('a', 30, LIMITS)).toEqual({ allowed: true, status: { maximumAvailable: 100, currentlyAvailable: 70, restoreRate: 10 } });
    expect((await store.charge('a', 25, LIMITS)).status.currentlyAvailable).toBe(45);
    expect((await store.charge('a', 45, LIMITS)).status.currentlyAvailable).toBe(0);
  });

  it('restores restoreRate points a second, never above the maximum', async () => {
    await store.charge('a', 100, LIMITS);
    at(2.5 * S);
    expect((await store.charge('a', 0, LIMITS)).status.currentlyAvailable).toBe(25);
    at(4 * S);
    expect((await store.charge('a', 10, LIMITS)).status.currentlyAvailable).toBe(30);
    at(60 * S);
    expect((await store.charge('a', 1, LIMITS)).status.currentlyAvailable).toBe(99);
  });

  it('refuses a charge it cannot pay, takes nothing, and says when it could', async () => {
    await store.charge('a', 95, LIMITS);
    const refused = await store.charge('a', 40, LIMITS);
    // 5 held, 35 missing at 10 a second: 3.5 s, rounded up.
    expect(refused).toEqual({ allowed: false, status: { maximumAvailable: 100, currentlyAvailable: 5, restoreRate: 10 }, retryAfterSeconds: 4 });
    at(3.4 * S);
    expect((await store.charge('a', 40, LIMITS)).allowed).toBe(false);
    at(3.5 * S);
    expect(await store.charge('a', 40, LIMITS)).toEqual({ allowed: true, status: { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 } });
  });

  it('refunds what was not spent, up to the maximum', async () => {
    await store.charge('a', 80, LIMITS);
    expect((await store.refund('a', 50, LIMITS)).currentlyAvailable).toBe(70);
    expect((await store.refund('a', 500, LIMITS)).currentlyAvailable).toBe(100);
    // A bucket never charged is full; a refund leaves it so.
    expect((await store.refund('never', 10, LIMITS)).currentlyAvailable).toBe(100);
  });

  it('keeps buckets apart, each with its own limits', async () => {
    await store.charge('a', 90, LIMITS);
    const big: BucketLimits = { maximumAvailable: 1000, restoreRate: 0.5 };
    expect((await store.charge('b', 90, big)).status).toEqual({ maximumAvailable: 1000, currentlyAvailable: 910, restoreRate: 0.5 });
    expect((await store.charge('c', 1, LIMITS)).status.currentlyAvailable).toBe(99);
    at(4 * S);
    // A fractional rate: 2 points in 4 s.
    expect((await store.charge('b', 0, big)).status.currentlyAvailable).toBe(912);
    expect((await store.charge('a', 0, LIMITS)).status.currentlyAvailable).toBe(50);
  });

  it('lets exactly floor(max / cost) of many concurrent charges through', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => store.charge('a', 7, LIMITS)));
    expect(results.filter((r) => r.allowed)).toHaveLength(Math.floor(100 / 7));
    expect((await store.charge('a', 0, LIMITS)).status.currentlyAvailable).toBe(100 - 7 * Math.floor(100 / 7));
  });
});

describe('bucket identity (no SQL: the header and the address)', () => {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/atrium-throttle-test', CLIENT_DIST_DIR: '' });

  it('names an API key by the SHA-256 of its token, a session by its id, anything else by its address', () => {
    const key = bucketIdentity(config, 'Bearer atr_abc', '10.0.0.1');
    expect(key).toEqual({ kind: 'apiKey', bucket: `key:${createHash('sha256').update('atr_abc').digest('hex')}`, limits: config.throttle.apiKey });
    expect(key.bucket).not.toContain('atr_abc');
    expect(bucketIdentity(config, 'Bearer atr_abd', null).bucket).not.toBe(key.bucket);
    const { token } = signAccessToken(config, { sub: 'u1', sid: 's1', tid: null, gen: 0 });
    expect(bucketIdentity(config, `Bearer ${token}`, '10.0.0.1')).toEqual({ kind: 'session', bucket: 'session:s1', limits: config.throttle.user });
    const forged = `${token.slice(0, -2)}xx`;
    expect(bucketIdentity(config, `Bearer ${forged}`, '10.0.0.1')).toEqual({ kind: 'address', bucket: 'ip:10.0.0.1', limits: config.throttle.anonymous });
    expect(bucketIdentity(config, undefined, '2001:db8::1').bucket).toBe('ip:2001:db8::1');
  });

  it('has defaults that let every app query through: user and key buckets at least GRAPHQL_MAX_COST', () => {
    expect(config.throttle.enabled).toBe(true);
    expect(config.throttle.user.maximumAvailable).toBeGreaterThanOrEqual(config.graphqlLimits.maxCost);
    expect(config.throttle.apiKey.maximumAvailable).toBeGreaterThan(config.throttle.user.maximumAvailable);
    expect(config.throttle.anonymous.maximumAvailable).toBeLessThan(config.throttle.user.maximumAvailable);
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), THROTTLE_USER_RESTORE_RATE: '0' })).toThrow(/THROTTLE_USER_RESTORE_RATE/);
  });
});

describe('actual query cost', () => {
  const op = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) throw new Error('no operation');
    return { document, operation };
  };

  it('equals the estimate for full pages and counts only what came back otherwise', async () => {
    const schema = await buildAppSchema();
    const { document, operation } = op('{ tickets(first: 3) { totalCount pageInfo { hasNextPage } nodes { id requester { name } assignee { name } } } }');
    const node = (assignee: boolean) => ({ id: 'x', requester: { name: 'r' }, assignee: assignee ? { name: 'a' } : null });
    const full = { tickets: { totalCount: 9, pageInfo: { hasNextPage: true }, nodes: [node(true), node(true), node(true)] } };
    expect(queryCost(schema, document, {})).toBe(1 + 3 * 3);
    expect(actualQueryCost(schema, document, operation, full)).toBe(1 + 3 * 3);
    // One ticket, without an assignee: the connection, the ticket, its requester.
    const one = { tickets: { totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [node(false)] } };
    expect(actualQueryCost(schema, document, operation, one)).toBe(3);
    expect(actualQueryCost(schema, document, operation, { tickets: { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] } })).toBe(1);
    expect(actualQueryCost(schema, document, operation, null)).toBe(0);
  });

  it('follows edges, aliases, fragments and plain lists', async () => {
    const schema = await buildAppSchema();
    const { document, operation } = op(`
      query { a: tickets(first: 2) { edges { cursor node { ...T } } } me { memberships { id } user { id } } }
      fragment T on Ticket { id requester { name } }`);
    const edge = { cursor: 'c', node: { id: 'x', requester: { name: 'r' } } };
    const data = { a: { edges: [edge, edge] }, me: { memberships: [{ id: '1' }, { id: '2' }, { id: '3' }], user: { id: 'u' } } };
    // tickets: 1 + 2 × (edge 1 + node 1 + requester 1); me: 1 + memberships (1 + 3 × 1) + user 1.
    expect(actualQueryCost(schema, document, operation, data)).toBe(1 + 2 * 3 + (1 + (1 + 3) + 1));
    expect(actualQueryCost(schema, document, operation, data)).toBeLessThanOrEqual(queryCost(schema, document, {}));
  });
});
