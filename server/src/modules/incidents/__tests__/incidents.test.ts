import { randomBytes, randomUUID } from 'node:crypto';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { hashPassword } from '../../auth/password';
import { insertEvents } from '../../events/event.factory';
import { EventSeverity } from '../../events/system-event.entity';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { makeTicket } from '../../tickets/ticket.factory';
import { User } from '../../users/user.entity';
import { IncidentStatus } from '../incident.entity';
import { INCIDENT_TRANSITIONS, transitionOf } from '../incident.transitions';

/*
 * Incidents end to end: staff create and move them (audited, with system events), link events
 * and tickets, write notes; customers of affected tenants read the tenant-safe parts only.
 * Two tenants are made here ("inc-a", "inc-b"), so seeded incidents never change the numbers;
 * every mutation carries its own correlation id, so its audit rows and events can be read back.
 */

let t: TestApp;
const PASSWORD = 'pw-incidents-123';
const tokens: Record<string, string> = {};
const tenants: Record<'a' | 'b', string> = { a: '', b: '' };
const tickets: Record<'a' | 'b', string[]> = { a: [], b: [] };
const events: Record<'a' | 'b' | 'platform', string[]> = { a: [], b: [], platform: [] };
let staffId: string;

const INCIDENT_FIELDS = `id title severity status summary correlationId createdAt mitigatedAt resolvedAt
  openedBy { email } mitigatedBy { email } resolvedBy { email }
  affectedTenants { slug }
  tickets { id number tenant { slug } }
  events { id type tenant { slug } }
  timeline { id kind message fromStatus toStatus internal at author { email } }`;
const CREATE = `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const TRANSITION = `mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const LINK_TICKETS = `mutation($input: LinkIncidentTicketsInput!) { linkIncidentTickets(input: $input) { ${INCIDENT_FIELDS} } }`;
const LINK_EVENTS = `mutation($input: LinkIncidentEventsInput!) { linkIncidentEvents(input: $input) { ${INCIDENT_FIELDS} } }`;
const NOTE = 'mutation($input: AddIncidentNoteInput!) { addIncidentNote(input: $input) { id kind message internal author { email } incident { id } } }';
const GET = `query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`;
const LIST = `query($first: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {
  incidents(first: $first, filter: $filter, orderBy: $orderBy) { totalCount nodes { id title status } }
}`;

interface TimelineNode {
  id: string;
  kind: string;
  message: string;
  fromStatus: string | null;
  toStatus: string | null;
  internal: boolean;
  at: string;
  author: { email: string } | null;
}
interface IncidentNode {
  id: string;
  title: string;
  severity: string;
  status: IncidentStatus;
  summary: string;
  correlationId: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  openedBy: { email: string } | null;
  mitigatedBy: { email: string } | null;
  resolvedBy: { email: string } | null;
  affectedTenants: { slug: string }[];
  tickets: { id: string; number: number; tenant: { slug: string } }[];
  events: { id: string; type: string; tenant: { slug: string } | null }[];
  timeline: TimelineNode[];
}

const corr = (label: string) => `inc-${label}-${randomBytes(4).toString('hex')}`;
const tenantGid = (k: 'a' | 'b') => toGlobalId('Tenant', tenants[k]);

/** Sends a mutation as staff with its own correlation id; returns the response and the id. */
async function asStaff<T = Record<string, any>>(query: string, input: Record<string, unknown>, label = 'm'): Promise<{ res: GqlResponse<T>; cid: string }> {
  const cid = corr(label);
  const res = await t.gql<T>(query, { input }, { token: tokens.staff, headers: { 'X-Correlation-Id': cid } });
  return { res, cid };
}

async function create(extra: Record<string, unknown> = {}): Promise<IncidentNode> {
  const { res } = await asStaff<{ createIncident: IncidentNode }>(CREATE, {
    title: 'Webhook deliveries delayed',
    severity: 'SEV2',
    summary: 'Deliveries are queued; nothing is lost.',
    tenantIds: [tenantGid('a')],
    ...extra,
  });
  expect(res.errors).toBeUndefined();
  const incident = res.data?.createIncident;
  if (!incident) throw new Error('createIncident returned nothing');
  return incident;
}

async function auditRows(cid: string): Promise<{ action: string; tenant_id: string | null; actor_id: string | null; target_id: string | null; diff: Record<string, any> }[]> {
  return t.sql(`select action, tenant_id, actor_id, target_id, diff from audit_logs where correlation_id = ? order by created_at, id`, [cid]);
}

async function eventRows(cid: string): Promise<{ type: string; tenant_id: string | null; severity: string; source: string; payload: Record<string, any> }[]> {
  return t.sql(`select type, tenant_id, severity, source, payload from system_events where correlation_id = ? order by occurred_at, id`, [cid]);
}

async function incidentRow(globalId: string): Promise<Record<string, any>> {
  const id = fromGlobalId(globalId).id;
  const [row] = await t.sql(
    `select i.status, i.mitigated_at, i.mitigated_by_id, i.resolved_at, i.resolved_by_id, i.updated_at,
            (select count(*)::int from incident_timeline_entries e where e.incident_id = i.id) as entries,
            (select count(*)::int from incident_tenants x where x.incident_id = i.id) as tenants,
            (select count(*)::int from incident_tickets x where x.incident_id = i.id) as tickets,
            (select count(*)::int from incident_events x where x.incident_id = i.id) as events
       from incidents i where i.id = ?`,
    [id],
  );
  if (!row) throw new Error(`no incident ${globalId}`);
  return row;
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const passwordHash = await hashPassword(PASSWORD);
  const user = (email: string) => {
    const u = em.create(User, { email, name: email.split('@')[0] ?? email, passwordHash });
    em.persist(u);
    return u;
  };
  const pa = provisionTenant(em, { slug: 'inc-a', name: 'Incident A' });
  const pb = provisionTenant(em, { slug: 'inc-b', name: 'Incident B' });
  const aAgent = user('agent@inc-a.test');
  const aViewer = user('viewer@inc-a.test');
  const bAgent = user('agent@inc-b.test');
  addMember(em, pa, aAgent, 'agent');
  addMember(em, pa, aViewer, 'viewer');
  addMember(em, pb, bAgent, 'agent');
  for (let i = 0; i < 3; i++) tickets.a.push(makeTicket(em, pa.tenant, aAgent, { subject: `A ticket ${i}` }).id);
  for (let i = 0; i < 2; i++) tickets.b.push(makeTicket(em, pb.tenant, bAgent, { subject: `B ticket ${i}` }).id);
  await em.flush();
  tenants.a = pa.tenant.id;
  tenants.b = pb.tenant.id;
  events.a = await insertEvents(t.orm.em.fork(), [
    { tenantId: tenants.a, type: 'run.failed', severity: EventSeverity.ERROR },
    { tenantId: tenants.a, type: 'run.retried' },
  ]);
  events.b = await insertEvents(t.orm.em.fork(), [{ tenantId: tenants.b, type: 'run.failed', severity: EventSeverity.ERROR }]);
  events.platform = await insertEvents(t.orm.em.fork(), [{ tenantId: null, type: 'queue.backlog', severity: EventSeverity.WARNING }]);
  staffId = await t.userId('staff@atrium.test');
  tokens.staff = (await t.login('staff@atrium.test')).accessToken;
  tokens.aAgent = (await t.login('agent@inc-a.test', 'inc-a', PASSWORD)).accessToken;
  tokens.aViewer = (await t.login('viewer@inc-a.test', 'inc-a', PASSWORD)).accessToken;
  tokens.bAgent = (await t.login('agent@inc-b.test', 'inc-b', PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('createIncident', () => {
  it('opens an incident with its tenants, a timeline entry, an audit row and an "incident.opened" event, all under the request id', async () => {
    const { res, cid } = await asStaff<{ createIncident: IncidentNode }>(CREATE, {
      title: '  Login outage  ',
      severity: 'SEV1',
      summary: 'Sign-in fails for some users.',
      tenantIds: [tenantGid('b'), tenantGid('a'), tenantGid('a')],
    }, 'create');
    expect(res.errors).toBeUndefined();
    const incident = res.data?.createIncident;
    expect(incident).toMatchObject({
      title: 'Login outage',
      severity: 'SEV1',
      status: 'OPEN',
      correlationId: cid,
      mitigatedAt: null,
      resolvedAt: null,
      openedBy: { email: 'staff@atrium.test' },
      affectedTenants: [{ slug: 'inc-a' }, { slug: 'inc-b' }],
      tickets: [],
      events: [],
    });
    expect(incident?.timeline).toEqual([
      expect.objectContaining({ kind: 'CREATED', toStatus: 'OPEN', internal: false, message: 'Incident opened (SEV1): Login outage', author: { email: 'staff@atrium.test' } }),
    ]);
    const id = incident?.id ?? '';
    expect(await auditRows(cid)).toEqual([
      {
        action: 'incident.created',
        tenant_id: null,
        actor_id: staffId,
        target_id: id,
        diff: { after: { title: 'Login outage', severity: 'SEV1', status: 'OPEN', tenantIds: [tenantGid('a'), tenantGid('b')], correlationId: cid } },
      },
    ]);
    expect(await eventRows(cid)).toEqual([
      {
        type: 'incident.opened',
        tenant_id: null,
        severity: 'CRITICAL',
        source: 'incidents',
        payload: { incidentId: id, title: 'Login outage', severity: 'SEV1', tenantIds: [tenantGid('a'), tenantGid('b')] },
      },
    ]);
  });

  it('takes an explicit correlation id instead of the request one', async () => {
    const incident = await create({ correlationId: 'chain-under-investigation-42' });
    expect(incident.correlationId).toBe('chain-under-investigation-42');
    expect(await t.count(`select count(*) as n from system_events where correlation_id = 'chain-under-investigation-42' and type = 'incident.opened'`)).toBe(1);
  });

  it.each([
    ['a short title (after trimming)', { title: '  ab  ' }, 'title'],
    ['a blank summary', { summary: '   ' }, 'summary'],
    ['no tenants', { tenantIds: [] }, 'tenantIds'],
    ['a non-tenant id', { tenantIds: [toGlobalId('Ticket', randomUUID())] }, 'tenantIds.0'],
    ['a malformed correlation id', { correlationId: 'bad id!' }, 'correlationId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_name, patch, field) => {
    const before = await t.count('select count(*) as n from incidents');
    const { res, cid } = await asStaff(CREATE, { title: 'Valid title', severity: 'SEV3', summary: 'Valid.', tenantIds: [tenantGid('a')], ...patch });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(await t.count('select count(*) as n from incidents')).toBe(before);
    expect(await auditRows(cid)).toEqual([]);
    expect(await eventRows(cid)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown tenant, and writes nothing', async () => {
    const before = await t.count('select count(*) as n from incidents');
    const { res, cid } = await asStaff(CREATE, { title: 'Valid title', severity: 'SEV3', summary: 'Valid.', tenantIds: [tenantGid('a'), toGlobalId('Tenant', randomUUID())] });
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(await t.count('select count(*) as n from incidents')).toBe(before);
    expect(await auditRows(cid)).toEqual([]);
    expect(await eventRows(cid)).toEqual([]);
  });
});

describe('the transition table', () => {
  const ALL = [IncidentStatus.OPEN, IncidentStatus.MITIGATED, IncidentStatus.RESOLVED];
  const ALLOWED = new Set(['OPEN>MITIGATED', 'MITIGATED>RESOLVED']);

  it('allows OPEN → MITIGATED → RESOLVED and nothing else', () => {
    for (const from of ALL) for (const to of ALL) expect({ cell: `${from}>${to}`, ok: transitionOf(from, to) !== null }).toEqual({ cell: `${from}>${to}`, ok: ALLOWED.has(`${from}>${to}`) });
    expect(Object.keys(INCIDENT_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  /** An incident brought to `status` through the allowed moves. */
  async function incidentIn(status: IncidentStatus): Promise<string> {
    const { id } = await create();
    const path = status === IncidentStatus.OPEN ? [] : status === IncidentStatus.MITIGATED ? ['MITIGATED'] : ['MITIGATED', 'RESOLVED'];
    for (const to of path) {
      const { res } = await asStaff(TRANSITION, { id, to });
      expect(res.errors).toBeUndefined();
    }
    return id;
  }

  describe.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);

    it(allowed ? 'is allowed: stamps time and staff member, adds a timeline entry, an audit row and an event' : 'is refused with CONFLICT, and nothing changes', async () => {
      const id = await incidentIn(from);
      const before = await incidentRow(id);
      const started = Date.now();
      const { res, cid } = await asStaff<{ transitionIncident: IncidentNode }>(TRANSITION, { id, to, note: 'Rolled back the release.' }, 'move');
      const after = await incidentRow(id);
      if (!allowed) {
        expect(codeOf(res)).toBe('CONFLICT');
        expect(res.errors?.[0]?.extensions.reason).toBe('INVALID_TRANSITION');
        expect(res.errors?.[0]?.message).toMatch(new RegExp(`This incident is ${from}`));
        expect(after).toEqual(before);
        expect(await auditRows(cid)).toEqual([]);
        expect(await eventRows(cid)).toEqual([]);
        return;
      }
      expect(res.errors).toBeUndefined();
      const incident = res.data?.transitionIncident;
      expect(incident?.status).toBe(to);
      expect(after.status).toBe(to);
      expect(after.entries).toBe(before.entries + 1);
      const stampAt = to === IncidentStatus.MITIGATED ? after.mitigated_at : after.resolved_at;
      const stampBy = to === IncidentStatus.MITIGATED ? after.mitigated_by_id : after.resolved_by_id;
      expect(stampBy).toBe(staffId);
      expect(new Date(stampAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(to === IncidentStatus.MITIGATED ? incident?.mitigatedBy : incident?.resolvedBy).toEqual({ email: 'staff@atrium.test' });
      // The earlier stamp is kept.
      if (to === IncidentStatus.RESOLVED) expect(after.mitigated_at).toEqual(before.mitigated_at);
      expect(incident?.timeline.at(-1)).toMatchObject({ kind: 'STATUS_CHANGED', fromStatus: from, toStatus: to, internal: false, message: `Moved from ${from} to ${to}: Rolled back the release.` });
      expect(await auditRows(cid)).toEqual([
        { action: 'incident.transitioned', tenant_id: null, actor_id: staffId, target_id: id, diff: { before: { status: from }, after: { status: to }, note: 'Rolled back the release.' } },
      ]);
      // The event carries the incident's correlation id, so the incident's chain shows its whole life.
      expect(await eventRows(cid)).toEqual([]);
      const moved = await t.sql(`select type, tenant_id, severity, source, payload, correlation_id from system_events where type = ? and payload->>'incidentId' = ?`, [
        `incident.${to.toLowerCase()}`,
        id,
      ]);
      expect(moved).toEqual([
        { type: `incident.${to.toLowerCase()}`, tenant_id: null, severity: 'INFO', source: 'incidents', payload: { incidentId: id, from, to }, correlation_id: incident?.correlationId },
      ]);
    });
  });

  it('answers NOT_FOUND for an unknown incident and BAD_USER_INPUT for a blank note', async () => {
    const missing = await asStaff(TRANSITION, { id: toGlobalId('Incident', randomUUID()), to: 'MITIGATED' });
    expect(codeOf(missing.res)).toBe('NOT_FOUND');
    const { id } = await create();
    const blank = await asStaff(TRANSITION, { id, to: 'MITIGATED', note: '   ' });
    expect(codeOf(blank.res)).toBe('BAD_USER_INPUT');
    expect((await incidentRow(id)).status).toBe('OPEN');
  });
});

describe('linking tickets and events', () => {
  it("links tickets of several tenants: adds the new tenant, one timeline entry per tenant, one audit row; relinking is a no-op", async () => {
    const { id } = await create();
    const ids = [tickets.a[0], tickets.a[1], tickets.b[0]].map((x) => toGlobalId('Ticket', x ?? ''));
    const { res, cid } = await asStaff<{ linkIncidentTickets: IncidentNode }>(LINK_TICKETS, { incidentId: id, ticketIds: ids }, 'link');
    expect(res.errors).toBeUndefined();
    const incident = res.data?.linkIncidentTickets;
    expect(incident?.affectedTenants).toEqual([{ slug: 'inc-a' }, { slug: 'inc-b' }]);
    expect(incident?.tickets.map((tk) => tk.id).sort()).toEqual([...ids].sort());
    const kinds = incident?.timeline.map((e) => e.kind);
    expect(kinds).toEqual(['CREATED', 'TENANT_ADDED', 'TICKETS_LINKED', 'TICKETS_LINKED']);
    const [row] = await auditRows(cid);
    expect(row).toMatchObject({ action: 'incident.tickets_linked', tenant_id: null, actor_id: staffId, target_id: id });
    expect(row?.diff.added.sort()).toEqual([...ids].sort());
    expect(row?.diff.tenantsAdded).toEqual([tenantGid('b')]);

    const before = await incidentRow(id);
    const again = await asStaff(LINK_TICKETS, { incidentId: id, ticketIds: ids.slice(0, 2) });
    expect(again.res.errors).toBeUndefined();
    expect(await incidentRow(id)).toEqual(before);
    expect(await auditRows(again.cid)).toEqual([]);
  });

  it('links a tenant event and a platform event: the platform one gets an internal timeline entry', async () => {
    const { id } = await create();
    const ids = [events.a[0], events.platform[0]].map((x) => toGlobalId('SystemEvent', x ?? ''));
    const { res, cid } = await asStaff<{ linkIncidentEvents: IncidentNode }>(LINK_EVENTS, { incidentId: id, eventIds: ids }, 'link-ev');
    expect(res.errors).toBeUndefined();
    const incident = res.data?.linkIncidentEvents;
    expect(incident?.events.map((e) => e.type).sort()).toEqual(['queue.backlog', 'run.failed']);
    expect(incident?.affectedTenants).toEqual([{ slug: 'inc-a' }]);
    const linked = incident?.timeline.filter((e) => e.kind === 'EVENTS_LINKED') ?? [];
    expect(linked.map((e) => [e.internal, e.message]).sort()).toEqual([
      [false, 'Linked 1 event(s): run.failed'],
      [true, 'Linked 1 event(s): queue.backlog'],
    ]);
    expect((await auditRows(cid)).map((r) => r.action)).toEqual(['incident.events_linked']);
  });

  it('answers NOT_FOUND for a missing ticket or event and BAD_USER_INPUT for a wrong id type, linking nothing', async () => {
    const { id } = await create();
    const before = await incidentRow(id);
    const tk = await asStaff(LINK_TICKETS, { incidentId: id, ticketIds: [toGlobalId('Ticket', tickets.a[0] ?? ''), toGlobalId('Ticket', randomUUID())] });
    expect(codeOf(tk.res)).toBe('NOT_FOUND');
    const ev = await asStaff(LINK_EVENTS, { incidentId: id, eventIds: [toGlobalId('SystemEvent', randomUUID())] });
    expect(codeOf(ev.res)).toBe('NOT_FOUND');
    const wrong = await asStaff(LINK_EVENTS, { incidentId: id, eventIds: [toGlobalId('Ticket', tickets.a[0] ?? '')] });
    expect(codeOf(wrong.res)).toBe('BAD_USER_INPUT');
    expect(wrong.res.errors?.[0]?.extensions.fields).toEqual([expect.objectContaining({ field: 'eventIds.0' })]);
    expect(await incidentRow(id)).toEqual(before);
    for (const cid of [tk.cid, ev.cid, wrong.cid]) expect(await auditRows(cid)).toEqual([]);
  });
});

describe('addIncidentNote', () => {
  it('adds an internal note by default and a public one on request, each audited', async () => {
    const { id } = await create();
    const internal = await asStaff<{ addIncidentNote: Record<string, any> }>(NOTE, { incidentId: id, body: '  Paged the database team.  ' }, 'note');
    expect(internal.res.errors).toBeUndefined();
    expect(internal.res.data?.addIncidentNote).toMatchObject({ kind: 'NOTE', message: 'Paged the database team.', internal: true, author: { email: 'staff@atrium.test' }, incident: { id } });
    expect(await auditRows(internal.cid)).toEqual([
      expect.objectContaining({ action: 'incident.note_added', target_id: id, diff: { after: { internal: true, body: 'Paged the database team.' } } }),
    ]);
    const pub = await asStaff<{ addIncidentNote: Record<string, any> }>(NOTE, { incidentId: id, body: 'A fix is rolling out.', internal: false });
    expect(pub.res.data?.addIncidentNote).toMatchObject({ internal: false });
    const blank = await asStaff(NOTE, { incidentId: id, body: '   ' });
    expect(codeOf(blank.res)).toBe('BAD_USER_INPUT');
    expect(await auditRows(blank.cid)).toEqual([]);
  });
});

describe('what customers see', () => {
  /** An incident affecting both tenants, with tickets, events and notes of each kind. */
  let shared: string;
  let onlyB: string;
  let internalNoteId: string;
  let publicNoteId: string;
  let bEntryId: string;

  beforeAll(async () => {
    const made = await create({ title: 'Shared outage', tenantIds: [tenantGid('a'), tenantGid('b')], correlationId: 'customer-view-0001' });
    shared = made.id;
    const allTickets = [...tickets.a, ...tickets.b].map((x) => toGlobalId('Ticket', x));
    expect((await asStaff(LINK_TICKETS, { incidentId: shared, ticketIds: allTickets })).res.errors).toBeUndefined();
    const allEvents = [...events.a, ...events.b, ...events.platform].map((x) => toGlobalId('SystemEvent', x));
    expect((await asStaff(LINK_EVENTS, { incidentId: shared, eventIds: allEvents })).res.errors).toBeUndefined();
    const internal = await asStaff<{ addIncidentNote: { id: string } }>(NOTE, { incidentId: shared, body: 'Suspect: the new load balancer.' });
    internalNoteId = internal.res.data?.addIncidentNote.id ?? '';
    const pub = await asStaff<{ addIncidentNote: { id: string } }>(NOTE, { incidentId: shared, body: 'We are on it.', internal: false });
    publicNoteId = pub.res.data?.addIncidentNote.id ?? '';
    expect((await asStaff(TRANSITION, { id: shared, to: 'MITIGATED' })).res.errors).toBeUndefined();
    onlyB = (await create({ title: 'Only B is affected', tenantIds: [tenantGid('b')], correlationId: 'customer-view-0002' })).id;
    const [bEntry] = await t.sql<{ id: string }>(`select id from incident_timeline_entries where tenant_id = ? and incident_id = ? limit 1`, [tenants.b, fromGlobalId(shared).id]);
    bEntryId = toGlobalId('IncidentTimelineEntry', bEntry?.id ?? '');
  });

  it('staff see every part, including internal notes, other tenants and who did what', async () => {
    const res = await t.gql<{ incident: IncidentNode }>(GET, { id: shared }, { token: tokens.staff });
    expect(res.errors).toBeUndefined();
    const inc = res.data?.incident;
    expect(inc?.affectedTenants).toEqual([{ slug: 'inc-a' }, { slug: 'inc-b' }]);
    expect(inc?.tickets).toHaveLength(5);
    expect(inc?.events).toHaveLength(4);
    expect(inc?.openedBy).toEqual({ email: 'staff@atrium.test' });
    expect(inc?.mitigatedBy).toEqual({ email: 'staff@atrium.test' });
    expect(inc?.timeline.map((e) => e.id)).toEqual(expect.arrayContaining([internalNoteId, publicNoteId, bEntryId]));
    expect(inc?.timeline.every((e) => e.author?.email === 'staff@atrium.test')).toBe(true);
  });

  it("a tenant agent sees their tenant's parts only: tenant, tickets, events, public entries; no staff names", async () => {
    const res = await t.gql<{ incident: IncidentNode }>(GET, { id: shared }, { token: tokens.aAgent });
    expect(res.errors).toBeUndefined();
    const inc = res.data?.incident;
    expect(inc).toMatchObject({ title: 'Shared outage', status: 'MITIGATED', openedBy: null, mitigatedBy: null, resolvedBy: null });
    expect(inc?.mitigatedAt).not.toBeNull();
    expect(inc?.affectedTenants).toEqual([{ slug: 'inc-a' }]);
    expect(inc?.tickets.map((tk) => tk.id).sort()).toEqual(tickets.a.map((x) => toGlobalId('Ticket', x)).sort());
    expect(inc?.events.map((e) => e.id).sort()).toEqual(events.a.map((x) => toGlobalId('SystemEvent', x)).sort());
    const timeline = inc?.timeline ?? [];
    expect(timeline.every((e) => !e.internal && e.author === null)).toBe(true);
    const ids = timeline.map((e) => e.id);
    expect(ids).toContain(publicNoteId);
    expect(ids).not.toContain(internalNoteId);
    expect(ids).not.toContain(bEntryId);
    expect(timeline.map((e) => e.kind)).toEqual(['CREATED', 'TICKETS_LINKED', 'EVENTS_LINKED', 'NOTE', 'STATUS_CHANGED']);
    expect(JSON.stringify(inc)).not.toMatch(/inc-b|queue\.backlog|load balancer/);
  });

  it('a viewer, without event:read, sees no linked events but the tickets', async () => {
    const res = await t.gql<{ incident: IncidentNode }>(GET, { id: shared }, { token: tokens.aViewer });
    expect(res.errors).toBeUndefined();
    expect(res.data?.incident.events).toEqual([]);
    expect(res.data?.incident.tickets).toHaveLength(tickets.a.length);
  });

  describeCrossTenant<{ incident: string; tenant: string }, { incident: string }>('an incident affecting inc-b only', {
    app: () => t,
    as: { label: 'agent@inc-a.test', token: () => tokens.aAgent },
    owner: { label: 'agent@inc-b.test', token: () => tokens.bAgent },
    foreign: () => ({ incident: onlyB, tenant: tenantGid('b') }),
    own: () => ({ incident: shared }),
    reads: [
      {
        name: "incidents filtered by its correlation id; by their own, the caller finds theirs; inc-b finds it",
        query: LIST,
        variables: () => ({ first: 100, filter: { correlationId: 'customer-view-0002' } }),
        expect: 'empty',
        control: [
          { variables: () => ({ first: 100, filter: { correlationId: 'customer-view-0001' } }), expect: (mine, c) => expect(mine.data?.incidents.nodes.map((n: { id: string }) => n.id)).toEqual([c.own.incident]) },
          { as: 'owner', expect: (b, c) => expect(b.data?.incidents.nodes.map((n: { id: string }) => n.id)).toEqual([c.foreign.incident]) },
        ],
      },
      { name: 'incidents filtered by the inc-b tenant', query: LIST, variables: (c) => ({ first: 100, filter: { tenantId: c.foreign.tenant } }), expect: 'empty' },
      {
        name: 'incidents lists those affecting inc-a only',
        query: LIST,
        variables: () => ({ first: 100 }),
        expect: { ownOnly: { total: () => t.count(`select count(*) as n from incident_tenants where tenant_id = ?`, [tenants.a]), excludes: (c) => [c.foreign.incident] } },
      },
      { name: 'incident(id)', query: GET, variables: (c) => ({ id: c.foreign.incident }), expect: 'NOT_FOUND' },
      { name: 'node(id)', query: 'query($id: ID!) { node(id: $id) { id ... on Incident { title } } }', variables: (c) => ({ id: c.foreign.incident }), expect: 'NOT_FOUND' },
      { name: 'nodes(ids), with an incident it shares', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (c) => ({ ids: [c.own.incident, c.foreign.incident] }), expect: { nodes: (c) => [c.own.incident, null] } },
    ],
  });

  it('reaches timeline entries by node id only when they are public and for everyone or for the tenant', async () => {
    const q = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on IncidentTimelineEntry { message internal } } }';
    const res = await t.gql(q, { ids: [publicNoteId, internalNoteId, bEntryId] }, { token: tokens.aAgent });
    expect(res.data?.nodes).toEqual([{ id: publicNoteId, message: 'We are on it.', internal: false }, null, null]);
    const b = await t.gql(q, { ids: [bEntryId] }, { token: tokens.bAgent });
    expect(b.data?.nodes).toEqual([expect.objectContaining({ id: bEntryId })]);
    const staff = await t.gql(q, { ids: [internalNoteId] }, { token: tokens.staff });
    expect(staff.data?.nodes).toEqual([expect.objectContaining({ id: internalNoteId, internal: true })]);
  });

  it('Ticket.incidents shows the incidents a ticket is linked to, to those who may see both', async () => {
    const q = 'query($id: ID!) { ticket(id: $id) { id incidents { id title affectedTenants { slug } } } }';
    const aTicket = toGlobalId('Ticket', tickets.a[0] ?? '');
    const mine = await t.gql(q, { id: aTicket }, { token: tokens.aAgent });
    expect(mine.errors).toBeUndefined();
    const linked = await t.sql<{ id: string }>(
      `select i.id from incident_tickets it join incidents i on i.id = it.incident_id where it.ticket_id = ? order by i.created_at desc, i.id desc`,
      [tickets.a[0]],
    );
    expect(linked.length).toBeGreaterThan(1);
    expect(mine.data?.ticket.incidents.map((i: { id: string }) => i.id)).toEqual(linked.map((r) => toGlobalId('Incident', r.id)));
    expect(mine.data?.ticket.incidents).toContainEqual({ id: shared, title: 'Shared outage', affectedTenants: [{ slug: 'inc-a' }] });
    // inc-b cannot reach inc-a's ticket at all.
    expect(codeOf(await t.gql(q, { id: aTicket }, { token: tokens.bAgent }))).toBe('NOT_FOUND');
    const staff = await t.gql(q, { id: aTicket }, { token: tokens.staff });
    expect(staff.data?.ticket.incidents.map((i: { id: string }) => i.id)).toContain(shared);
  });

  it('refuses every incident mutation to customers (FORBIDDEN) and changes nothing', async () => {
    const before = await incidentRow(shared);
    for (const token of [tokens.aAgent, tokens.bAgent]) {
      expect(codeOf(await t.gql(TRANSITION, { input: { id: shared, to: 'RESOLVED' } }, { token }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(NOTE, { input: { incidentId: shared, body: 'customer note' } }, { token }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(LINK_TICKETS, { input: { incidentId: shared, ticketIds: [toGlobalId('Ticket', tickets.a[2] ?? '')] } }, { token }))).toBe('FORBIDDEN');
    }
    expect(await incidentRow(shared)).toEqual(before);
  });
});

describe('staff reads', () => {
  it('list incidents affecting one tenant with filter.tenantId, audited against that tenant', async () => {
    const { id } = await create({ title: 'Staff filter check', tenantIds: [tenantGid('b')] });
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const res = await t.gql<{ incidents: { totalCount: number; nodes: { id: string }[] } }>(LIST, { first: 100, filter: { tenantId: tenantGid('b') } }, { token: tokens.staff });
    expect(res.errors).toBeUndefined();
    const expected = await t.count(`select count(*) as n from incident_tenants where tenant_id = ?`, [tenants.b]);
    expect(res.data?.incidents.totalCount).toBe(expected);
    expect(res.data?.incidents.nodes.map((n) => n.id)).toContain(id);
    const [row] = await t.sql<{ tenant_id: string; diff: Record<string, unknown> }>(`select tenant_id, diff from audit_logs where action = 'platform.access' order by created_at desc, id desc limit 1`);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
    expect(row).toMatchObject({ tenant_id: tenants.b, diff: { operation: 'incidents' } });
  });
});

describe('incident filters and order', () => {
  it('filters by text, status and severity, and orders by last change', async () => {
    const cid = 'filters-and-order-01';
    const a = await create({ title: 'Search index stale', severity: 'SEV3', correlationId: cid });
    const b = await create({ title: 'Payments slow', summary: 'The search for a payment times out.', severity: 'SEV1', correlationId: cid });
    const c = await create({ title: 'Exports failing', severity: 'SEV3', correlationId: cid });
    await asStaff(TRANSITION, { id: c.id, to: 'MITIGATED' });
    await asStaff(NOTE, { incidentId: a.id, body: 'touch' });
    const ids = async (variables: Record<string, unknown>) => {
      const res = await t.gql<{ incidents: { nodes: { id: string }[] } }>(LIST, { first: 100, ...variables }, { token: tokens.staff });
      expect(res.errors).toBeUndefined();
      return res.data?.incidents.nodes.map((n) => n.id);
    };
    expect(await ids({ filter: { correlationId: cid, text: 'SEARCH' } })).toEqual([b.id, a.id]);
    expect(await ids({ filter: { correlationId: cid, status: ['MITIGATED'] } })).toEqual([c.id]);
    expect(await ids({ filter: { correlationId: cid, severity: ['SEV3'] } })).toEqual([c.id, a.id]);
    // The note touched a last, the transition touched c before it.
    expect(await ids({ filter: { correlationId: cid }, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } })).toEqual([a.id, c.id, b.id]);
    expect(await ids({ filter: { correlationId: cid }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } })).toEqual([a.id, b.id, c.id]);
  });
});

describe('incidents SQL statement count', () => {
  const QUERY = `query($first: Int, $filter: IncidentFilter) {
    incidents(first: $first, filter: $filter) {
      nodes { id affectedTenants { slug } tickets { number requester { name } } events { type } timeline { kind message } }
    }
  }`;

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      const { id } = await create({ title: `Counted ${i}`, correlationId: 'counted-incidents-01' });
      await asStaff(LINK_TICKETS, { incidentId: id, ticketIds: [toGlobalId('Ticket', tickets.a[i % 3] ?? '')] });
      await asStaff(LINK_EVENTS, { incidentId: id, eventIds: [toGlobalId('SystemEvent', events.a[i % 2] ?? '')] });
      await asStaff(NOTE, { incidentId: id, body: `public ${i}`, internal: false });
    }
  });

  it('sends the same statements for 6 incidents as for 2: session, page, then one per nested list', async () => {
    const run = async (first: number) =>
      t.countQueries(async () => {
        const res = await t.gql<{ incidents: { nodes: IncidentNode[] } }>(QUERY, { first, filter: { correlationId: 'counted-incidents-01' } }, { token: tokens.aAgent });
        expect(res.errors).toBeUndefined();
        const nodes = res.data?.incidents.nodes ?? [];
        expect(nodes).toHaveLength(first);
        for (const n of nodes) {
          expect(n.tickets).toHaveLength(1);
          expect(n.events).toHaveLength(1);
          expect(n.timeline.map((e) => e.kind)).toEqual(['CREATED', 'TICKETS_LINKED', 'EVENTS_LINKED', 'NOTE']);
        }
      });
    const six = await run(6);
    const two = await run(2);
    // Session, page, tenants, tickets, requesters, events, timeline.
    expect(six.sql).toHaveLength(7);
    expect(two.sql).toHaveLength(7);
  });

  it('resolves Ticket.incidents for a page of tickets in one statement', async () => {
    const q = 'query { tickets(first: 50) { nodes { id incidents { id } } } }';
    const counted = await t.countQueries(async () => {
      const res = await t.gql<{ tickets: { nodes: { incidents: unknown[] }[] } }>(q, {}, { token: tokens.aAgent });
      expect(res.errors).toBeUndefined();
      expect(res.data?.tickets.nodes.some((n) => n.incidents.length > 1)).toBe(true);
    });
    expect(counted.sql).toHaveLength(3);
  });
});
