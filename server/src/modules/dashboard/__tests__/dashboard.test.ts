import { randomBytes, randomUUID } from 'node:crypto';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { toGlobalId } from '../../../common/global-id';
import { hashPassword } from '../../auth/password';
import { IncidentSeverity, IncidentStatus } from '../../incidents/incident.entity';
import { makeIncident } from '../../incidents/incident.factory';
import { Role } from '../../tenancy/role.entity';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { TicketStatus } from '../../tickets/ticket.entity';
import { makeTicket } from '../../tickets/ticket.factory';
import { User } from '../../users/user.entity';
import { MAX_WIDGETS } from '../dashboard.service';

/*
 * Dashboards on a real server: tenant-wide and personal widgets, who may change which, grid and
 * config validation, data computed by one aggregate query per widget (checked against the rows),
 * types not wired yet refused, and isolation between members and tenants.
 */

let t: TestApp;
const PASSWORD = 'pw-dashboard-123';
const tokens: Record<string, string> = {};
let dashTenant: string;

const WIDGET = 'id type title x y w h config personal data { total points { key label value limit } }';
const DASHBOARD = `query { dashboard { columns availableTypes widgets { ${WIDGET} } } }`;
const ADD = `mutation($input: AddDashboardWidgetInput!) { addDashboardWidget(input: $input) { ${WIDGET} } }`;
const UPDATE = `mutation($input: UpdateDashboardWidgetInput!) { updateDashboardWidget(input: $input) { ${WIDGET} } }`;
const MOVE = `mutation($input: MoveDashboardWidgetInput!) { moveDashboardWidget(input: $input) { ${WIDGET} } }`;
const REMOVE = 'mutation($id: ID!) { removeDashboardWidget(id: $id) }';

interface WidgetNode {
  id: string;
  type: string;
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
  config: Record<string, unknown>;
  personal: boolean;
  data: { total: number; points: { key: string; label: string; value: number; limit: number | null }[] } | null;
}

const placement = { x: 0, y: 0, w: 6, h: 4 };

// Widgets may not overlap, so an add that names no row gets a free one of its own (rows 100+).
let freeRows = 0;
const freeRow = () => 100 + ((freeRows++ * placement.h) % 96);

async function add(token: string, input: Record<string, unknown>, cid = `dash-${randomBytes(4).toString('hex')}`): Promise<{ res: GqlResponse<{ addDashboardWidget: WidgetNode }>; cid: string }> {
  const res = await t.gql<{ addDashboardWidget: WidgetNode }>(ADD, { input: { ...placement, y: freeRow(), ...input } }, { token, headers: { 'X-Correlation-Id': cid } });
  return { res, cid };
}

async function addOk(token: string, input: Record<string, unknown>): Promise<WidgetNode> {
  const { res } = await add(token, input);
  expect(res.errors).toBeUndefined();
  const widget = res.data?.addDashboardWidget;
  if (!widget) throw new Error('no widget');
  return widget;
}

async function dashboardOf(token: string): Promise<{ columns: number; availableTypes: string[]; widgets: WidgetNode[] }> {
  const res = await t.gql<{ dashboard: { columns: number; availableTypes: string[]; widgets: WidgetNode[] } }>(DASHBOARD, {}, { token });
  expect(res.errors).toBeUndefined();
  const d = res.data?.dashboard;
  if (!d) throw new Error('no dashboard');
  return d;
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const passwordHash = await hashPassword(PASSWORD);
  const mk = (email: string) => {
    const u = em.create(User, { email, name: email.split('@')[0] ?? email, passwordHash });
    em.persist(u);
    return u;
  };
  const p = provisionTenant(em, { slug: 'dash-co', name: 'Dash Co' });
  const other = provisionTenant(em, { slug: 'dash-other', name: 'Dash Other' });
  const owner = mk('owner@dash.test');
  const agent = mk('agent@dash.test');
  const viewer = mk('viewer@dash.test');
  const noTickets = mk('no-tickets@dash.test');
  const otherAdmin = mk('admin@dash-other.test');
  addMember(em, p, owner, 'owner');
  addMember(em, p, agent, 'agent');
  addMember(em, p, viewer, 'viewer');
  addMember(em, other, otherAdmin, 'admin');
  // A custom role that may use the dashboard but not read tickets.
  const role = em.create(Role, { tenant: p.tenant, name: 'dashboard-only', permissions: ['dashboard:use', 'incident:read'] });
  em.persist(role);
  addMember(em, { ...p, roles: { ...p.roles, viewer: role } }, noTickets, 'viewer');
  const statuses = [TicketStatus.OPEN, TicketStatus.OPEN, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED];
  for (const status of statuses) makeTicket(em, p.tenant, agent, { status });
  // The other tenant's tickets and incidents must never be counted.
  for (let i = 0; i < 4; i++) makeTicket(em, other.tenant, otherAdmin, { status: TicketStatus.OPEN });
  await em.flush();
  dashTenant = p.tenant.id;
  const staff = await em.findOneOrFail(User, { email: 'staff@atrium.test' });
  const incidents: [IncidentSeverity, IncidentStatus, string[]][] = [
    [IncidentSeverity.SEV1, IncidentStatus.OPEN, [p.tenant.id]],
    [IncidentSeverity.SEV2, IncidentStatus.MITIGATED, [p.tenant.id, other.tenant.id]],
    [IncidentSeverity.SEV2, IncidentStatus.OPEN, [p.tenant.id]],
    [IncidentSeverity.SEV3, IncidentStatus.RESOLVED, [p.tenant.id]],
    [IncidentSeverity.SEV4, IncidentStatus.OPEN, [other.tenant.id]],
  ];
  for (const [severity, status, tenantIds] of incidents) makeIncident(em, { severity, status, tenantIds, by: staff });
  await em.flush();

  for (const email of ['owner@dash.test', 'agent@dash.test', 'viewer@dash.test', 'no-tickets@dash.test', 'admin@dash-other.test']) {
    tokens[email.split('@')[0] === 'admin' ? 'other' : (email.split('@')[0] ?? email)] = (await t.login(email, undefined, PASSWORD)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the dashboard', () => {
  let tenantWide: WidgetNode;
  let agentOwn: WidgetNode;

  it('starts empty, on 12 columns, offering the widget types that are wired in', async () => {
    const d = await dashboardOf(tokens.owner ?? '');
    expect(d).toEqual({
      columns: 12,
      availableTypes: ['OPEN_TICKETS_BY_STATUS', 'ACTIVE_INCIDENTS', 'RUNS_LAST_7_DAYS_BY_STATUS', 'KYC_AWAITING_ACTION', 'QUOTA_USAGE'],
      widgets: [],
    });
  });

  it('a tenant owner adds a tenant-wide ticket widget; its data is the real counts, open and pending by default; audited', async () => {
    const { res, cid } = await add(tokens.owner ?? '', { type: 'OPEN_TICKETS_BY_STATUS', title: '  Open tickets  ', personal: false, y: 0 });
    expect(res.errors).toBeUndefined();
    tenantWide = res.data?.addDashboardWidget as WidgetNode;
    expect(tenantWide).toMatchObject({ type: 'OPEN_TICKETS_BY_STATUS', title: 'Open tickets', personal: false, config: {}, ...placement });
    const counts = await t.sql<{ status: string; n: number }>(`select status, count(*)::int as n from tickets where tenant_id = ? group by status`, [dashTenant]);
    const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    expect(n('OPEN')).toBe(3);
    expect(tenantWide.data).toEqual({
      total: n('OPEN') + n('PENDING'),
      points: [
        { key: 'OPEN', label: 'Open', value: n('OPEN'), limit: null },
        { key: 'PENDING', label: 'Pending', value: n('PENDING'), limit: null },
      ],
    });
    const audit = await t.sql<{ action: string; diff: Record<string, any> }>(`select action, diff from audit_logs where correlation_id = ?`, [cid]);
    expect(audit).toEqual([{ action: 'dashboard.widget_added', diff: { after: expect.objectContaining({ type: 'OPEN_TICKETS_BY_STATUS', personal: false }) } }]);
  });

  it('an agent may not add a tenant-wide widget, but adds one of their own: active incidents by severity', async () => {
    const { res } = await add(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Incidents', personal: false });
    expect(codeOf(res)).toBe('FORBIDDEN');
    agentOwn = await addOk(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Incidents', x: 6 });
    expect(agentOwn.personal).toBe(true);
    // OPEN and MITIGATED incidents affecting dash-co: SEV1 open, SEV2 mitigated, SEV2 open.
    expect(agentOwn.data).toEqual({
      total: 3,
      points: [
        { key: 'SEV1', label: 'SEV1', value: 1, limit: null },
        { key: 'SEV2', label: 'SEV2', value: 2, limit: null },
        { key: 'SEV3', label: 'SEV3', value: 0, limit: null },
        { key: 'SEV4', label: 'SEV4', value: 0, limit: null },
      ],
    });
    const openOnly = await addOk(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Open only', config: { includeMitigated: false }, y: 4 });
    expect(openOnly.data?.points.map((p) => p.value)).toEqual([1, 1, 0, 0]);
    await t.gql(REMOVE, { id: openOnly.id }, { token: tokens.agent });
  });

  it("shows each member the tenant's widgets and their own, never another member's", async () => {
    const agentView = await dashboardOf(tokens.agent ?? '');
    expect(agentView.widgets.map((w) => w.id)).toEqual([tenantWide.id, agentOwn.id]);
    const ownerView = await dashboardOf(tokens.owner ?? '');
    expect(ownerView.widgets.map((w) => w.id)).toEqual([tenantWide.id]);
    const viewerView = await dashboardOf(tokens.viewer ?? '');
    expect(viewerView.widgets.map((w) => w.id)).toEqual([tenantWide.id]);
    expect(viewerView.widgets[0]?.data?.total).toBe(5);
    // Nor through node(id).
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: agentOwn.id }, { token: tokens.owner });
    expect(codeOf(node)).toBe('NOT_FOUND');
    const own = await t.gql('query($id: ID!) { node(id: $id) { id ... on DashboardWidget { title } } }', { id: agentOwn.id }, { token: tokens.agent });
    expect(own.data?.node).toEqual({ id: agentOwn.id, title: 'Incidents' });
  });

  it("gives null data, not made-up data, to a member who may not read what the widget counts", async () => {
    const d = await dashboardOf(tokens['no-tickets'] ?? '');
    expect(d.widgets).toEqual([expect.objectContaining({ id: tenantWide.id, data: null })]);
    const { res } = await add(tokens['no-tickets'] ?? '', { type: 'OPEN_TICKETS_BY_STATUS', title: 'Mine' });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await addOk(tokens['no-tickets'] ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Mine' })).toMatchObject({ data: { total: 3 } });
  });

  it('lets the owner retitle, reconfigure and move the tenant-wide widget (audited), and the agent do none of it', async () => {
    const cid = `dash-upd-${randomBytes(4).toString('hex')}`;
    const upd = await t.gql<{ updateDashboardWidget: WidgetNode }>(
      UPDATE,
      { input: { id: tenantWide.id, title: 'All tickets', config: { statuses: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] } } },
      { token: tokens.owner, headers: { 'X-Correlation-Id': cid } },
    );
    expect(upd.errors).toBeUndefined();
    expect(upd.data?.updateDashboardWidget).toMatchObject({ title: 'All tickets', data: { total: 7 } });
    expect(upd.data?.updateDashboardWidget.data?.points.map((p) => p.key)).toEqual(['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']);
    const [audit] = await t.sql<{ action: string; diff: Record<string, any> }>(`select action, diff from audit_logs where correlation_id = ?`, [cid]);
    expect(audit).toMatchObject({ action: 'dashboard.widget_updated', diff: { before: { title: 'Open tickets' }, after: { title: 'All tickets' } } });

    const moved = await t.gql<{ moveDashboardWidget: WidgetNode }>(MOVE, { input: { id: tenantWide.id, x: 6, y: 8, w: 6, h: 3 } }, { token: tokens.owner });
    expect(moved.data?.moveDashboardWidget).toMatchObject({ x: 6, y: 8, w: 6, h: 3 });

    const before = await t.sql(`select title, x, y, w, h, config from dashboard_widgets where id = ?`, [fromGlobal(tenantWide.id)]);
    expect(codeOf(await t.gql(MOVE, { input: { id: tenantWide.id, ...placement } }, { token: tokens.agent }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(UPDATE, { input: { id: tenantWide.id, title: 'Agent was here' } }, { token: tokens.agent }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REMOVE, { id: tenantWide.id }, { token: tokens.agent }))).toBe('FORBIDDEN');
    expect(await t.sql(`select title, x, y, w, h, config from dashboard_widgets where id = ?`, [fromGlobal(tenantWide.id)])).toEqual(before);
  });

  /** A widget's row, which must still be there. */
  const widgetRow = async (id: string) => {
    const rows = await t.sql(`select * from dashboard_widgets where id = ?`, [fromGlobal(id)]);
    expect(rows).toHaveLength(1);
    return rows;
  };

  // Anyone but the agent: a member of the same tenant, or of another tenant, gets NOT_FOUND.
  describeCrossTenant<{ agentOwn: string }>("the agent's own widget", {
    app: () => t,
    as: (['owner', 'viewer', 'other'] as const).map((key) => ({ label: key === 'other' ? 'admin@dash-other.test' : `${key}@dash.test`, token: () => tokens[key] })),
    foreign: () => ({ agentOwn: agentOwn.id }),
    unchanged: (c) => widgetRow(c.foreign.agentOwn),
    writes: [
      { name: 'moveDashboardWidget', mutation: MOVE, variables: (c) => ({ input: { id: c.foreign.agentOwn, ...placement } }) },
      { name: 'removeDashboardWidget', mutation: REMOVE, variables: (c) => ({ id: c.foreign.agentOwn }) },
    ],
  });

  describeCrossTenant<{ tenantWide: string }>("another tenant's widgets", {
    app: () => t,
    as: { label: 'admin@dash-other.test', token: () => tokens.other },
    foreign: () => ({ tenantWide: tenantWide.id }),
    unchanged: (c) => widgetRow(c.foreign.tenantWide),
    reads: [{ name: 'dashboard shows none of them', query: DASHBOARD, at: 'dashboard.widgets', expect: 'empty' }],
    writes: [
      { name: 'updateDashboardWidget on the tenant-wide widget', mutation: UPDATE, variables: (c) => ({ input: { id: c.foreign.tenantWide, title: 'x' } }) },
      { name: 'removeDashboardWidget on the tenant-wide widget', mutation: REMOVE, variables: (c) => ({ id: c.foreign.tenantWide }) },
    ],
  });

  it('removes a widget and answers its id', async () => {
    const res = await t.gql(REMOVE, { id: agentOwn.id }, { token: tokens.agent });
    expect(res.data?.removeDashboardWidget).toBe(agentOwn.id);
    expect((await dashboardOf(tokens.agent ?? '')).widgets.map((w) => w.id)).toEqual([tenantWide.id]);
    expect(codeOf(await t.gql(REMOVE, { id: agentOwn.id }, { token: tokens.agent }))).toBe('NOT_FOUND');
  });
});

function fromGlobal(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1] ?? '';
}

describe('adding widgets: validation', () => {
  it.each([
    [
      'RUNS_LAST_7_DAYS_BY_STATUS',
      `select count(*) as n from automation_runs where tenant_id = ? and created_at >= now() - interval '7 days'`,
      ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'],
    ],
    ['KYC_AWAITING_ACTION', `select count(*) as n from kyc_cases where tenant_id = ? and status in ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO')`, null],
  ] as const)('a %s widget counts what the database holds for this tenant only', async (type, countSql, statuses) => {
    // The seeded acme tenant, which has runs, KYC cases and grants to count.
    const { accessToken } = await t.login('owner@acme.test');
    const widget = await addOk(accessToken, { type, title: type, personal: true });
    expect(widget.data?.total).toBe(await t.count(countSql, [await t.tenantId('acme')]));
    expect(widget.data?.points.reduce((sum, p) => sum + p.value, 0)).toBe(widget.data?.total);
    if (statuses) expect(widget.data?.points.map((p) => p.key)).toEqual([...statuses]);
    await t.gql(REMOVE, { id: widget.id }, { token: accessToken });
  });

  it('a QUOTA_USAGE widget shows each runs-per-month grant with its limit', async () => {
    const acme = await t.tenantId('acme');
    const { accessToken } = await t.login('owner@acme.test');
    const widget = await addOk(accessToken, { type: 'QUOTA_USAGE', title: 'Quota', personal: true });
    const limited = await t.count(
      `select count(*) as n from entitlements where tenant_id = ? and revoked_at is null and valid_from <= now()
         and (valid_until is null or valid_until > now()) and limits ->> 'runsPerMonth' is not null`,
      [acme],
    );
    expect(widget.data?.points).toHaveLength(limited);
    expect(limited).toBeGreaterThan(0);
    for (const p of widget.data?.points ?? []) expect(p.limit).toEqual(expect.any(Number));
    await t.gql(REMOVE, { id: widget.id }, { token: accessToken });
  });

  it.each([
    ['a widget wider than the grid from its column', { x: 8, w: 6 }, 'w'],
    ['a zero width', { w: 0 }, 'w'],
    ['a column past the grid', { x: 12, w: 1 }, 'x'],
    ['a negative row', { y: -1 }, 'y'],
    ['a height over 12', { h: 13 }, 'h'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an unknown status in the config', { config: { statuses: ['OPEN', 'NOPE'] } }, 'config.statuses.1'],
    ['an unknown config key', { config: { colour: 'red' } }, 'config'],
    ['a config that is not an object', { config: 'OPEN' }, 'config'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, patch, field) => {
    const before = await t.count('select count(*) as n from dashboard_widgets');
    const { res } = await add(tokens.owner ?? '', { type: 'OPEN_TICKETS_BY_STATUS', title: 'Tickets', ...patch });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(await t.count('select count(*) as n from dashboard_widgets')).toBe(before);
  });

  it('refuses a bad config or placement on update and move too', async () => {
    const w = await addOk(tokens.owner ?? '', { type: 'OPEN_TICKETS_BY_STATUS', title: 'Mine' });
    const upd = await t.gql(UPDATE, { input: { id: w.id, config: { statuses: [] } } }, { token: tokens.owner });
    expect(codeOf(upd)).toBe('BAD_USER_INPUT');
    expect((upd.errors?.[0]?.extensions.fields as { field: string }[])[0]?.field).toBe('config.statuses');
    const move = await t.gql(MOVE, { input: { id: w.id, x: 11, y: 0, w: 2, h: 1 } }, { token: tokens.owner });
    expect(codeOf(move)).toBe('BAD_USER_INPUT');
    await t.gql(REMOVE, { id: w.id }, { token: tokens.owner });
  });

  it(`holds at most ${MAX_WIDGETS} widgets per member`, async () => {
    const [agent] = await t.sql<{ id: string }>(`select id from users where email = 'agent@dash.test'`);
    await t.sql(
      `insert into dashboard_widgets (id, tenant_id, user_id, type, title, x, y, w, h, config, created_at, updated_at)
       select gen_random_uuid(), ?, ?, 'ACTIVE_INCIDENTS', 'filler ' || g, 0, g, 12, 1, '{}', now(), now() from generate_series(1, ?) g`,
      [dashTenant, agent?.id, MAX_WIDGETS],
    );
    const { res } = await add(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'One too many' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/at most 30 widgets/);
    // The tenant-wide dashboard has its own allowance.
    expect((await add(tokens.owner ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Tenant-wide', personal: false })).res.errors).toBeUndefined();
    await t.sql(`delete from dashboard_widgets where user_id = ? and title like 'filler %'`, [agent?.id]);
  });

  it('refuses every dashboard operation to staff outside a tenant', async () => {
    const staff = (await t.login('staff@atrium.test')).accessToken;
    expect(codeOf(await t.gql(DASHBOARD, {}, { token: staff }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REMOVE, { id: toGlobalId('DashboardWidget', randomUUID()) }, { token: staff }))).toBe('FORBIDDEN');
  });
});

describe('placement', () => {
  const widgetsAt = (title: string) => t.count(`select count(*) as n from dashboard_widgets where tenant_id = ? and title = ?`, [dashTenant, title]);

  it("refuses a place another widget covers on the caller's dashboard, naming it, and adds nothing", async () => {
    const owner = tokens.owner ?? '';
    await addOk(owner, { type: 'ACTIVE_INCIDENTS', title: 'Anchor', personal: false, x: 0, y: 60, w: 6, h: 4 });
    // A member's own widget shares the grid with the tenant-wide ones.
    const { res } = await add(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Over the anchor', personal: true, x: 4, y: 62, w: 4, h: 2 });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('That place overlaps "Anchor" (columns 0–5, rows 60–63); choose a free one.');
    expect(res.errors?.[0]?.extensions.fields).toEqual([{ field: 'y', message: res.errors?.[0]?.message }]);
    expect(await widgetsAt('Over the anchor')).toBe(0);
    // Touching edges is not overlapping: right beside it and right below it are free.
    await addOk(tokens.agent ?? '', { type: 'ACTIVE_INCIDENTS', title: 'Beside', personal: true, x: 6, y: 60, w: 6, h: 4 });
    await addOk(owner, { type: 'ACTIVE_INCIDENTS', title: 'Below', personal: false, x: 0, y: 64, w: 6, h: 2 });
  });

  it('a move onto another widget is refused; a move that overlaps only its own old place is fine', async () => {
    const owner = tokens.owner ?? '';
    const a = await addOk(owner, { type: 'ACTIVE_INCIDENTS', title: 'Mover', personal: false, x: 0, y: 70, w: 4, h: 2 });
    await addOk(owner, { type: 'ACTIVE_INCIDENTS', title: 'Sitter', personal: false, x: 6, y: 70, w: 4, h: 2 });
    const onto = await t.gql(MOVE, { input: { id: a.id, x: 5, y: 70, w: 4, h: 2 } }, { token: owner });
    expect(codeOf(onto)).toBe('BAD_USER_INPUT');
    expect(onto.errors?.[0]?.message).toContain('"Sitter"');
    const nudged = await t.gql<{ moveDashboardWidget: WidgetNode }>(MOVE, { input: { id: a.id, x: 1, y: 71, w: 4, h: 2 } }, { token: owner });
    expect(nudged.errors).toBeUndefined();
    expect(nudged.data?.moveDashboardWidget).toMatchObject({ x: 1, y: 71 });
  });
});

describe('dashboard SQL statement count', () => {
  it('sends one aggregate query per widget, plus the session lookup and the widget list', async () => {
    const em = t.orm.em.fork();
    const p = provisionTenant(em, { slug: 'dash-count', name: 'Dash Count' });
    const u = em.create(User, { email: 'owner@dash-count.test', name: 'Counter', passwordHash: await hashPassword(PASSWORD) });
    em.persist(u);
    addMember(em, p, u, 'owner');
    for (let i = 0; i < 3; i++) makeTicket(em, p.tenant, u, { status: TicketStatus.OPEN });
    await em.flush();
    const token = (await t.login('owner@dash-count.test', undefined, PASSWORD)).accessToken;

    const measure = async (expectedWidgets: number) =>
      t.countQueries(async () => {
        const d = await dashboardOf(token);
        expect(d.widgets).toHaveLength(expectedWidgets);
        for (const w of d.widgets) expect(w.data).not.toBeNull();
      });

    for (let i = 0; i < 2; i++) await addOk(token, { type: 'OPEN_TICKETS_BY_STATUS', title: `T${i}`, personal: i === 0, y: i * 4 });
    const two = await measure(2);
    expect(two.sql).toHaveLength(2 + 2);
    for (let i = 0; i < 3; i++) await addOk(token, { type: 'ACTIVE_INCIDENTS', title: `I${i}`, personal: i % 2 === 0, y: 8 + i * 4 });
    const five = await measure(5);
    expect(five.sql).toHaveLength(2 + 5);
    // The per-widget statements are aggregates over the caller's tenant, never row loads.
    const perWidget = five.sql.slice(2);
    const scoped = `tenant_id = '${p.tenant.id}'`;
    expect(perWidget.filter((s) => !(/count\(\*\)/i.test(s) && /group by/i.test(s) && s.includes(scoped)))).toEqual([]);
  });
});
