import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { toGlobalId } from '../../../common/global-id';
import type { Context } from '../../../context/context';
import { insertEvents } from '../../events/event.factory';
import { EventSeverity } from '../../events/system-event.entity';
import { CORRELATION_ENTRY_BOUND, CORRELATION_SOURCE_LIMIT } from '../correlation.types';
import { getCorrelation } from '../correlation.service';
import type { CorrelationItem } from '../correlation.types';

/*
 * correlation(id): one chain built through the real API under one X-Correlation-Id — an event
 * from a job, the incident staff open about it, the ticket a customer raises, the audit rows
 * those requests wrote — read back by people with different rights.
 */

let t: TestApp;
const CID = 'chain-corr-0001-abcdef';
let acme: string;
let eventId: string;
let incidentId: string;
let ticketId: string;

const QUERY = `query($id: String!) {
  correlation(id: $id) {
    id truncated
    entries { at kind title node { id ... on SystemEvent { type } ... on Ticket { subject } ... on Incident { title affectedTenants { slug } } ... on AuditLog { action } } }
  }
}`;

interface Entry {
  at: string;
  kind: string;
  title: string;
  node: { id: string; type?: string; subject?: string; title?: string; action?: string; affectedTenants?: { slug: string }[] };
}

const pause = () => new Promise((r) => setTimeout(r, 15));

async function correlationAs(email: string, id = CID, slug?: string): Promise<{ entries: Entry[]; truncated: boolean; code?: string }> {
  const { accessToken } = await t.login(email, slug);
  const res = await t.gql<{ correlation: { id: string; truncated: boolean; entries: Entry[] } }>(QUERY, { id }, { token: accessToken });
  return { entries: res.data?.correlation.entries ?? [], truncated: res.data?.correlation.truncated ?? false, code: codeOf(res) };
}

beforeAll(async () => {
  t = await startTestApp();
  acme = await t.tenantId('acme');
  // 1. A job records a failure in acme.
  [eventId = ''] = await insertEvents(t.orm.em.fork(), [
    { tenantId: acme, type: 'run.failed', source: 'executor', severity: EventSeverity.ERROR, correlationId: CID, occurredAt: new Date(Date.now() - 1000) },
  ]);
  await pause();
  // 2. Staff open an incident about it, in a request carrying the chain's id.
  const staff = (await t.login('staff@atrium.test')).accessToken;
  const inc = await t.gql(
    'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
    { input: { title: 'Runs failing for acme', severity: 'SEV2', summary: 'Runs fail at start.', tenantIds: [toGlobalId('Tenant', acme)] } },
    { token: staff, headers: { 'X-Correlation-Id': CID } },
  );
  expect(inc.errors).toBeUndefined();
  incidentId = inc.data?.createIncident.id;
  await pause();
  // 3. A customer raises a ticket in the same chain.
  const member = (await t.login('member@acme.test')).accessToken;
  const tk = await t.gql(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
    { input: { subject: 'My runs fail', body: 'Since this morning.' } },
    { token: member, headers: { 'X-Correlation-Id': CID } },
  );
  expect(tk.errors).toBeUndefined();
  ticketId = tk.data?.createTicket.id;
});

afterAll(async () => {
  await t?.close();
});

describe('correlation(id)', () => {
  it('gives a tenant admin the chain in time order: event → incident → ticket → audit, each with its node', async () => {
    const { entries, truncated, code } = await correlationAs('admin@acme.test');
    expect(code).toBeUndefined();
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.kind, e.node.id])).toEqual([
      ['EVENT', toGlobalId('SystemEvent', eventId)],
      ['INCIDENT', incidentId],
      ['TICKET', ticketId],
      ['AUDIT', expect.any(String)],
    ]);
    expect(entries.map((e) => e.title)).toEqual(['run.failed (executor, ERROR)', 'Incident SEV2: Runs failing for acme', expect.stringMatching(/^Ticket #\d+: My runs fail$/), 'ticket.created (Ticket)']);
    expect(entries[3]?.node.action).toBe('ticket.created');
    const times = entries.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Tenant-safe: the incident node shows acme only; platform rows (the incident.opened event,
    // the staff audit row) are not in a customer's chain.
    expect(entries[1]?.node.affectedTenants).toEqual([{ slug: 'acme' }]);
    expect(entries.some((e) => e.node.type === 'incident.opened' || e.node.action === 'incident.created')).toBe(false);
  });

  it('leaves out the kinds the caller may not read: an agent (no audit:read) sees no audit entries', async () => {
    const { entries } = await correlationAs('agent@acme.test');
    expect(entries.map((e) => e.kind)).toEqual(['EVENT', 'INCIDENT', 'TICKET']);
  });

  it('refuses a member without correlation:read', async () => {
    expect((await correlationAs('member@acme.test')).code).toBe('FORBIDDEN');
  });

  describeCrossTenant("acme's chain", {
    app: () => t,
    as: { email: 'owner@globex.test', tenant: 'globex' },
    foreign: () => ({ correlationId: CID }),
    reads: [{ name: 'correlation(id) shows a customer of another tenant nothing of it', query: QUERY, variables: (c) => ({ id: c.foreign.correlationId }), at: 'correlation.entries', expect: 'empty' }],
    checks: [
      {
        name: 'correlation(id) under the same id shows their own items, and only those',
        run: async (c) => {
          const globex = await t.tenantId('globex');
          const [own = ''] = await insertEvents(t.orm.em.fork(), [{ tenantId: globex, type: 'run.started', correlationId: c.foreign.correlationId }]);
          const after = await correlationAs('owner@globex.test', c.foreign.correlationId, 'globex');
          expect(after.entries.map((e) => e.node.id)).toEqual([toGlobalId('SystemEvent', own)]);
        },
      },
    ],
  });

  it('shows staff everything, platform rows included, and audits the read', async () => {
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const { entries, code } = await correlationAs('staff@atrium.test');
    expect(code).toBeUndefined();
    const kinds = entries.map((e) => `${e.kind}:${e.node.type ?? e.node.action ?? e.node.title ?? e.node.subject ?? ''}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'EVENT:run.failed',
        'EVENT:incident.opened',
        'EVENT:run.started',
        'INCIDENT:Runs failing for acme',
        'TICKET:My runs fail',
        'AUDIT:incident.created',
        'AUDIT:ticket.created',
      ]),
    );
    expect(entries).toHaveLength(7);
    const times = entries.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'correlationId' = ?`, [CID])).toBe(1);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
  });

  it('answers an unknown id with no entries, and refuses an over-long one', async () => {
    expect((await correlationAs('admin@acme.test', 'no-such-correlation-id')).entries).toEqual([]);
    expect((await correlationAs('admin@acme.test', 'x'.repeat(129))).code).toBe('BAD_USER_INPUT');
  });

  it('sends one statement per source, plus the session lookup', async () => {
    const { accessToken } = await t.login('admin@acme.test');
    const counted = await t.countQueries(async () => {
      const res = await t.gql('query($id: String!) { correlation(id: $id) { entries { kind title node { id } } } }', { id: CID }, { token: accessToken });
      expect(res.data?.correlation.entries).toHaveLength(4);
    });
    expect(counted.sql).toHaveLength(1 + t.app.services.registry.correlationSources.length);
  });

  it('is costed for as many kinds as the modules contribute', () => {
    // The query cost model counts CORRELATION_ENTRY_BOUND entries; one more kind must raise it.
    expect(t.app.services.registry.correlationSources.length * CORRELATION_SOURCE_LIMIT).toBeLessThanOrEqual(CORRELATION_ENTRY_BOUND);
  });
});

describe('the merge', () => {
  // Only what the merge reads: no tenant scope to audit.
  const ctx = { tenantId: 'tenant', principal: { kind: 'anonymous' } } as unknown as Context;
  const item = (kind: CorrelationItem['kind'], at: number, id: string): CorrelationItem => ({ at: new Date(at), kind, title: id, node: { id } });

  it('orders by time, then by kind (message, run, event, incident, ticket, audit), then by id', async () => {
    const sources = [
      async () => [item('AUDIT', 10, 'a1'), item('TICKET', 10, 't1')],
      async () => [item('EVENT', 10, 'e2'), item('EVENT', 10, 'e1'), item('RUN', 20, 'r1')],
      async () => [item('MESSAGE', 10, 'm1'), item('INCIDENT', 5, 'i1')],
    ];
    const { entries, truncated } = await getCorrelation(ctx, 'merge-test', sources);
    expect(entries.map((e) => e.title)).toEqual(['i1', 'm1', 'e1', 'e2', 't1', 'a1', 'r1']);
    expect(truncated).toBe(false);
  });

  it(`keeps at most ${CORRELATION_SOURCE_LIMIT} entries of a kind and says so`, async () => {
    const many = Array.from({ length: CORRELATION_SOURCE_LIMIT + 1 }, (_, i) => item('RUN', i, `r${String(i).padStart(3, '0')}`));
    const { entries, truncated } = await getCorrelation(ctx, 'merge-test', [async () => many, async () => [item('EVENT', 0, 'e')]]);
    expect(entries.filter((e) => e.kind === 'RUN')).toHaveLength(CORRELATION_SOURCE_LIMIT);
    expect(entries.filter((e) => e.kind === 'EVENT')).toHaveLength(1);
    expect(truncated).toBe(true);
  });
});
