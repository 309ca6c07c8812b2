import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../common/global-id';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant, type ReadCase } from '../../../../test/cross-tenant';

let t: TestApp;
const tokens: Record<string, string> = {};

/** Global ids of the audit rows matching `where`, in the API's order: newest first, then id. */
async function dbIds(where: string, params: unknown[] = []): Promise<string[]> {
  const rows = await t.sql<{ id: string }>(`select id from audit_logs where (${where}) order by created_at desc, id desc`, params);
  return rows.map((r) => toGlobalId('AuditLog', r.id));
}

const AUDIT = `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int, $filter: AuditLogFilter) {
  auditLogs(first: $first, last: $last, after: $after, before: $before, offset: $offset, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id action actor { email } targetType targetId diff correlationId ip createdAt tenant { slug } }
  }
}`;

interface AuditNode {
  id: string;
  action: string;
  actor: { email: string } | null;
  targetType: string | null;
  targetId: string | null;
  diff: Record<string, unknown> | null;
  correlationId: string | null;
  ip: string | null;
  createdAt: string;
  tenant: { slug: string } | null;
}
interface AuditPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: AuditNode[];
}

async function auditLogs(token: string | undefined, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<GqlResponse<{ auditLogs: AuditPage }>> {
  return t.gql<{ auditLogs: AuditPage }>(AUDIT, { first: 100, ...variables }, { token, headers });
}

/** One page that must succeed. */
async function page(token: string | undefined, variables: Record<string, unknown> = {}): Promise<AuditPage> {
  const res = await auditLogs(token, variables);
  expect(res.errors).toBeUndefined();
  return res.data?.auditLogs as AuditPage;
}

const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id version } }';
const UPDATE_TICKET = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id version } }';

let acmeId: string;
let globexId: string;
/** The ticket created with X-Correlation-Id audit-corr-0001, then updated by the agent. */
let tracedTicket: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'admin@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test']) {
    tokens[email] = (await t.login(email, 'acme')).accessToken;
  }
  tokens['owner@globex.test'] = (await t.login('owner@globex.test', 'globex')).accessToken;
  tokens['owner@globex.test/acme'] = (await t.login('owner@globex.test', 'acme')).accessToken;
  tokens['staff@atrium.test'] = (await t.login('staff@atrium.test')).accessToken;
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');

  // A failed sign-in (a platform row: no tenant).
  const failed = await t.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: 'admin@acme.test', password: 'wrong-password' } });
  expect(codeOf(failed)).toBe('UNAUTHENTICATED');

  // acme activity: a traced ticket, created then updated, and a few more.
  const created = await t.gql(
    CREATE_TICKET,
    { input: { subject: 'Traced ticket', body: 'Follow me through the audit log.' } },
    { token: tokens['member@acme.test'], headers: { 'X-Correlation-Id': 'audit-corr-0001' } },
  );
  expect(created.errors).toBeUndefined();
  tracedTicket = created.data?.createTicket.id;
  const updated = await t.gql(UPDATE_TICKET, { input: { id: tracedTicket, version: 1, status: 'PENDING', priority: 'HIGH' } }, { token: tokens['agent@acme.test'] });
  expect(updated.errors).toBeUndefined();
  for (let i = 0; i < 6; i++) {
    const who = i % 2 ? 'agent@acme.test' : 'member@acme.test';
    const res = await t.gql(CREATE_TICKET, { input: { subject: `Audit filler ${i}`, body: 'Something to audit.' } }, { token: tokens[who] });
    expect(res.errors).toBeUndefined();
  }
  // globex activity.
  const globexTicket = await t.gql(CREATE_TICKET, { input: { subject: 'Globex only', body: 'Not for acme eyes.' } }, { token: tokens['owner@globex.test'] });
  expect(globexTicket.errors).toBeUndefined();
  // A platform change (no tenant).
  const flag = await t.gql('mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { id } }', { input: { key: 'audit.test-flag', defaultEnabled: true } }, { token: tokens['staff@atrium.test'] });
  expect(flag.errors).toBeUndefined();
});

afterAll(async () => {
  await t?.close();
});

/* ------------------------------------------------------------------ */
/* 1. A tenant admin reads its own trail                               */
/* ------------------------------------------------------------------ */

describe('auditLogs for a tenant admin', () => {
  it("lists exactly the tenant's rows, newest first", async () => {
    const expected = await dbIds('tenant_id = ?', [acmeId]);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(100);
    expect(await t.count('select count(*) as n from audit_logs where tenant_id is distinct from ?', [acmeId])).toBeGreaterThan(0);

    const p = await page(tokens['admin@acme.test']);
    expect(p.totalCount).toBe(await t.count('select count(*) as n from audit_logs where tenant_id = ?', [acmeId]));
    expect(p.nodes.map((n) => n.id)).toEqual(expected);
    expect(p.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(p.nodes.every((n) => n.tenant?.slug === 'acme')).toBe(true);
    const times = p.nodes.map((n) => Date.parse(n.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i]);
    // Newest first for real: the globex and platform rows made last are not here, the acme ones made last are on top.
    expect(p.nodes[0]?.action).toBe('ticket.created');
    expect(p.nodes.at(-1)?.action).toBe('auth.login');
  });

  it('exposes action, actor, target, diff, correlation id, ip and time as stored', async () => {
    const p = await page(tokens['owner@acme.test']);
    const row = p.nodes.find((n) => n.correlationId === 'audit-corr-0001');
    expect(row).toBeDefined();
    expect(row).toMatchObject({
      action: 'ticket.created',
      actor: { email: 'member@acme.test' },
      targetType: 'Ticket',
      targetId: tracedTicket,
      correlationId: 'audit-corr-0001',
      tenant: { slug: 'acme' },
    });
    expect(row?.diff).toMatchObject({ after: { subject: 'Traced ticket', priority: 'NORMAL' } });
    expect(row?.ip).toMatch(/127\.0\.0\.1/);

    const db = await t.sql<{ created_at: Date; ip: string; diff: unknown }>("select created_at, ip, diff from audit_logs where correlation_id = 'audit-corr-0001'");
    expect(db).toHaveLength(1);
    expect(row?.createdAt).toBe(new Date(db[0]?.created_at).toISOString());
    expect(row?.ip).toBe(db[0]?.ip);
    expect(row?.diff).toEqual(db[0]?.diff);

    const update = p.nodes.find((n) => n.action === 'ticket.updated' && n.targetId === tracedTicket);
    expect(update).toMatchObject({ actor: { email: 'agent@acme.test' }, targetType: 'Ticket', diff: { before: { status: 'OPEN', priority: 'NORMAL' }, after: { status: 'PENDING', priority: 'HIGH' } } });
    // Every row carries a correlation id; the admin's own sign-in is there with its session as target.
    expect(p.nodes.every((n) => typeof n.correlationId === 'string' && n.correlationId.length > 0)).toBe(true);
    expect(p.nodes.some((n) => n.action === 'auth.login' && n.actor?.email === 'admin@acme.test' && n.targetType === 'Session')).toBe(true);
  });
});

/* ------------------------------------------------------------------ */
/* 2. Filters and pagination                                           */
/* ------------------------------------------------------------------ */

describe('auditLogs filters match the database', () => {
  async function check(filter: Record<string, unknown>, whereSql: string, params: unknown[] = [], token = tokens['admin@acme.test']): Promise<AuditNode[]> {
    const expected = await dbIds(`tenant_id = ? and (${whereSql})`, [acmeId, ...params]);
    expect(expected.length).toBeLessThan(100);
    const p = await page(token, { filter });
    expect(p.totalCount).toBe(expected.length);
    expect(p.nodes.map((n) => n.id)).toEqual(expected);
    return p.nodes;
  }

  it('validates the filter: a correlation id over 128 characters answers BAD_USER_INPUT', async () => {
    const res = await auditLogs(tokens['admin@acme.test'], { first: 1, filter: { correlationId: 'c'.repeat(129) } });
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions.fields)).toContain('correlationId');
  });

  it('action: exact', async () => {
    const nodes = await check({ action: 'ticket.created' }, "action = 'ticket.created'");
    expect(nodes).toHaveLength(7);
    expect(new Set(nodes.map((n) => n.action))).toEqual(new Set(['ticket.created']));
    expect(await check({ action: 'auth.login' }, "action = 'auth.login'")).toHaveLength(6);
  });

  it('action: a prefix ending in "."', async () => {
    const tickets = await check({ action: 'ticket.' }, "action like 'ticket.%'");
    expect(new Set(tickets.map((n) => n.action))).toEqual(new Set(['ticket.created', 'ticket.updated']));
    expect(tickets).toHaveLength(8);
    const auth = await check({ action: 'auth.' }, "action like 'auth.%'");
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((n) => n.action.startsWith('auth.'))).toBe(true);
  });

  it('action: without the dot it is exact, and wildcards are literal', async () => {
    expect(await check({ action: 'ticket' }, "action = 'ticket'")).toHaveLength(0);
    expect(await check({ action: 'ticket.create' }, "action = 'ticket.create'")).toHaveLength(0);
    expect(await check({ action: '%.' }, 'false')).toHaveLength(0);
    expect(await check({ action: '_icket.' }, 'false')).toHaveLength(0);
    expect(await check({ action: 'ticket.%' }, 'false')).toHaveLength(0);
  });

  it('actorId', async () => {
    const agent = await t.userId('agent@acme.test');
    const nodes = await check({ actorId: toGlobalId('User', agent) }, 'actor_id = ?', [agent]);
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    expect(nodes.every((n) => n.actor?.email === 'agent@acme.test')).toBe(true);
    const member = await t.userId('member@acme.test');
    const combined = await check({ actorId: toGlobalId('User', member), action: 'ticket.' }, "actor_id = ? and action like 'ticket.%'", [member]);
    expect(combined).toHaveLength(4);
  });

  it('actorId must be a User id', async () => {
    const malformed = await auditLogs(tokens['admin@acme.test'], { filter: { actorId: 'nope!' } });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    const wrongType = await auditLogs(tokens['admin@acme.test'], { filter: { actorId: tracedTicket } });
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
  });

  it('targetId: the global id of an updated ticket gives its update and creation', async () => {
    const nodes = await check({ targetId: tracedTicket }, 'target_id = ?', [tracedTicket]);
    expect(nodes.map((n) => [n.action, n.actor?.email])).toEqual([
      ['ticket.updated', 'agent@acme.test'],
      ['ticket.created', 'member@acme.test'],
    ]);
    expect(await check({ targetId: toGlobalId('Ticket', randomUUID()) }, 'false')).toHaveLength(0);
  });

  it('targetType: the rows about one kind of object, combined with an action', async () => {
    const tickets = await check({ targetType: 'Ticket' }, "target_type = 'Ticket'");
    expect(tickets.length).toBeGreaterThanOrEqual(8);
    expect(new Set(tickets.map((n) => n.targetType))).toEqual(new Set(['Ticket']));
    expect(await check({ targetType: 'Ticket', action: 'ticket.updated' }, "target_type = 'Ticket' and action = 'ticket.updated'")).toHaveLength(1);
    expect(await check({ targetType: 'ticket' }, 'false')).toHaveLength(0);
  });

  it('correlationId: the rows one request wrote', async () => {
    const nodes = await check({ correlationId: 'audit-corr-0001' }, "correlation_id = 'audit-corr-0001'");
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ action: 'ticket.created', targetId: tracedTicket, correlationId: 'audit-corr-0001' });
    expect(await check({ correlationId: 'audit-corr-0002' }, 'false')).toHaveLength(0);
  });

  it('from/to: an inclusive date range', async () => {
    const rows = await t.sql<{ created_at: Date }>('select created_at from audit_logs where tenant_id = ? order by created_at, id', [acmeId]);
    const from = new Date(rows[Math.floor(rows.length / 4)]?.created_at);
    const to = new Date(rows[Math.floor((rows.length * 3) / 4)]?.created_at);
    expect(to.getTime()).toBeGreaterThan(from.getTime());
    const between = await check({ from: from.toISOString(), to: to.toISOString() }, 'created_at >= ? and created_at <= ?', [from, to]);
    expect(between.length).toBeGreaterThan(0);
    expect(between.length).toBeLessThan(rows.length);
    // Both ends are included.
    expect(between.some((n) => n.createdAt === from.toISOString())).toBe(true);
    expect(between.some((n) => n.createdAt === to.toISOString())).toBe(true);
    const after = await check({ from: from.toISOString() }, 'created_at >= ?', [from]);
    const before = await check({ to: to.toISOString() }, 'created_at <= ?', [to]);
    expect(after.length + before.length - between.length).toBe(rows.length);
    expect(await check({ from: to.toISOString(), to: from.toISOString() }, 'false')).toHaveLength(0);
    expect(await check({ from: '2000-01-01T00:00:00.000Z', to: '2000-12-31T23:59:59.999Z' }, 'false')).toHaveLength(0);
  });

  describe('pagination walks give every matching row once, in order', () => {
    const SIZE = 4;

    async function cursorWalk(filter: Record<string, unknown> | null): Promise<string[]> {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const p = await page(tokens['admin@acme.test'], { first: SIZE, after, filter });
        expect(p.nodes.length).toBeLessThanOrEqual(SIZE);
        expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...p.nodes.map((n) => n.id));
        if (!p.pageInfo.hasNextPage) break;
        expect(p.nodes).toHaveLength(SIZE);
        after = p.pageInfo.endCursor;
      }
      return seen;
    }

    async function backwardWalk(filter: Record<string, unknown> | null): Promise<string[]> {
      const seen: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 100; i++) {
        const p = await page(tokens['admin@acme.test'], { first: undefined, last: SIZE, before, filter });
        seen.unshift(...p.nodes.map((n) => n.id));
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor;
      }
      return seen;
    }

    async function offsetWalk(filter: Record<string, unknown> | null): Promise<string[]> {
      const seen: string[] = [];
      for (let offset = 0; offset < 1000; offset += SIZE) {
        const p = await page(tokens['admin@acme.test'], { first: SIZE, offset, filter });
        expect(p.pageInfo.hasPreviousPage).toBe(offset > 0);
        seen.push(...p.nodes.map((n) => n.id));
        if (!p.pageInfo.hasNextPage) break;
      }
      return seen;
    }

    it.each([
      ['no filter', null, 'true', []],
      ['action prefix "ticket."', { action: 'ticket.' }, "action like 'ticket.%'", []],
      ['action prefix "auth."', { action: 'auth.' }, "action like 'auth.%'", []],
    ] as const)('%s', async (_name, filter, whereSql, params) => {
      const expected = await dbIds(`tenant_id = ? and (${whereSql})`, [acmeId, ...params]);
      expect(expected.length).toBeGreaterThan(SIZE);
      const byCursor = await cursorWalk(filter);
      expect(byCursor).toEqual(expected);
      expect(new Set(byCursor).size).toBe(byCursor.length);
      expect(await backwardWalk(filter)).toEqual(expected);
      expect(await offsetWalk(filter)).toEqual(expected);
    });
  });
});

/* ------------------------------------------------------------------ */
/* 3. Who may read what                                                */
/* ------------------------------------------------------------------ */

describe('auditLogs access', () => {
  it('viewer, agent and member (and the globex owner acting in acme as a member) get FORBIDDEN; anonymous gets UNAUTHENTICATED', async () => {
    for (const email of ['viewer@acme.test', 'agent@acme.test', 'member@acme.test', 'owner@globex.test/acme']) {
      const res = await auditLogs(tokens[email]);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data?.auditLogs ?? null).toBeNull();
    }
    const anon = await auditLogs(undefined);
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');
    expect(anon.data?.auditLogs ?? null).toBeNull();
  });

  // Reads by tenant users leave no platform.access row.
  const platformAccessRows = () => t.count("select count(*) as n from audit_logs where action = 'platform.access'");

  interface AuditForeign {
    ticket: string;
    agent: string;
    tenant: string;
  }
  /** Filters that would name acme rows: they find nothing. */
  const ACME_NAMING_FILTERS: [string, (foreign: AuditForeign) => Record<string, unknown>][] = [
    ['filter.targetId of an acme ticket', (f) => ({ targetId: f.ticket })],
    ['filter.correlationId of an acme request', () => ({ correlationId: 'audit-corr-0001' })],
    ['filter.actorId of an acme agent', (f) => ({ actorId: f.agent })],
    ["filter.action only acme's rows have", () => ({ action: 'ticket.updated' })],
    ['filter.tenantId of acme', (f) => ({ tenantId: f.tenant })],
  ];

  describeCrossTenant<AuditForeign>('acme audit rows', {
    app: () => t,
    as: { label: 'owner@globex.test in globex', token: () => tokens['owner@globex.test'] },
    foreign: async () => ({ ticket: tracedTicket, agent: toGlobalId('User', await t.userId('agent@acme.test')), tenant: toGlobalId('Tenant', acmeId) }),
    unchanged: platformAccessRows,
    reads: [
      {
        name: 'auditLogs lists globex rows only',
        query: AUDIT,
        variables: () => ({ first: 100 }),
        expect: async (res) => {
          const expected = await dbIds('tenant_id = ?', [globexId]);
          expect(expected.length).toBeGreaterThan(0);
          expect(res.errors).toBeUndefined();
          const p = res.data?.auditLogs as AuditPage;
          expect(p.totalCount).toBe(expected.length);
          expect(p.nodes.map((n) => n.id)).toEqual(expected);
          expect(p.nodes.every((n) => n.tenant?.slug === 'globex')).toBe(true);
          expect(p.nodes.some((n) => n.action === 'ticket.created')).toBe(true);
        },
      },
      ...ACME_NAMING_FILTERS.map(([label, filter]): ReadCase<AuditForeign> => ({ name: `auditLogs with ${label}`, query: AUDIT, variables: (c) => ({ first: 100, filter: filter(c.foreign) }), at: 'auditLogs', expect: 'empty' })),
    ],
  });

  describeCrossTenant('globex audit rows', {
    app: () => t,
    as: { label: 'admin@acme.test', token: () => tokens['admin@acme.test'] },
    foreign: () => ({ tenant: toGlobalId('Tenant', globexId) }),
    unchanged: platformAccessRows,
    reads: [
      {
        name: 'auditLogs with filter.tenantId of globex; naming their own tenant changes nothing',
        query: AUDIT,
        variables: (c) => ({ first: 100, filter: { tenantId: c.foreign.tenant } }),
        at: 'auditLogs',
        expect: 'empty',
        control: {
          variables: () => ({ first: 100, filter: { tenantId: toGlobalId('Tenant', acmeId), action: 'ticket.created' } }),
          expect: async (own) => expect((own.data?.auditLogs as AuditPage).nodes.map((n) => n.id)).toEqual(await dbIds("tenant_id = ? and action = 'ticket.created'", [acmeId])),
        },
      },
    ],
  });
});

/* ------------------------------------------------------------------ */
/* 4. Platform staff                                                   */
/* ------------------------------------------------------------------ */

describe('auditLogs for platform staff', () => {
  const accessRows = () =>
    t.sql<{ id: string; tenant_id: string | null; actor_id: string; diff: Record<string, unknown>; correlation_id: string }>(
      "select id, tenant_id, actor_id, diff, correlation_id from audit_logs where action = 'platform.access' order by created_at, id",
    );

  it("read every tenant's rows, including tenant-less ones; each read adds one platform.access row", async () => {
    const staffId = await t.userId('staff@atrium.test');
    const before = await accessRows();
    const rowsBefore = await dbIds('true');
    expect(rowsBefore.length).toBeLessThan(99);

    const res = await auditLogs(tokens['staff@atrium.test'], {}, { 'X-Correlation-Id': 'audit-staff-read-0001' });
    expect(res.errors).toBeUndefined();
    const p = res.data?.auditLogs as AuditPage;
    // Every row of every tenant: those there before, plus the access row this read wrote.
    const expected = await dbIds('true');
    expect(expected).toHaveLength(rowsBefore.length + 1);
    expect(p.nodes.map((n) => n.id)).toEqual(expected);
    // totalCount agrees with the page it came with.
    expect(p.totalCount).toBe(p.nodes.length);
    expect(p.pageInfo.hasNextPage).toBe(false);
    const slugs = new Set(p.nodes.map((n) => n.tenant?.slug ?? null));
    expect(slugs).toEqual(new Set(['acme', 'globex', null]));
    // Platform rows: the flag change, the staff sign-in and the failed sign-in.
    expect(p.nodes.find((n) => n.action === 'flag.created')).toMatchObject({ tenant: null, actor: { email: 'staff@atrium.test' }, targetType: 'FeatureFlag' });
    expect(p.nodes.find((n) => n.action === 'auth.login' && n.actor?.email === 'staff@atrium.test')).toMatchObject({ tenant: null });
    expect(p.nodes.find((n) => n.action === 'auth.login_failed')).toMatchObject({ tenant: null, actor: { email: 'admin@acme.test' } });

    const after = await accessRows();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ tenant_id: null, actor_id: staffId, correlation_id: 'audit-staff-read-0001' });
    expect(after.at(-1)?.diff).toMatchObject({ operation: 'auditLogs', filter: null });
    // The access is committed before the read, so the page shows it on top.
    expect(p.nodes[0]).toMatchObject({ id: toGlobalId('AuditLog', after.at(-1)?.id as string), action: 'platform.access', actor: { email: 'staff@atrium.test' }, tenant: null, correlationId: 'audit-staff-read-0001' });
  });

  it('filter.tenantId narrows to one tenant; the access row names that tenant', async () => {
    const staffId = await t.userId('staff@atrium.test');
    for (const [slug, id] of [
      ['acme', acmeId],
      ['globex', globexId],
    ] as const) {
      const before = await accessRows();
      const rowsBefore = await t.count('select count(*) as n from audit_logs where tenant_id = ?', [id]);
      const p = await page(tokens['staff@atrium.test'], { filter: { tenantId: toGlobalId('Tenant', id) } });
      const expected = await dbIds('tenant_id = ?', [id]);
      // The tenant's rows, including the access row this read wrote (it names the tenant).
      expect(expected).toHaveLength(rowsBefore + 1);
      expect(p.nodes.map((n) => n.id)).toEqual(expected);
      expect(p.totalCount).toBe(expected.length);
      expect(p.nodes.every((n) => n.tenant?.slug === slug)).toBe(true);
      expect(await t.count('select count(*) as n from audit_logs where tenant_id is distinct from ?', [id])).toBeGreaterThan(0);
      const after = await accessRows();
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ tenant_id: id, actor_id: staffId });
      expect(p.nodes[0]?.id).toBe(toGlobalId('AuditLog', after.at(-1)?.id as string));
      expect(after.at(-1)?.diff).toMatchObject({ operation: 'auditLogs', filter: { tenantId: toGlobalId('Tenant', id) } });
    }
    // The tenant sees that staff looked: acme's admin finds the access row in acme's own trail.
    const seen = await page(tokens['admin@acme.test'], { filter: { action: 'platform.access' } });
    expect(seen.nodes.length).toBeGreaterThan(0);
    expect(seen.nodes.every((n) => n.actor?.email === 'staff@atrium.test' && n.tenant?.slug === 'acme')).toBe(true);
  });

  it('combines tenantId with other filters, and a staff cursor walk is stable while access rows pile up', async () => {
    const expected = await dbIds("tenant_id = ? and action like 'ticket.%'", [acmeId]);
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    const accessBefore = (await accessRows()).length;
    let pages = 0;
    for (let i = 0; i < 50; i++) {
      const p = await page(tokens['staff@atrium.test'], { first: 3, after, filter: { tenantId: toGlobalId('Tenant', acmeId), action: 'ticket.' } });
      pages++;
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect((await accessRows()).length).toBe(accessBefore + pages);
  });

  it('a malformed or non-tenant filter.tenantId answers BAD_USER_INPUT and is not logged as an access', async () => {
    const before = (await accessRows()).length;
    expect(codeOf(await auditLogs(tokens['staff@atrium.test'], { filter: { tenantId: 'bogus!' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await auditLogs(tokens['staff@atrium.test'], { filter: { tenantId: tracedTicket } }))).toBe('BAD_USER_INPUT');
    expect((await accessRows()).length).toBe(before);
  });

  it('tenant reads are not platform accesses', async () => {
    const before = (await accessRows()).length;
    await page(tokens['admin@acme.test']);
    await page(tokens['owner@globex.test']);
    expect((await accessRows()).length).toBe(before);
  });
});

/* ------------------------------------------------------------------ */
/* 5. Read-only through the API                                        */
/* ------------------------------------------------------------------ */

describe('the API cannot change audit rows', () => {
  it('no Mutation field is about audit, and none returns or takes an AuditLog', async () => {
    const res = await t.gql<{
      __schema: { mutationType: { fields: { name: string; type: TypeRef; args: { name: string; type: TypeRef }[] }[] } };
    }>(
      `query {
        __schema {
          mutationType {
            fields {
              name
              type { ...T }
              args { name type { ...T } }
            }
          }
        }
      }
      fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`,
      {},
      { token: tokens['admin@acme.test'] },
    );
    expect(res.errors).toBeUndefined();
    const fields = res.data?.__schema.mutationType.fields ?? [];
    // The walk saw the real mutation type.
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['createTicket', 'updateTicket', 'setFeatureFlag', 'login']));
    expect(fields.length).toBeGreaterThanOrEqual(10);
    expect(fields.filter((f) => /audit/i.test(f.name))).toEqual([]);
    expect(fields.filter((f) => /^AuditLog/.test(namedType(f.type)))).toEqual([]);
    expect(fields.filter((f) => f.args.some((a) => /audit/i.test(a.name) || /^AuditLog/.test(namedType(a.type))))).toEqual([]);
    // The read side is there, so the check above is not vacuous about naming.
    const query = await t.gql<{ __type: { fields: { name: string }[] } }>('query { __type(name: "Query") { fields { name } } }', {}, { token: tokens['admin@acme.test'] });
    expect(query.data?.__type.fields.map((f) => f.name)).toContain('auditLogs');
  });
});

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}

function namedType(type: TypeRef): string {
  let cur: TypeRef | null | undefined = type;
  while (cur && !cur.name) cur = cur.ofType;
  return cur?.name ?? '';
}
