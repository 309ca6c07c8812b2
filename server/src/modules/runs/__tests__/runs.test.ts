import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { createContext } from '../../../context/create-context';
import type { Context } from '../../../context/context';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { hashPassword } from '../../auth/password';
import { Entitlement } from '../../entitlements/entitlement.entity';
import { grantTool } from '../../entitlements/entitlement.factory';
import { quotaUsage } from '../../entitlements/quota.widgets';
import { reserveRun } from '../../entitlements/entitlement.gate';
import { addMember, provisionTenant, type ProvisionedTenant } from '../../tenancy/tenant.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTicket } from '../../tickets/ticket.factory';
import { Ticket } from '../../tickets/ticket.entity';
import { makeTool } from '../../tools/tool.factory';
import { type Tool, ToolStatus } from '../../tools/tool.entity';
import { User } from '../../users/user.entity';
import { runCorrelationItems } from '../run.correlation';
import { AutomationRun, RunStatus, RunTrigger } from '../run.entity';
import { makeRun } from '../run.factory';
import { transitionRun } from '../run.transitions';
import { runsByStatusSince } from '../run.widgets';

/**
 * Runs through the API: starting one passes the entitlement gate, the input schema and the
 * monthly quota (race-safe), every state change writes its system event in the same
 * transaction, cancel and retry follow the transition table, and no path crosses tenants.
 */

const PASSWORD = 'runs-test-pass';
const SCHEMA = {
  type: 'object',
  properties: { text: { type: 'string', minLength: 1, maxLength: 100 }, times: { type: 'integer', minimum: 1, maximum: 5 } },
  required: ['text'],
  additionalProperties: false,
};

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeId: string;
let globexId: string;
let echo: Tool;
let capped: Tool;
let unentitled: Tool;
let retired: Tool;
let globexTool: Tool;
let acmeTicketId: string;
let globexTicketId: string;
let globexRunId: string;

const START = `mutation($input: StartRunInput!) {
  startRun(input: $input) { id status trigger input correlationId attempts maxAttempts nextAttemptAt tool { key } ticket { id } requestedBy { email } tenant { slug } }
}`;

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
}

const eventsOf = (runGlobalId: string) =>
  t.sql<{ type: string; severity: string; tenant_id: string; correlation_id: string; payload: any; source: string }>(
    `select type, severity, tenant_id, correlation_id, payload, source from system_events where payload->>'runId' = ? order by occurred_at, id`,
    [runGlobalId],
  );

/** A tenant with one user of the given role, signed in. */
async function tenantWithUser(slug: string, role: 'owner' | 'admin' | 'member' | 'viewer' = 'member'): Promise<{ p: ProvisionedTenant; token: string; userId: string }> {
  const em = t.orm.em.fork();
  const p = provisionTenant(em, { slug, name: slug });
  const user = em.create(User, { email: `${role}@${slug}.test`, name: `${slug} ${role}`, passwordHash: await hashPassword(PASSWORD) });
  em.persist(user);
  addMember(em, p, user, role);
  await em.flush();
  return { p, token: (await t.login(`${role}@${slug}.test`, slug, PASSWORD)).accessToken, userId: user.id };
}

async function contextFor(token: string | null, correlationId = `ctx-${randomUUID()}`): Promise<Context> {
  return createContext(t.app.services, t.orm, { authorization: token ? `Bearer ${token}` : null, ip: null, userAgent: null, correlationId });
}

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
  echo = makeTool(em, { key: 'rt.echo', name: 'Echo', inputSchema: SCHEMA });
  capped = makeTool(em, { key: 'rt.capped', name: 'Capped', inputSchema: SCHEMA });
  unentitled = makeTool(em, { key: 'rt.unentitled', name: 'Not granted', inputSchema: SCHEMA });
  retired = makeTool(em, { key: 'rt.retired', name: 'Retired', inputSchema: SCHEMA, status: ToolStatus.RETIRED });
  globexTool = makeTool(em, { key: 'rt.globex', name: 'Globex echo', inputSchema: SCHEMA });
  grantTool(em, acme, echo);
  grantTool(em, acme, capped, { limits: { runsPerMonth: 2 } });
  grantTool(em, acme, retired);
  grantTool(em, globex, globexTool);
  grantTool(em, globex, echo);
  await em.flush();
  const [acmeTicket] = await t.sql<{ id: string }>('select id from tickets where tenant_id = ? order by number limit 1', [acmeId]);
  const [globexTicket] = await t.sql<{ id: string }>('select id from tickets where tenant_id = ? order by number limit 1', [globexId]);
  acmeTicketId = toGlobalId('Ticket', acmeTicket.id);
  globexTicketId = toGlobalId('Ticket', globexTicket.id);
  const gRun = makeRun(em, globex, globexTool, { status: RunStatus.FAILED, input: { text: 'globex secret' }, correlationId: 'shared-corr-0001', error: 'boom', ticket: em.getReference(Ticket, globexTicket.id) });
  await em.flush();
  globexRunId = toGlobalId('AutomationRun', gRun.id);
  for (const email of ['member@acme.test', 'viewer@acme.test', 'owner@acme.test', 'agent@acme.test', 'staff@atrium.test', 'compliance@atrium.test']) tokens[email] = (await t.login(email)).accessToken;
  tokens.globex = (await t.login('owner@globex.test', 'globex')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('startRun', () => {
  it('queues a run with the request correlation id, its requester and ticket, and writes run.queued with it', async () => {
    const res = await t.gql(START, { input: { toolKey: 'rt.echo', input: { text: 'hello', times: 2 }, ticketId: acmeTicketId } }, { token: tokens['member@acme.test'], headers: { 'x-correlation-id': 'runs-test-corr-001' } });
    expect(res.errors).toBeUndefined();
    const run = res.data?.startRun;
    expect(run).toMatchObject({
      status: 'QUEUED',
      trigger: 'USER',
      input: { text: 'hello', times: 2 },
      correlationId: 'runs-test-corr-001',
      attempts: 0,
      maxAttempts: 3,
      tool: { key: 'rt.echo' },
      ticket: { id: acmeTicketId },
      requestedBy: { email: 'member@acme.test' },
      tenant: { slug: 'acme' },
    });
    expect(run.nextAttemptAt).toBeTruthy();
    const events = await eventsOf(run.id);
    expect(events).toEqual([
      {
        type: 'run.queued',
        severity: 'INFO',
        tenant_id: acmeId,
        correlation_id: 'runs-test-corr-001',
        source: 'api',
        payload: { runId: run.id, toolId: toGlobalId('Tool', echo.id), from: null, to: 'QUEUED', attempt: 0, trigger: 'USER', toolKey: 'rt.echo' },
      },
    ]);
    // By id too, and the same tool either way.
    const byId = await t.gql(START, { input: { toolId: toGlobalId('Tool', echo.id), input: { text: 'x' } } }, { token: tokens['agent@acme.test'] });
    expect(byId.data?.startRun.tool.key).toBe('rt.echo');
  });

  it("refuses input that does not match the tool's schema, naming each field, and writes nothing", async () => {
    const before = { runs: await t.count('select count(*) as n from automation_runs'), events: await t.count('select count(*) as n from system_events') };
    const res = await t.gql(START, { input: { toolKey: 'rt.echo', input: { times: 9, colour: 'red' } } }, { token: tokens['member@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res).sort()).toEqual(['input.colour', 'input.text', 'input.times']);
    expect(res.errors?.[0]?.message).toMatch(/input\.text is required/);
    const notObject = await t.gql(START, { input: { toolKey: 'rt.echo', input: 'hello' } }, { token: tokens['member@acme.test'] });
    expect(fieldsOf(notObject)).toEqual(['input']);
    const both = await t.gql(START, { input: { toolKey: 'rt.echo', toolId: toGlobalId('Tool', echo.id), input: {} } }, { token: tokens['member@acme.test'] });
    expect(fieldsOf(both)).toEqual(['toolId']);
    const badKey = await t.gql(START, { input: { toolKey: 'NOT A KEY', input: {} } }, { token: tokens['member@acme.test'] });
    expect(fieldsOf(badKey)).toEqual(['toolKey']);
    expect(await t.count('select count(*) as n from automation_runs')).toBe(before.runs);
    expect(await t.count('select count(*) as n from system_events')).toBe(before.events);
  });

  it('refuses unknown, retired and unentitled tools, and tickets of other tenants', async () => {
    const token = tokens['member@acme.test'];
    const unknown = await t.gql(START, { input: { toolKey: 'rt.nothing', input: { text: 'x' } } }, { token });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const old = await t.gql(START, { input: { toolKey: 'rt.retired', input: { text: 'x' } } }, { token });
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOOL_RETIRED' });
    // Not entitled: refused before the input is even looked at.
    const none = await t.gql(START, { input: { toolKey: 'rt.unentitled', input: { wrong: true } } }, { token });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ENTITLEMENT_REQUIRED' });
    const foreign = await t.gql(START, { input: { toolKey: 'rt.globex', input: { text: 'x' } } }, { token });
    expect(foreign.errors?.[0]?.extensions.reason).toBe('ENTITLEMENT_REQUIRED');
    const ticket = await t.gql(START, { input: { toolKey: 'rt.echo', input: { text: 'x' }, ticketId: globexTicketId } }, { token });
    expect(codeOf(ticket)).toBe('NOT_FOUND');
    const viewer = await t.gql(START, { input: { toolKey: 'rt.echo', input: { text: 'x' } } }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(viewer)).toBe('FORBIDDEN');
    expect(await t.count('select count(*) as n from automation_runs where tool_id = any(?::uuid[])', [`{${[unentitled.id, retired.id, globexTool.id].join(',')}}`])).toBe(1);
  });
});

describe('monthly quota', () => {
  it('refuses the run past the limit with QUOTA_EXCEEDED, the limit and the usage', async () => {
    const token = tokens['owner@acme.test'];
    for (let i = 0; i < 2; i++) {
      const ok = await t.gql(START, { input: { toolKey: 'rt.capped', input: { text: `n${i}` } } }, { token });
      expect(ok.errors).toBeUndefined();
    }
    const over = await t.gql(START, { input: { toolKey: 'rt.capped', input: { text: 'n3' } } }, { token });
    expect(codeOf(over)).toBe('FORBIDDEN');
    expect(over.errors?.[0]?.extensions).toMatchObject({ reason: 'QUOTA_EXCEEDED', feature: 'rt.capped', limit: 2, used: 2 });
    expect(over.errors?.[0]?.message).toMatch(/2 of 2 runs/);
    expect(await t.count('select count(*) as n from automation_runs where tool_id = ?', [capped.id])).toBe(2);
  });

  it('lets exactly one of many concurrent starts take the last run of the month', async () => {
    const { p, token } = await tenantWithUser('quota-race');
    const em = t.orm.em.fork();
    const tool = makeTool(em, { key: 'rt.race', name: 'Race', inputSchema: SCHEMA });
    grantTool(em, em.getReference(Tenant, p.tenant.id), tool, { limits: { runsPerMonth: 5 } });
    // Four used this month, and older runs that no longer count.
    for (let i = 0; i < 4; i++) makeRun(em, em.getReference(Tenant, p.tenant.id), tool, { status: RunStatus.SUCCEEDED });
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) - 86_400_000);
    for (let i = 0; i < 3; i++) makeRun(em, em.getReference(Tenant, p.tenant.id), tool, { status: RunStatus.SUCCEEDED, createdAt: lastMonth });
    await em.flush();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.gql(START, { input: { toolKey: 'rt.race', input: { text: `race ${i}` } } }, { token })));
    const passed = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors?.[0]?.extensions.reason === 'QUOTA_EXCEEDED');
    expect({ passed: passed.length, refused: refused.length }).toEqual({ passed: 1, refused: 5 });
    expect(await t.count('select count(*) as n from automation_runs where tool_id = ?', [tool.id])).toBe(8);
    expect(await t.count(`select count(*) as n from system_events where type = 'run.queued' and tenant_id = ?`, [p.tenant.id])).toBe(1);
  });

  it('holds the grant row until the new run commits: a second start waits, then counts it', async () => {
    const { p } = await tenantWithUser('quota-lock');
    const em = t.orm.em.fork();
    const tenant = em.getReference(Tenant, p.tenant.id);
    const tool = makeTool(em, { key: 'rt.lock', name: 'Lock', inputSchema: SCHEMA });
    grantTool(em, tenant, tool, { limits: { runsPerMonth: 1 } });
    await em.flush();

    const first = t.orm.em.fork();
    await first.begin();
    await reserveRun(first, p.tenant.id, tool, new Date());
    makeRun(first, first.getReference(Tenant, p.tenant.id), tool);
    await first.flush();
    let second = 'pending';
    const secondDone = t.orm.em
      .fork()
      .transactional((tem) => reserveRun(tem, p.tenant.id, tool, new Date()))
      .then(
        () => (second = 'passed'),
        (err: { extensions?: { reason?: string } }) => (second = err.extensions?.reason ?? 'error'),
      );
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Still waiting on the first transaction's row lock.
    expect(second).toBe('pending');
    await first.commit();
    await secondDone;
    expect(second).toBe('QUOTA_EXCEEDED');
  });

  it('a feature grant with runsPerMonth caps all of the tenant’s runs', async () => {
    const { p, token } = await tenantWithUser('quota-feature');
    const em = t.orm.em.fork();
    const tenant = em.getReference(Tenant, p.tenant.id);
    grantTool(em, tenant, echo);
    grantTool(em, tenant, capped);
    em.persist(em.create(Entitlement, { tenant, feature: 'automation', plan: 'starter', limits: { runsPerMonth: 3 }, validFrom: new Date(Date.now() - 1000) }));
    await em.flush();
    for (const key of ['rt.echo', 'rt.capped', 'rt.echo']) {
      const ok = await t.gql(START, { input: { toolKey: key, input: { text: 'x' } } }, { token });
      expect(ok.errors).toBeUndefined();
    }
    const over = await t.gql(START, { input: { toolKey: 'rt.capped', input: { text: 'x' } } }, { token });
    expect(over.errors?.[0]?.extensions).toMatchObject({ reason: 'QUOTA_EXCEEDED', feature: 'automation', limit: 3, used: 3 });

    const widget = await quotaUsage(t.orm.em.fork(), p.tenant.id, new Date());
    expect(widget).toEqual([{ key: 'automation', label: 'automation', value: 3, limit: 3 }]);
  });
});

describe('quotaUsage', () => {
  it('reports this month’s runs against each active runsPerMonth grant of one tenant only', async () => {
    const { p } = await tenantWithUser('quota-widget');
    const other = await tenantWithUser('quota-widget-other');
    const em = t.orm.em.fork();
    const tenant = em.getReference(Tenant, p.tenant.id);
    const a = makeTool(em, { key: 'qw.alpha', name: 'Alpha' });
    const b = makeTool(em, { key: 'qw.beta', name: 'Beta' });
    const c = makeTool(em, { key: 'qw.gamma', name: 'Gamma' });
    const d = makeTool(em, { key: 'qw.delta', name: 'Delta' });
    const validFrom = new Date('2026-01-01T00:00:00Z');
    grantTool(em, tenant, a, { limits: { runsPerMonth: 10 }, validFrom });
    grantTool(em, tenant, b, { limits: { runsPerMonth: 4 }, validFrom });
    grantTool(em, tenant, c, { validFrom }); // no limit: not a point
    grantTool(em, tenant, d, { limits: { runsPerMonth: 9 }, validFrom, revokedAt: new Date() }); // revoked: not a point
    grantTool(em, tenant, makeTool(em, { key: 'qw.later' }), { limits: { runsPerMonth: 9 }, validFrom: new Date('2026-11-21T00:00:00Z') }); // not yet valid
    grantTool(em, em.getReference(Tenant, other.p.tenant.id), a, { limits: { runsPerMonth: 1 }, validFrom });
    const now = new Date('2026-11-20T12:00:00Z');
    const inMonth = new Date('2026-11-02T00:00:00Z');
    for (let i = 0; i < 3; i++) makeRun(em, tenant, a, { createdAt: inMonth, status: RunStatus.SUCCEEDED });
    makeRun(em, tenant, a, { createdAt: new Date('2026-10-31T23:59:59Z'), status: RunStatus.FAILED });
    makeRun(em, tenant, b, { createdAt: inMonth, status: RunStatus.CANCELLED });
    makeRun(em, tenant, c, { createdAt: inMonth });
    makeRun(em, em.getReference(Tenant, other.p.tenant.id), a, { createdAt: inMonth });
    await em.flush();
    expect(await quotaUsage(t.orm.em.fork(), p.tenant.id, now)).toEqual([
      { key: 'qw.alpha', label: 'Alpha', value: 3, limit: 10 },
      { key: 'qw.beta', label: 'Beta', value: 1, limit: 4 },
    ]);
    expect(await quotaUsage(t.orm.em.fork(), other.p.tenant.id, now)).toEqual([{ key: 'qw.alpha', label: 'Alpha', value: 1, limit: 1 }]);
    // A month later nothing is used yet (and the later grant has started).
    expect((await quotaUsage(t.orm.em.fork(), p.tenant.id, new Date('2026-12-05T00:00:00Z'))).map((w) => [w.key, w.value])).toEqual([
      ['qw.alpha', 0],
      ['qw.beta', 0],
      ['qw.later', 0],
    ]);
  });
});

describe('cancel and retry', () => {
  async function started(text: string): Promise<string> {
    const res = await t.gql(START, { input: { toolKey: 'rt.echo', input: { text } } }, { token: tokens['member@acme.test'], headers: { 'x-correlation-id': `corr-${text}-0001` } });
    expect(res.errors).toBeUndefined();
    return res.data?.startRun.id as string;
  }

  it('cancels a queued run (event + audit), then refuses to cancel it again', async () => {
    const id = await started('cancel-me');
    const res = await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status finishedAt } }', { id }, { token: tokens['member@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.cancelRun.status).toBe('CANCELLED');
    expect(res.data?.cancelRun.finishedAt).toBeTruthy();
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['run.queued', 'run.cancelled']);
    expect((await eventsOf(id))[1]?.payload).toMatchObject({ from: 'QUEUED', to: 'CANCELLED', cancelledBy: toGlobalId('User', await t.userId('member@acme.test')) });
    expect(await t.count(`select count(*) as n from audit_logs where action = 'run.cancelled' and target_id = ? and tenant_id = ?`, [id, acmeId])).toBe(1);
    const again = await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status } }', { id }, { token: tokens['member@acme.test'] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RUN_FINISHED' });
    expect((await eventsOf(id)).length).toBe(2);
  });

  it('cancels a running run; refuses to cancel a finished one', async () => {
    const id = await started('running');
    const em = t.orm.em.fork();
    const run = await em.findOneOrFail(AutomationRun, { id: fromGlobalId(id).id }, { filters: false });
    await em.transactional(async (tem) => {
      const r = await tem.findOneOrFail(AutomationRun, { id: run.id }, { filters: false });
      r.attempts = 1;
      r.leaseOwner = randomUUID();
      r.lockedUntil = new Date(Date.now() + 60_000);
      transitionRun(tem, r, RunStatus.RUNNING, { source: 'test' });
    });
    const res = await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status } }', { id }, { token: tokens['owner@acme.test'] });
    expect(res.data?.cancelRun.status).toBe('CANCELLED');
    const [row] = await t.sql<{ lease_owner: string | null; locked_until: Date | null }>('select lease_owner, locked_until from automation_runs where id = ?', [run.id]);
    expect(row).toEqual({ lease_owner: null, locked_until: null });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['run.queued', 'run.started', 'run.cancelled']);

    const done = makeRun(em, em.getReference(Tenant, acmeId), echo, { status: RunStatus.SUCCEEDED });
    await em.flush();
    const finished = await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status } }', { id: toGlobalId('AutomationRun', done.id) }, { token: tokens['owner@acme.test'] });
    expect(finished.errors?.[0]?.extensions.reason).toBe('RUN_FINISHED');
  });

  it('retries a cancelled or failed run as a new run in the same story; refuses others', async () => {
    const id = await started('retry-me');
    await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status } }', { id }, { token: tokens['member@acme.test'] });
    const res = await t.gql('mutation($id: ID!) { retryRun(id: $id) { id status correlationId input retryOf { id status } } }', { id }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.retryRun).toMatchObject({ status: 'QUEUED', correlationId: 'corr-retry-me-0001', input: { text: 'retry-me' }, retryOf: { id, status: 'CANCELLED' } });
    expect(res.data?.retryRun.id).not.toBe(id);
    const queued = await t.gql('mutation($id: ID!) { retryRun(id: $id) { id } }', { id: res.data?.retryRun.id }, { token: tokens['agent@acme.test'] });
    expect(queued.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RUN_NOT_RETRYABLE' });
    expect(await t.count(`select count(*) as n from audit_logs where action = 'run.retried' and target_id = ? and tenant_id = ?`, [id, acmeId])).toBe(1);
  });

  it("staff with platform:run:manage retry a tenant's failed run (in its tenant, audited); staff without it are refused", async () => {
    const em = t.orm.em.fork();
    const failed = makeRun(em, em.getReference(Tenant, acmeId), echo, { status: RunStatus.FAILED, input: { text: 'staff-retry' } });
    await em.flush();
    const id = toGlobalId('AutomationRun', failed.id);
    const RETRY = 'mutation($id: ID!) { retryRun(id: $id) { id status input tenant { slug } requestedBy { email } retryOf { id } } }';

    const refused = await t.gql(RETRY, { id }, { token: tokens['compliance@atrium.test'] });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await t.count('select count(*) as n from automation_runs where retry_of_id = ?', [failed.id])).toBe(0);

    const res = await t.gql(RETRY, { id }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.retryRun).toMatchObject({ status: 'QUEUED', input: { text: 'staff-retry' }, tenant: { slug: 'acme' }, requestedBy: { email: 'staff@atrium.test' }, retryOf: { id } });
    const audit = await t.sql<{ tenant_id: string; actor_id: string; diff: Record<string, unknown> }>(
      `select tenant_id, actor_id, diff from audit_logs where action = 'run.retried' and target_id = ?`,
      [id],
    );
    expect(audit).toEqual([
      { tenant_id: acmeId, actor_id: await t.userId('staff@atrium.test'), diff: { after: { retryId: res.data?.retryRun.id }, viaPlatform: true } },
    ]);
  });
});

describe('listing runs', () => {
  let tenantToken: string;
  let made: { id: string; status: RunStatus; trigger: RunTrigger; tool: string; createdAt: Date; corr: string; ticket: boolean; mine: boolean }[];

  beforeAll(async () => {
    const { p, token } = await tenantWithUser('runs-list', 'viewer');
    tenantToken = token;
    const em = t.orm.em.fork();
    const tenant = em.getReference(Tenant, p.tenant.id);
    const requester = await em.findOneOrFail(User, { email: 'viewer@runs-list.test' });
    const ticket = makeTicket(em, await em.findOneOrFail(Tenant, { id: p.tenant.id }), requester, { subject: 'Runs list ticket' });
    const statuses = Object.values(RunStatus);
    const triggers = Object.values(RunTrigger);
    made = [];
    const base = Date.UTC(2026, 9, 1);
    for (let i = 0; i < 25; i++) {
      const tool = i % 3 === 0 ? capped : echo;
      const createdAt = new Date(base + i * 3_600_000);
      const corr = i < 4 ? 'list-corr-a' : `list-corr-${i}`;
      const run = makeRun(em, tenant, tool, { status: statuses[i % 5], trigger: triggers[i % 4], createdAt, correlationId: corr, ticket: i % 2 === 0 ? ticket : undefined, requestedBy: i % 4 === 1 ? requester : undefined });
      made.push({ id: toGlobalId('AutomationRun', run.id), status: statuses[i % 5], trigger: triggers[i % 4], tool: tool.key, createdAt, corr, ticket: i % 2 === 0, mine: i % 4 === 1 });
    }
    await em.flush();
  });

  const LIST = `query($f: RunFilter, $o: RunOrder, $first: Int, $after: String, $offset: Int) {
    runs(first: $first, after: $after, offset: $offset, filter: $f, orderBy: $o) { totalCount pageInfo { endCursor hasNextPage } nodes { id status trigger tool { key } } }
  }`;

  it('orders by creation, newest first by default, and pages by cursor and offset', async () => {
    const newestFirst = [...made].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((m) => m.id);
    const all = await t.gql(LIST, { first: 100 }, { token: tenantToken });
    expect(all.errors).toBeUndefined();
    expect(all.data?.runs.totalCount).toBe(25);
    expect(all.data?.runs.nodes.map((n: { id: string }) => n.id)).toEqual(newestFirst);
    const asc = await t.gql(LIST, { first: 100, o: { field: 'CREATED_AT', direction: 'ASC' } }, { token: tenantToken });
    expect(asc.data?.runs.nodes.map((n: { id: string }) => n.id)).toEqual([...newestFirst].reverse());
    const p1 = await t.gql(LIST, { first: 10 }, { token: tenantToken });
    const p2 = await t.gql(LIST, { first: 10, after: p1.data?.runs.pageInfo.endCursor }, { token: tenantToken });
    expect([...p1.data!.runs.nodes, ...p2.data!.runs.nodes].map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(0, 20));
    const off = await t.gql(LIST, { first: 5, offset: 20 }, { token: tenantToken });
    expect(off.data?.runs.nodes.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(20));
    expect(off.data?.runs.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by status, tool, trigger, correlation id, ticket, requester and time', async () => {
    const count = async (f: Record<string, unknown>) => {
      const res = await t.gql(LIST, { first: 100, f }, { token: tenantToken });
      expect(res.errors).toBeUndefined();
      return (res.data?.runs.nodes as { id: string }[]).map((n) => n.id).sort();
    };
    const ids = (pred: (m: (typeof made)[number]) => boolean) => made.filter(pred).map((m) => m.id).sort();
    expect(await count({ status: ['FAILED', 'CANCELLED'] })).toEqual(ids((m) => m.status === RunStatus.FAILED || m.status === RunStatus.CANCELLED));
    expect(await count({ toolId: toGlobalId('Tool', capped.id) })).toEqual(ids((m) => m.tool === 'rt.capped'));
    expect(await count({ trigger: ['MESSAGE'] })).toEqual(ids((m) => m.trigger === RunTrigger.MESSAGE));
    expect(await count({ correlationId: 'list-corr-a' })).toEqual(ids((m) => m.corr === 'list-corr-a'));
    const [ticket] = await t.sql<{ id: string }>(`select id from tickets where subject = 'Runs list ticket'`);
    expect(await count({ ticketId: toGlobalId('Ticket', ticket.id) })).toEqual(ids((m) => m.ticket));
    const [requester] = await t.sql<{ id: string }>(`select id from users where email = 'viewer@runs-list.test'`);
    const mine = ids((m) => m.mine);
    expect(mine.length).toBeGreaterThan(0);
    expect(await count({ requestedById: toGlobalId('User', requester.id) })).toEqual(mine);
    expect(await count({ requestedById: toGlobalId('User', await t.userId('member@acme.test')) })).toEqual([]);
    const wrongKind = await t.gql(LIST, { first: 10, f: { requestedById: toGlobalId('Ticket', ticket.id) } }, { token: tenantToken });
    expect(codeOf(wrongKind)).toBe('BAD_USER_INPUT');
    const from = made[10].createdAt.toISOString();
    const to = made[14].createdAt.toISOString();
    expect(await count({ from, to })).toEqual(made.slice(10, 15).map((m) => m.id).sort());
    expect(await count({ status: ['QUEUED'], toolId: toGlobalId('Tool', echo.id), trigger: ['USER', 'PARTNER'] })).toEqual(
      ids((m) => m.status === RunStatus.QUEUED && m.tool === 'rt.echo' && (m.trigger === RunTrigger.USER || m.trigger === RunTrigger.PARTNER)),
    );
  });

  it('runsByStatusSince counts one tenant per status, every status present', async () => {
    const [row] = await t.sql<{ id: string }>(`select id from tenants where slug = 'runs-list'`);
    const since = made[10].createdAt;
    const points = await runsByStatusSince(t.orm.em.fork(), row.id, since);
    const expected = Object.values(RunStatus).map((s) => ({ key: s, value: made.filter((m) => m.status === s && m.createdAt >= since).length }));
    expect(points.map((p) => ({ key: p.key, value: p.value }))).toEqual(expected);
    expect(points.map((p) => p.label)).toEqual(['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled']);
    const empty = await runsByStatusSince(t.orm.em.fork(), row.id, new Date('2030-01-01T00:00:00Z'));
    expect(empty.map((p) => p.value)).toEqual([0, 0, 0, 0, 0]);
    // Another tenant's runs never leak into the count.
    const unrelated = await runsByStatusSince(t.orm.em.fork(), randomUUID(), new Date(0));
    expect(unrelated.map((p) => p.value)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('tenant isolation of runs', () => {
  const runState = async (runGid: string) => {
    const [row] = await t.sql<{ status: string }>('select status from automation_runs where id = ?', [fromGlobalId(runGid).id]);
    return { status: row?.status, retries: await t.count('select count(*) as n from automation_runs where retry_of_id = ?', [fromGlobalId(runGid).id]) };
  };
  const RUNS_FILTER = 'query($f: RunFilter) { runs(first: 10, filter: $f) { totalCount } }';

  describeCrossTenant('a globex run', {
    app: () => t,
    as: { label: 'owner@acme.test', token: () => tokens['owner@acme.test'] },
    owner: { label: 'owner@globex.test', token: () => tokens.globex },
    foreign: () => ({ run: globexRunId, ticket: globexTicketId, tool: toGlobalId('Tool', globexTool.id), tenant: toGlobalId('Tenant', globexId) }),
    secrets: ['globex secret'],
    unchanged: (c) => runState(c.foreign.run),
    reads: [
      { name: "runs lists acme's runs only", query: '{ runs(first: 100) { nodes { id tenant { slug } } } }', expect: { ownOnly: { tenant: 'acme', nonEmpty: true, excludes: (c) => [c.foreign.run] } } },
      { name: 'runs filtered by its correlation id', query: RUNS_FILTER, variables: () => ({ f: { correlationId: 'shared-corr-0001' } }), expect: 'empty' },
      { name: 'runs filtered by the globex tenant', query: RUNS_FILTER, variables: (c) => ({ f: { tenantId: c.foreign.tenant } }), expect: 'empty' },
      { name: 'runs filtered by its globex ticket', query: RUNS_FILTER, variables: (c) => ({ f: { ticketId: c.foreign.ticket } }), expect: 'empty' },
      { name: 'runs filtered by the globex-only tool', query: RUNS_FILTER, variables: (c) => ({ f: { toolId: c.foreign.tool } }), expect: 'empty' },
      { name: 'run(id)', query: 'query($id: ID!) { run(id: $id) { input } }', variables: (c) => ({ id: c.foreign.run }), expect: 'NOT_FOUND' },
      { name: 'node(id)', query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.foreign.run }), expect: 'NOT_FOUND' },
      { name: 'nodes(ids)', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (c) => ({ ids: [c.foreign.run] }), expect: { nodes: () => [null] } },
      {
        name: "ticket(id).runs of its globex ticket, where globex sees it",
        query: 'query($id: ID!) { ticket(id: $id) { runs(first: 5) { totalCount } } }',
        variables: (c) => ({ id: c.foreign.ticket }),
        expect: 'NOT_FOUND',
        control: {
          as: 'owner',
          query: 'query($id: ID!) { ticket(id: $id) { runs(first: 5) { totalCount nodes { id } } } }',
          expect: (own, c) => expect(own.data?.ticket.runs).toEqual({ totalCount: 1, nodes: [{ id: c.foreign.run }] }),
        },
      },
    ],
    writes: [
      { name: 'cancelRun: the run stays FAILED', mutation: 'mutation($id: ID!) { cancelRun(id: $id) { id } }', variables: (c) => ({ id: c.foreign.run }), then: async (_res, c) => expect(await runState(c.foreign.run)).toEqual({ status: 'FAILED', retries: 0 }) },
      { name: 'retryRun: no retry is made', mutation: 'mutation($id: ID!) { retryRun(id: $id) { id } }', variables: (c) => ({ id: c.foreign.run }), then: async (_res, c) => expect(await runState(c.foreign.run)).toEqual({ status: 'FAILED', retries: 0 }) },
    ],
  });

  it('lets platform staff read and cancel across tenants, audited', async () => {
    const token = tokens['staff@atrium.test'];
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const res = await t.gql('query($id: ID!) { run(id: $id) { id tenant { slug } } }', { id: globexRunId }, { token });
    expect(res.data?.run).toEqual({ id: globexRunId, tenant: { slug: 'globex' } });
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
    const em = t.orm.em.fork();
    const queued = makeRun(em, em.getReference(Tenant, globexId), globexTool, { input: { text: 'staff cancels' } });
    await em.flush();
    const cancel = await t.gql('mutation($id: ID!) { cancelRun(id: $id) { status } }', { id: toGlobalId('AutomationRun', queued.id) }, { token });
    expect(cancel.data?.cancelRun.status).toBe('CANCELLED');
    const [audit] = await t.sql<{ tenant_id: string; diff: any }>(`select tenant_id, diff from audit_logs where action = 'run.cancelled' and target_id = ?`, [toGlobalId('AutomationRun', queued.id)]);
    expect(audit).toMatchObject({ tenant_id: globexId, diff: { viaPlatform: true } });
  });

  it('runCorrelationItems: a tenant sees its own runs of a correlation id, staff see every tenant’s, others nothing', async () => {
    const em = t.orm.em.fork();
    const acmeRun = makeRun(em, em.getReference(Tenant, acmeId), echo, { correlationId: 'shared-corr-0001', createdAt: new Date('2026-11-01T10:00:00Z') });
    await em.flush();
    const acme = await runCorrelationItems(await contextFor(tokens['viewer@acme.test']), 'shared-corr-0001');
    expect(acme.map((i) => ({ kind: i.kind, id: (i.node as AutomationRun).id, at: i.at }))).toEqual([{ kind: 'RUN', id: acmeRun.id, at: acmeRun.createdAt }]);
    expect(acme[0]?.node).toBeInstanceOf(AutomationRun);
    expect(acme[0]?.title).toBe('Run of Echo: queued');
    const staff = await runCorrelationItems(await contextFor(tokens['staff@atrium.test']), 'shared-corr-0001');
    expect(staff.map((i) => (i.node as AutomationRun).id).sort()).toEqual([acmeRun.id, fromGlobalId(globexRunId).id].sort());
    expect(staff.map((i) => i.at.getTime())).toEqual([...staff.map((i) => i.at.getTime())].sort((a, b) => a - b));
    expect(await runCorrelationItems(await contextFor(null), 'shared-corr-0001')).toEqual([]);
    expect(await runCorrelationItems(await contextFor(tokens['viewer@acme.test']), 'no-such-correlation')).toEqual([]);
  });
});

describe('SQL statements', () => {
  it('lists runs with tool, ticket, requester and tenant, and tickets with their runs, in a fixed number of statements', async () => {
    const { p, token } = await tenantWithUser('runs-counted', 'owner');
    const em = t.orm.em.fork();
    const tenant = await em.findOneOrFail(Tenant, { id: p.tenant.id });
    const owner = await em.findOneOrFail(User, { email: 'owner@runs-counted.test' });
    for (let i = 0; i < 20; i++) {
      const ticket = makeTicket(em, tenant, owner, { subject: `Counted ${i}`, createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000) });
      for (let r = 0; r < (i % 3) + 1; r++) makeRun(em, tenant, r % 2 ? capped : echo, { ticket, requestedBy: owner, createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000 + r * 1000) });
    }
    await em.flush();
    const RUNS = 'query($n: Int) { runs(first: $n) { nodes { id tool { key } ticket { number } requestedBy { name } tenant { slug } } } }';
    const TICKETS = 'query($n: Int) { tickets(first: $n) { nodes { number runs(first: 2) { totalCount nodes { status tool { key } } } } } }';
    for (const q of [RUNS, TICKETS]) {
      const counts: number[] = [];
      for (const n of [3, 20]) {
        const { count } = await t.countQueries(async () => {
          const res = await t.gql(q, { n }, { token });
          expect(res.errors).toBeUndefined();
          const list = (res.data!.runs ?? res.data!.tickets).nodes as any[];
          expect(list).toHaveLength(n);
          if (res.data?.tickets) {
            for (const tk of list) expect(tk.runs.totalCount).toBe(((tk.number - 1) % 3) + 1);
          } else {
            for (const r of list) expect(r.ticket.number).toBeGreaterThan(0);
          }
        });
        counts.push(count);
      }
      expect({ q, counts: counts[0] }).toEqual({ q, counts: counts[1] });
    }
  });
});
