import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { type CrossTenantContext, describeCrossTenant, type ReadCase } from '../../../../test/cross-tenant';
import { toGlobalId } from '../../../common/global-id';
import { Migration20261123230700, OBSERVABILITY_GRANTS } from '../../../migrations/Migration20261123230700';
import { SYSTEM_ROLES } from '../../../permissions/catalog';
import { hashPassword } from '../../auth/password';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { User } from '../../users/user.entity';
import { type EventRow, insertEvents } from '../event.factory';
import { EventSeverity } from '../system-event.entity';

/*
 * The system events API on a real server: filters, pages, single reads, tenant isolation
 * (list, get, node, nodes, filters), staff reach (audited), and the SQL statement count.
 * The events live in two tenants made here ("ev-one", "ev-two") plus platform-wide ones, all
 * with types under "evt." so that seeded events never change the expected numbers.
 */

let t: TestApp;
const PASSWORD = 'pw-events-123';
const HOUR = 3_600_000;
const NOW = Date.now();

interface Made extends EventRow {
  id: string;
  occurredAt: Date;
  severity: EventSeverity;
  source: string;
}
const one: Made[] = [];
const two: Made[] = [];
const global: Made[] = [];
let oneTenantId: string;
let twoTenantId: string;
const tokens: Record<string, string> = {};

const TYPES = ['evt.run.started', 'evt.run.failed', 'evt.message.received', 'evt.kyc.submitted'];
const SEVERITIES = [EventSeverity.DEBUG, EventSeverity.INFO, EventSeverity.WARNING, EventSeverity.ERROR, EventSeverity.CRITICAL, EventSeverity.INFO];
const SOURCES = ['executor', 'ingest', 'kyc'];

const FIELDS = 'id type severity source correlationId occurredAt payload tenant { slug }';
const LIST = `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int, $filter: SystemEventFilter) {
  systemEvents(first: $first, last: $last, after: $after, before: $before, offset: $offset, filter: $filter) {
    totalCount
    nodes { ${FIELDS} }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const GET = `query($id: ID!) { systemEvent(id: $id) { ${FIELDS} } }`;

interface EventNode {
  id: string;
  type: string;
  severity: EventSeverity;
  source: string;
  correlationId: string | null;
  occurredAt: string;
  tenant: { slug: string } | null;
}

const gid = (e: Made) => toGlobalId('SystemEvent', e.id);
/** Newest first, as the API orders them (ties broken by id, descending). */
const newestFirst = (rows: Made[]) =>
  [...rows].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

async function list(token: string, variables: Record<string, unknown>) {
  const res = await t.gql<{ systemEvents: { totalCount: number; nodes: EventNode[]; pageInfo: Record<string, any> } }>(LIST, variables, { token });
  return res;
}

async function makeUser(email: string): Promise<User> {
  const em = t.orm.em.fork();
  const user = em.create(User, { email, name: email.split('@')[0] ?? email, passwordHash: await hashPassword(PASSWORD) });
  em.persist(user);
  await em.flush();
  return user;
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const users = {
    oneAgent: await makeUser('agent@ev-one.test'),
    oneViewer: await makeUser('viewer@ev-one.test'),
    twoAgent: await makeUser('agent@ev-two.test'),
  };
  const p1 = provisionTenant(em, { slug: 'ev-one', name: 'Events One' });
  const p2 = provisionTenant(em, { slug: 'ev-two', name: 'Events Two' });
  addMember(em, p1, em.getReference(User, users.oneAgent.id), 'agent');
  addMember(em, p1, em.getReference(User, users.oneViewer.id), 'viewer');
  addMember(em, p2, em.getReference(User, users.twoAgent.id), 'agent');
  await em.flush();
  oneTenantId = p1.tenant.id;
  twoTenantId = p2.tenant.id;

  const make = (tenantId: string | null, n: number, into: Made[], corrPrefix: string) => {
    const rows: Omit<Made, 'id'>[] = [];
    for (let i = 0; i < n; i++) {
      rows.push({
        tenantId,
        type: TYPES[i % TYPES.length] ?? 'evt.other',
        severity: SEVERITIES[i % SEVERITIES.length] ?? EventSeverity.INFO,
        source: SOURCES[i % SOURCES.length] ?? 'executor',
        payload: { i },
        correlationId: i % 10 === 0 ? `${corrPrefix}-shared` : `${corrPrefix}-${i}`,
        // Every third pair shares a timestamp, so ordering ties are exercised.
        occurredAt: new Date(NOW - (i - (i % 3 === 1 ? 1 : 0)) * HOUR),
      });
    }
    return rows;
  };
  for (const [tenantId, n, into, prefix] of [
    [oneTenantId, 30, one, 'ev1'],
    [twoTenantId, 10, two, 'ev2'],
    [null, 5, global, 'evg'],
  ] as const) {
    const rows = make(tenantId, n, into, prefix);
    const ids = await insertEvents(t.orm.em.fork(), rows);
    rows.forEach((r, i) => into.push({ ...r, id: ids[i] ?? '' }));
  }

  tokens.oneAgent = (await t.login('agent@ev-one.test', 'ev-one', PASSWORD)).accessToken;
  tokens.oneViewer = (await t.login('viewer@ev-one.test', 'ev-one', PASSWORD)).accessToken;
  tokens.twoAgent = (await t.login('agent@ev-two.test', 'ev-two', PASSWORD)).accessToken;
  tokens.staff = (await t.login('staff@atrium.test')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('systemEvents for a tenant agent', () => {
  it("lists the tenant's events only, newest first, with the total", async () => {
    const res = await list(tokens.oneAgent, { first: 100 });
    expect(res.errors).toBeUndefined();
    const page = res.data?.systemEvents;
    expect(page?.totalCount).toBe(30);
    expect(page?.nodes.map((n) => n.id)).toEqual(newestFirst(one).map(gid));
    expect(page?.nodes.every((n) => n.tenant?.slug === 'ev-one')).toBe(true);
    expect(page?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it.each([
    ['type, exact', { type: 'evt.run.failed' }, (e: Made) => e.type === 'evt.run.failed'],
    ['type, prefix ending in "."', { type: 'evt.run.' }, (e: Made) => e.type.startsWith('evt.run.')],
    ['minSeverity', { minSeverity: 'ERROR' }, (e: Made) => [EventSeverity.ERROR, EventSeverity.CRITICAL].includes(e.severity)],
    ['severities', { severities: ['DEBUG', 'CRITICAL'] }, (e: Made) => [EventSeverity.DEBUG, EventSeverity.CRITICAL].includes(e.severity)],
    ['source', { source: 'kyc' }, (e: Made) => e.source === 'kyc'],
    ['correlationId', { correlationId: 'ev1-shared' }, (e: Made) => e.correlationId === 'ev1-shared'],
    [
      'time range (from inclusive, to exclusive)',
      { from: new Date(NOW - 10 * HOUR).toISOString(), to: new Date(NOW - 2 * HOUR).toISOString() },
      (e: Made) => e.occurredAt.getTime() >= NOW - 10 * HOUR && e.occurredAt.getTime() < NOW - 2 * HOUR,
    ],
    ['type and minSeverity together', { type: 'evt.run.', minSeverity: 'WARNING' }, (e: Made) => e.type.startsWith('evt.run.') && [EventSeverity.WARNING, EventSeverity.ERROR, EventSeverity.CRITICAL].includes(e.severity)],
  ])('filters by %s', async (_name, filter, keep) => {
    const expected = newestFirst(one.filter(keep)).map(gid);
    // The filter must select something and leave something out, or the test proves nothing.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(one.length);
    const res = await list(tokens.oneAgent, { first: 100, filter });
    expect(res.errors).toBeUndefined();
    expect(res.data?.systemEvents.nodes.map((n) => n.id)).toEqual(expected);
    expect(res.data?.systemEvents.totalCount).toBe(expected.length);
  });

  it('takes a type prefix literally: "%" and "_" match themselves only', async () => {
    const res = await list(tokens.oneAgent, { first: 100, filter: { type: 'evt.%.' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.systemEvents.totalCount).toBe(0);
  });

  it.each([
    [{ minSeverity: 'ERROR', severities: ['DEBUG'] }, 'filter.severities'],
    [{ from: new Date(NOW).toISOString(), to: new Date(NOW - HOUR).toISOString() }, 'filter.from'],
    [{ tenantId: toGlobalId('Tenant', '00000000-0000-7000-8000-000000000000'), platformOnly: true }, 'filter.platformOnly'],
  ])('refuses contradictory filters %j with BAD_USER_INPUT naming the field', async (filter, field) => {
    const res = await list(tokens.oneAgent, { first: 10, filter });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.fields).toEqual([expect.objectContaining({ field })]);
    expect(res.data?.systemEvents ?? null).toBeNull();
  });

  it('refuses a type longer than 100 characters and a page larger than 100', async () => {
    const long = await list(tokens.oneAgent, { first: 10, filter: { type: 'x'.repeat(101) } });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.extensions.fields).toEqual([{ field: 'filter.type', message: 'type must be between 1 and 100 characters.' }]);
    const big = await list(tokens.oneAgent, { first: 101 });
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
  });

  it('pages forward by cursor through every event exactly once, ties included', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const res = await list(tokens.oneAgent, { first: 7, after });
      expect(res.errors).toBeUndefined();
      const page = res.data?.systemEvents;
      seen.push(...(page?.nodes.map((n) => n.id) ?? []));
      expect(page?.pageInfo.hasPreviousPage).toBe(after !== undefined);
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(newestFirst(one).map(gid));
  });

  it('pages backward by cursor and by offset, agreeing with the full order', async () => {
    const all = newestFirst(one).map(gid);
    const first = await list(tokens.oneAgent, { first: 12 });
    const before = first.data?.systemEvents.pageInfo.endCursor;
    const back = await list(tokens.oneAgent, { last: 5, before });
    expect(back.errors).toBeUndefined();
    expect(back.data?.systemEvents.nodes.map((n) => n.id)).toEqual(all.slice(6, 11));
    expect(back.data?.systemEvents.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const offset = await list(tokens.oneAgent, { first: 5, offset: 20 });
    expect(offset.data?.systemEvents.nodes.map((n) => n.id)).toEqual(all.slice(20, 25));
    expect(offset.data?.systemEvents.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('reads one event by id, with its payload', async () => {
    const e = one[4];
    if (!e) throw new Error('fixture');
    const res = await t.gql(GET, { id: gid(e) }, { token: tokens.oneAgent });
    expect(res.errors).toBeUndefined();
    expect(res.data?.systemEvent).toMatchObject({ id: gid(e), type: e.type, severity: e.severity, source: e.source, payload: { i: 4 }, tenant: { slug: 'ev-one' } });
    expect(new Date(res.data?.systemEvent.occurredAt).getTime()).toBe(e.occurredAt.getTime());
  });

  it('answers FORBIDDEN to a viewer, who lacks event:read', async () => {
    const res = await list(tokens.oneViewer, { first: 5 });
    expect(codeOf(res)).toBe('FORBIDDEN');
    const one4 = one[4];
    if (!one4) throw new Error('fixture');
    expect(codeOf(await t.gql(GET, { id: gid(one4) }, { token: tokens.oneViewer }))).toBe('FORBIDDEN');
    // Nor through node(id).
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: gid(one4) }, { token: tokens.oneViewer });
    expect(codeOf(node)).toBe('NOT_FOUND');
  });
});

const NODE = 'query($id: ID!) { node(id: $id) { id ... on SystemEvent { type payload } } }';
const nodeOf = (rows: Made[], i: number): string => {
  const e = rows[i];
  if (!e) throw new Error('fixture');
  return gid(e);
};

interface EvForeign {
  other: string;
  platform: string;
  /** Every ev-two and platform event. */
  others: string[];
  tenant: string;
}
type EvContext = CrossTenantContext<EvForeign, { event: string }>;

/** Filters an ev-one caller might try to reach other events with. */
const REACHING_FILTERS: [string, (c: EvContext) => Record<string, unknown>][] = [
  ['no filter', () => ({})],
  ['filter.tenantId of ev-two', (c) => ({ tenantId: c.foreign.tenant })],
  ['filter.platformOnly', () => ({ platformOnly: true })],
  ["filter.correlationId of ev-two's events", () => ({ correlationId: 'ev2-shared' })],
  ['filter.type prefix shared by all', () => ({ type: 'evt.' })],
];

describe('tenant isolation of system events', () => {
  describeCrossTenant<EvForeign, { event: string }>("ev-two's and platform events", {
    app: () => t,
    as: { label: 'agent@ev-one.test', token: () => tokens.oneAgent },
    foreign: () => ({ other: nodeOf(two, 0), platform: nodeOf(global, 0), others: [...two, ...global].map(gid), tenant: toGlobalId('Tenant', twoTenantId) }),
    own: () => ({ event: nodeOf(one, 0) }),
    reads: [
      ...REACHING_FILTERS.map(([label, filter]): ReadCase<EvForeign, { event: string }> => ({
        name: `systemEvents with ${label} lists ev-one's events only`,
        query: LIST,
        variables: (c) => ({ first: 100, filter: filter(c) }),
        expect: { ownOnly: { tenant: 'ev-one', excludes: (c) => c.foreign.others } },
      })),
      { name: 'systemEvents filtered by the ev-two tenant', query: LIST, variables: (c) => ({ first: 100, filter: { tenantId: c.foreign.tenant } }), at: 'systemEvents', expect: 'empty' },
      { name: 'systemEvents filtered to platform events', query: LIST, variables: () => ({ first: 100, filter: { platformOnly: true } }), at: 'systemEvents', expect: 'empty' },
      { name: "systemEvent(id) on an ev-two event", query: GET, variables: (c) => ({ id: c.foreign.other }), expect: 'NOT_FOUND' },
      { name: 'systemEvent(id) on a platform event', query: GET, variables: (c) => ({ id: c.foreign.platform }), expect: 'NOT_FOUND' },
      { name: 'node(id) on an ev-two event', query: NODE, variables: (c) => ({ id: c.foreign.other }), expect: 'NOT_FOUND' },
      { name: 'node(id) on a platform event', query: NODE, variables: (c) => ({ id: c.foreign.platform }), expect: 'NOT_FOUND' },
      {
        name: 'nodes(ids) with its own event, an ev-two event and a platform event',
        query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: (c) => ({ ids: [c.own.event, c.foreign.other, c.foreign.platform] }),
        expect: { nodes: (c) => [c.own.event, null, null] },
      },
    ],
  });

  // And the other way round.
  describeCrossTenant<{ event: string }>("ev-one's events", {
    app: () => t,
    as: { label: 'agent@ev-two.test', token: () => tokens.twoAgent },
    foreign: () => ({ event: nodeOf(one, 0) }),
    reads: [{ name: 'systemEvent(id) on an ev-one event', query: GET, variables: (c) => ({ id: c.foreign.event }), expect: 'NOT_FOUND' }],
  });
});

describe('systemEvents for platform staff', () => {
  async function accessRows(): Promise<{ tenant_id: string | null; diff: Record<string, any> }[]> {
    return t.sql(`select tenant_id, diff from audit_logs where action = 'platform.access' order by created_at, id`);
  }

  it('lists events of every tenant and the platform, and the read is audited', async () => {
    const before = await accessRows();
    const res = await list(tokens.staff, { first: 100, filter: { type: 'evt.' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.systemEvents.nodes.map((n) => n.id)).toEqual(newestFirst([...one, ...two, ...global]).map(gid));
    expect(res.data?.systemEvents.nodes.filter((n) => n.tenant === null)).toHaveLength(global.length);
    const after = await accessRows();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.diff).toMatchObject({ operation: 'systemEvents', filter: { type: 'evt.' } });
  });

  it('narrows to one tenant with tenantId (audited against that tenant), or to platform events with platformOnly', async () => {
    const byTenant = await list(tokens.staff, { first: 100, filter: { tenantId: toGlobalId('Tenant', twoTenantId), type: 'evt.' } });
    expect(byTenant.data?.systemEvents.nodes.map((n) => n.id)).toEqual(newestFirst(two).map(gid));
    expect((await accessRows()).at(-1)?.tenant_id).toBe(twoTenantId);

    const platform = await list(tokens.staff, { first: 100, filter: { platformOnly: true, type: 'evt.' } });
    expect(platform.data?.systemEvents.nodes.map((n) => n.id)).toEqual(newestFirst(global).map(gid));
    const tenantsOnly = await list(tokens.staff, { first: 100, filter: { platformOnly: false, type: 'evt.' } });
    expect(tenantsOnly.data?.systemEvents.totalCount).toBe(one.length + two.length);
  });

  it('reads a platform event and another tenant event by id, each read audited', async () => {
    const platform = global[2];
    const other = two[3];
    if (!platform || !other) throw new Error('fixture');
    const before = (await accessRows()).length;
    const a = await t.gql(GET, { id: gid(platform) }, { token: tokens.staff });
    expect(a.data?.systemEvent).toMatchObject({ id: gid(platform), tenant: null });
    const b = await t.gql(GET, { id: gid(other) }, { token: tokens.staff });
    expect(b.data?.systemEvent).toMatchObject({ id: gid(other), tenant: { slug: 'ev-two' } });
    const rows = await accessRows();
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)).toMatchObject({ tenant_id: twoTenantId, diff: { operation: 'systemEvent', eventId: other.id } });
  });
});

describe('systemEvents SQL statement count', () => {
  it('sends session lookup, page and one tenants batch, however many events are listed', async () => {
    const QUERY = 'query($first: Int) { systemEvents(first: $first) { nodes { id type tenant { slug name } } } }';
    const counted = async (first: number) =>
      t.countQueries(async () => {
        const res = await t.gql(QUERY, { first }, { token: tokens.oneAgent });
        expect(res.errors).toBeUndefined();
        expect(res.data?.systemEvents.nodes).toHaveLength(first);
      });
    const thirty = await counted(30);
    const three = await counted(3);
    expect(thirty.sql).toHaveLength(3);
    expect(three.sql).toHaveLength(3);
    expect(thirty.sql.filter((s) => /from "tenants"/.test(s))).toHaveLength(1);
  });
});

describe('the observability grants migration', () => {
  it('adds the new permissions to existing system roles, once, and leaves custom roles alone', async () => {
    const [acme] = await t.sql<{ id: string }>(`select id from tenants where slug = 'acme'`);
    const old: Record<string, string[]> = {};
    for (const [name, def] of Object.entries(SYSTEM_ROLES)) {
      old[name] = def.permissions.filter((p) => !Object.values(OBSERVABILITY_GRANTS).flat().includes(p));
    }
    // Roles as they were before the migration (and one custom role).
    for (const [name, perms] of Object.entries(old)) {
      await t.sql(`update roles set permissions = ?::text[] where tenant_id = ? and name = ?`, [`{${perms.join(',')}}`, acme?.id, name]);
    }
    await t.sql(
      `insert into roles (id, tenant_id, name, description, permissions, system, created_at, updated_at)
       values (gen_random_uuid(), ?, 'triage-grants', null, '{ticket:read}', false, now(), now())`,
      [acme?.id],
    );
    const migration = new Migration20261123230700(t.orm.em.getDriver(), t.orm.config);
    const apply = async (direction: 'up' | 'down') => {
      migration.reset();
      await migration[direction]();
      for (const q of migration.getQueries()) {
        if (typeof q !== 'string') throw new Error('the grants migration only adds SQL strings');
        await t.sql(q);
      }
    };
    const roles = async () =>
      Object.fromEntries(
        (await t.sql<{ name: string; permissions: string[] }>(`select name, permissions from roles where tenant_id = ? order by name`, [acme?.id])).map((r) => [
          r.name,
          [...r.permissions].sort(),
        ]),
      );

    await apply('up');
    const up = await roles();
    for (const [name, def] of Object.entries(SYSTEM_ROLES)) expect({ name, perms: up[name] }).toEqual({ name, perms: [...def.permissions].sort() });
    expect(up['triage-grants']).toEqual(['ticket:read']);
    await apply('up');
    expect(await roles()).toEqual(up);

    await apply('down');
    const down = await roles();
    for (const [name, perms] of Object.entries(old)) expect({ name, perms: down[name] }).toEqual({ name, perms: [...perms].sort() });
    await apply('up');
    expect(await roles()).toEqual(up);
  });
});
