import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../common/global-id';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { recordSystemEvent } from '../event.service';
import { EventSeverity } from '../system-event.entity';

/** The events histogram: the list's filter counted in time buckets, scoped and audited as the list is. */

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeId: string;
let globexId: string;
const FROM = new Date('2026-03-01T00:00:00.000Z');
const TO = new Date('2026-03-01T04:00:00.000Z');
const Q = `query($filter: SystemEventFilter, $buckets: Int!) {
  systemEventHistogram(filter: $filter, buckets: $buckets) { from to bucketSeconds buckets { start end count errors } }
}`;

type Histogram = { from: string; to: string; bucketSeconds: number; buckets: { start: string; end: string; count: number; errors: number }[] };

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const em = t.orm.em.fork();
  const at = (minutes: number) => new Date(FROM.getTime() + minutes * 60_000);
  // acme: 2 in the first hour (one an error), 1 in the third; globex: 3 in the second hour; the platform: 1 in the fourth.
  recordSystemEvent(em, { tenantId: acmeId, type: 'histo.run.failed', source: 'executor', severity: EventSeverity.ERROR, occurredAt: at(5), correlationId: randomUUID() });
  recordSystemEvent(em, { tenantId: acmeId, type: 'histo.run.done', source: 'executor', occurredAt: at(59) });
  recordSystemEvent(em, { tenantId: acmeId, type: 'histo.ticket.created', source: 'api', occurredAt: at(150) });
  for (const m of [60, 90, 119]) recordSystemEvent(em, { tenantId: globexId, type: 'histo.run.done', source: 'executor', severity: EventSeverity.CRITICAL, occurredAt: at(m) });
  recordSystemEvent(em, { tenantId: null, type: 'histo.platform.deploy', source: 'deploy', occurredAt: at(200) });
  // Outside the range: not counted.
  recordSystemEvent(em, { tenantId: acmeId, type: 'histo.run.done', source: 'executor', occurredAt: at(240) });
  await em.flush();
  for (const email of ['staff@atrium.test', 'owner@acme.test', 'member@acme.test']) tokens[email] = (await t.login(email)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

const counts = (h: Histogram) => h.buckets.map((b) => b.count);

it('counts staff-visible events (every tenant and the platform) per bucket, errors apart; audited', async () => {
  const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'systemEventHistogram'`);
  const res = await t.gql(Q, { filter: { type: 'histo.', from: FROM.toISOString(), to: TO.toISOString() }, buckets: 4 }, { token: tokens['staff@atrium.test'] });
  expect(res.errors).toBeUndefined();
  const h = res.data?.systemEventHistogram as Histogram;
  expect(h.bucketSeconds).toBe(3600);
  expect(h.buckets.map((b) => b.start)).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-01T01:00:00.000Z', '2026-03-01T02:00:00.000Z', '2026-03-01T03:00:00.000Z']);
  expect(counts(h)).toEqual([2, 3, 1, 1]);
  expect(h.buckets.map((b) => b.errors)).toEqual([1, 3, 0, 0]);
  expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'systemEventHistogram'`)).toBe(before + 1);

  // The list's filters apply: one tenant, a source, a severity.
  const globex = await t.gql(Q, { filter: { type: 'histo.', from: FROM.toISOString(), to: TO.toISOString(), tenantId: toGlobalId('Tenant', globexId) }, buckets: 4 }, { token: tokens['staff@atrium.test'] });
  expect(counts(globex.data?.systemEventHistogram as Histogram)).toEqual([0, 3, 0, 0]);
  const api = await t.gql(Q, { filter: { type: 'histo.', source: 'api', from: FROM.toISOString(), to: TO.toISOString() }, buckets: 2 }, { token: tokens['staff@atrium.test'] });
  expect(counts(api.data?.systemEventHistogram as Histogram)).toEqual([0, 1]);
  const errors = await t.gql(Q, { filter: { type: 'histo.', minSeverity: 'ERROR', from: FROM.toISOString(), to: TO.toISOString() }, buckets: 1 }, { token: tokens['staff@atrium.test'] });
  expect(counts(errors.data?.systemEventHistogram as Histogram)).toEqual([4]);
});

it("counts only the caller's tenant inside a tenant; another tenant's id counts nothing", async () => {
  const own = await t.gql(Q, { filter: { type: 'histo.', from: FROM.toISOString(), to: TO.toISOString() }, buckets: 4 }, { token: tokens['owner@acme.test'] });
  expect(own.errors).toBeUndefined();
  expect(counts(own.data?.systemEventHistogram as Histogram)).toEqual([2, 0, 1, 0]);
  const other = await t.gql(Q, { filter: { type: 'histo.', from: FROM.toISOString(), to: TO.toISOString(), tenantId: toGlobalId('Tenant', globexId) }, buckets: 4 }, { token: tokens['owner@acme.test'] });
  expect(counts(other.data?.systemEventHistogram as Histogram)).toEqual([0, 0, 0, 0]);
  const member = await t.gql(Q, { buckets: 4 }, { token: tokens['member@acme.test'] });
  expect(codeOf(member)).toBe('FORBIDDEN');
});

it('is bounded: 1 to 120 buckets, a range of at most 400 days, from before to', async () => {
  const staff = { token: tokens['staff@atrium.test'] };
  expect(codeOf(await t.gql(Q, { buckets: 0 }, staff))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.gql(Q, { buckets: 121 }, staff))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.gql(Q, { filter: { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, buckets: 10 }, staff))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.gql(Q, { filter: { from: TO.toISOString(), to: FROM.toISOString() }, buckets: 10 }, staff))).toBe('BAD_USER_INPUT');
  const dflt = await t.gql(Q, { buckets: 24 }, staff);
  const h = dflt.data?.systemEventHistogram as Histogram;
  expect(new Date(h.to).getTime() - new Date(h.from).getTime()).toBe(24 * 3600 * 1000);
  expect(h.buckets).toHaveLength(24);
});
