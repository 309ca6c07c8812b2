import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { createContext } from '../../../context/create-context';
import type { Context } from '../../../context/context';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { hashPassword } from '../../auth/password';
import { grantTool } from '../../entitlements/entitlement.factory';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { Membership } from '../../tenancy/membership.entity';
import { Role } from '../../tenancy/role.entity';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTool } from '../../tools/tool.factory';
import type { Tool } from '../../tools/tool.entity';
import { User } from '../../users/user.entity';
import { InboundMessage, MessageChannel, MessageStatus } from '../message.entity';
import { messageCorrelationItems } from '../message.correlation';

/**
 * Inbound messages: POST /api/messages and ingestMessage store a message for the token's tenant
 * and act on it in the same transaction (a run, a ticket, or nothing), carrying the correlation
 * id onward; refusals are recorded on the message; repeats of an externalId are answered, not
 * redone; nothing crosses tenants.
 */

const SCHEMA = { type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'], additionalProperties: false };

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeId: string;
let globexId: string;
let echo: Tool;
let globexMessageId: string;
let globexTicketId: string;

interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
}

async function post(body: unknown, opts: { token?: string; headers?: Record<string, string>; raw?: string; method?: string } = {}): Promise<HttpResult> {
  const res = await fetch(`${t.url}/api/messages`, {
    method: opts.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: opts.method === 'GET' ? undefined : (opts.raw ?? JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

const email = (over: Record<string, unknown> = {}) => ({
  channel: 'EMAIL',
  sender: 'customer@example.test',
  subject: 'Printer on fire',
  payload: { text: 'The printer in room 4 is on fire. Please send help.' },
  ...over,
});

const eventsOf = (correlationId: string) =>
  t.sql<{ type: string; severity: string; tenant_id: string; payload: any }>('select type, severity, tenant_id, payload from system_events where correlation_id = ? order by occurred_at, id', [correlationId]);

async function contextFor(token: string | null): Promise<Context> {
  return createContext(t.app.services, t.orm, { authorization: token ? `Bearer ${token}` : null, ip: null, userAgent: null, correlationId: `ctx-${randomUUID()}` });
}

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  echo = makeTool(em, { key: 'msg.echo', name: 'Message echo', inputSchema: SCHEMA });
  makeTool(em, { key: 'msg.unentitled', name: 'Not granted', inputSchema: SCHEMA });
  grantTool(em, acme, echo);
  // A user who belongs to globex only: their e-mails to acme are not theirs to raise there.
  const globexTenant = await em.findOneOrFail(Tenant, { slug: 'globex' });
  const solo = em.create(User, { email: 'solo@globex.test', name: 'Solo Globex', passwordHash: await hashPassword('solo-pass-123') });
  em.persist(solo);
  em.persist(em.create(Membership, { tenant: globexTenant, user: solo, role: await em.findOneOrFail(Role, { tenant: globexTenant.id, name: 'member' }, { filters: false }) }));
  await em.flush();
  for (const e of ['agent@acme.test', 'admin@acme.test', 'member@acme.test', 'viewer@acme.test', 'staff@atrium.test']) tokens[e] = (await t.login(e)).accessToken;
  tokens.globex = (await t.login('owner@globex.test', 'globex')).accessToken;
  const g = await post(email({ subject: 'Globex secret', externalId: 'shared-ext-1' }), { token: tokens.globex, headers: { 'x-correlation-id': 'msg-shared-corr-01' } });
  expect(g.status).toBe(201);
  globexMessageId = g.body.id;
  globexTicketId = g.body.ticket.id;
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/messages', () => {
  it('refuses callers without a token, without the permission or outside a tenant, before reading the body', async () => {
    const none = await post(email());
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: 'UNAUTHENTICATED', reason: 'NO_TOKEN' });
    const garbage = await post(email(), { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.reason).toBe('INVALID');
    // Even malformed bodies answer 401 first.
    expect((await post(null, { raw: '{oops' })).status).toBe(401);
    const viewer = await post(email(), { token: tokens['viewer@acme.test'] });
    expect(viewer.status).toBe(403);
    expect(viewer.body).toMatchObject({ error: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    const member = await post(email(), { token: tokens['member@acme.test'] });
    expect(member.status).toBe(403);
    const staff = await post(email(), { token: tokens['staff@atrium.test'] });
    expect(staff.status).toBe(403);
    expect(staff.body.reason).toBe('TENANT_REQUIRED');
  });

  it('answers each malformed request with a 4xx JSON error that says what to fix', async () => {
    const token = tokens['agent@acme.test'];
    const before = await t.count('select count(*) as n from inbound_messages');
    const cases: [HttpResult, number, string, string[]?][] = [
      [await post(null, { token, raw: '{"channel": "EMAIL",' }), 400, 'BAD_REQUEST'],
      [await post([1, 2], { token }), 400, 'BAD_USER_INPUT'],
      [await post(email({ colour: 'red' }), { token }), 400, 'BAD_USER_INPUT', ['colour']],
      [await post(email({ sender: undefined }), { token }), 400, 'BAD_USER_INPUT', ['sender']],
      [await post(email({ channel: 'PIGEON' }), { token }), 400, 'BAD_USER_INPUT', ['channel']],
      [await post(email({ payload: 'just text' }), { token }), 400, 'BAD_USER_INPUT', ['payload']],
      [await post(email({ externalId: 'has spaces in it' }), { token }), 400, 'BAD_USER_INPUT', ['externalId']],
      [await post(email({ payload: { text: 'x'.repeat(120_000) } }), { token }), 413, 'PAYLOAD_TOO_LARGE'],
      [await post(email({ payload: { text: 'x'.repeat(70_000) } }), { token }), 400, 'BAD_USER_INPUT'],
      [await post(null, { token, raw: 'channel=EMAIL', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [await post(null, { token, method: 'GET' }), 405, 'METHOD_NOT_ALLOWED'],
    ];
    for (const [res, status, error, fields] of cases) {
      expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
      expect(typeof res.body.message).toBe('string');
      expect(res.body.correlationId).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.js|select /i);
      if (fields) expect([...new Set(res.body.fields.map((f: { field: string }) => f.field))]).toEqual(fields);
    }
    expect(await t.count('select count(*) as n from inbound_messages')).toBe(before);
  });

  it('opens a ticket that keeps the message correlation id and links back; events and audit in the same transaction', async () => {
    const res = await post(email({ payload: { text: 'The printer in room 4 is on fire.', priority: 'urgent' } }), {
      token: tokens['agent@acme.test'],
      headers: { 'x-correlation-id': 'msg-ticket-corr-01' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'EMAIL', sender: 'customer@example.test', status: 'PROCESSED', error: null, correlationId: 'msg-ticket-corr-01', run: null });
    expect(res.headers.get('x-correlation-id')).toBe('msg-ticket-corr-01');
    const [ticket] = await t.sql<{ subject: string; body: string; priority: number; correlation_id: string; tenant_id: string; requester_id: string }>(
      'select subject, body, priority, correlation_id, tenant_id, requester_id from tickets where id = ?',
      [fromGlobalId(res.body.ticket.id).id],
    );
    expect(ticket).toEqual({
      subject: 'Printer on fire',
      body: 'The printer in room 4 is on fire.',
      priority: 3,
      correlation_id: 'msg-ticket-corr-01',
      tenant_id: acmeId,
      requester_id: await t.userId('agent@acme.test'),
    });
    expect((await eventsOf('msg-ticket-corr-01')).map((e) => [e.type, e.tenant_id])).toEqual([
      ['message.received', acmeId],
      ['message.processed', acmeId],
    ]);
    const [audit] = await t.sql<{ diff: any }>(`select diff from audit_logs where action = 'ticket.created' and target_id = ?`, [res.body.ticket.id]);
    expect(audit?.diff.sourceMessage).toBe(res.body.id);

    // An e-mail from a member of the tenant is that member's ticket.
    const fromMember = await post(email({ sender: 'Member@Acme.test', subject: 'From a known customer' }), { token: tokens['agent@acme.test'] });
    const [own] = await t.sql<{ requester_id: string }>('select requester_id from tickets where id = ?', [fromGlobalId(fromMember.body.ticket.id).id]);
    expect(own?.requester_id).toBe(await t.userId('member@acme.test'));
    // ... but not a member of another tenant.
    const fromStranger = await post(email({ sender: 'solo@globex.test' }), { token: tokens['agent@acme.test'] });
    const [other] = await t.sql<{ requester_id: string }>('select requester_id from tickets where id = ?', [fromGlobalId(fromStranger.body.ticket.id).id]);
    expect(other?.requester_id).toBe(await t.userId('agent@acme.test'));

    // Through GraphQL the ticket knows its message, and the message its ticket.
    const q = await t.gql('query($id: ID!) { ticket(id: $id) { correlationId sourceMessage { id channel ticket { id } } } }', { id: res.body.ticket.id }, { token: tokens['agent@acme.test'] });
    expect(q.data?.ticket).toEqual({ correlationId: 'msg-ticket-corr-01', sourceMessage: { id: res.body.id, channel: 'EMAIL', ticket: { id: res.body.ticket.id } } });
  });

  it('starts a run (trigger MESSAGE) that carries the correlation id; the run knows its message', async () => {
    const res = await post({ channel: 'WEBHOOK', sender: 'erp-system', payload: { action: 'run', tool: 'msg.echo', input: { text: 'from the ERP' } } }, {
      token: tokens['admin@acme.test'],
      headers: { 'x-correlation-id': 'msg-run-corr-0001' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PROCESSED', ticket: null, run: { status: 'QUEUED' }, correlationId: 'msg-run-corr-0001' });
    const run = await t.gql('query($id: ID!) { run(id: $id) { trigger correlationId input tool { key } requestedBy { email } sourceMessage { id sender } } }', { id: res.body.run.id }, { token: tokens['admin@acme.test'] });
    expect(run.data?.run).toEqual({
      trigger: 'MESSAGE',
      correlationId: 'msg-run-corr-0001',
      input: { text: 'from the ERP' },
      tool: { key: 'msg.echo' },
      requestedBy: { email: 'admin@acme.test' },
      sourceMessage: { id: res.body.id, sender: 'erp-system' },
    });
    expect((await eventsOf('msg-run-corr-0001')).map((e) => e.type)).toEqual(['message.received', 'run.queued', 'message.processed']);
  });

  it('records a refused run on the message (FAILED with the reason) and creates nothing else', async () => {
    const token = tokens['agent@acme.test'];
    const runsBefore = await t.count('select count(*) as n from automation_runs');
    const ticketsBefore = await t.count('select count(*) as n from tickets');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ action: 'run', tool: 'msg.unentitled', input: { text: 'x' } }, /^FORBIDDEN ENTITLEMENT_REQUIRED: /],
      [{ action: 'run', tool: 'msg.echo', input: { text: '' } }, /^BAD_USER_INPUT: .*input\.text/],
      [{ action: 'run', tool: 'msg.nothing', input: {} }, /^NOT_FOUND: Tool not found/],
      [{ action: 'run', input: {} }, /^BAD_USER_INPUT: A run message names its tool/],
      [{ action: 'run', tool: 'msg.echo', input: { text: 'x' }, ticketId: globexTicketId }, /^NOT_FOUND: Ticket not found/],
    ];
    for (const [payload, error] of cases) {
      const res = await post({ channel: 'API', sender: 'integration', payload }, { token });
      expect({ payload, status: res.status, state: res.body.status }).toEqual({ payload, status: 201, state: 'FAILED' });
      expect(res.body.error).toMatch(error);
      expect(res.body.run).toBeNull();
      const events = await eventsOf(res.body.correlationId);
      expect(events.map((e) => [e.type, e.severity])).toEqual([
        ['message.received', 'INFO'],
        ['message.failed', 'WARNING'],
      ]);
    }
    expect(await t.count('select count(*) as n from automation_runs')).toBe(runsBefore);
    expect(await t.count('select count(*) as n from tickets')).toBe(ticketsBefore);
  });

  it('ignores auto-replies and explicit ignores', async () => {
    for (const payload of [{ autoReply: true, text: 'I am out of office.' }, { action: 'ignore' }]) {
      const res = await post(email({ payload }), { token: tokens['agent@acme.test'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'IGNORED', ticket: null, run: null });
    }
  });

  it('answers a repeated externalId with the stored message and does nothing twice, also when sent at once', async () => {
    const token = tokens['agent@acme.test'];
    const first = await post(email({ externalId: 'mail-<abc@example.test>' }), { token });
    expect(first.status).toBe(201);
    const again = await post(email({ externalId: 'mail-<abc@example.test>', subject: 'Different now' }), { token });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);

    const burst = await Promise.all([1, 2, 3, 4].map(() => post(email({ externalId: 'burst-0001' }), { token })));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(await t.count(`select count(*) as n from inbound_messages where external_id = 'burst-0001'`)).toBe(1);
    expect(await t.count(`select count(*) as n from tickets where id = ?`, [fromGlobalId(burst[0].body.ticket.id).id])).toBe(1);
    // The same externalId in another tenant is another message.
    const globex = await post(email({ externalId: 'burst-0001' }), { token: tokens.globex });
    expect(globex.status).toBe(201);
    expect(globex.body.id).not.toBe(burst[0].body.id);
  });
});

describe('GraphQL', () => {
  const INGEST = 'mutation($input: IngestMessageInput!) { ingestMessage(input: $input) { id status channel correlationId ticket { subject } run { id } receivedBy { email } tenant { slug } } }';

  it('ingestMessage does the same as the HTTP route', async () => {
    const res = await t.gql(INGEST, { input: { channel: 'API', sender: 'portal', subject: 'Via GraphQL', payload: { body: 'Opened through the mutation.' } } }, { token: tokens['agent@acme.test'], headers: { 'x-correlation-id': 'msg-gql-corr-0001' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.ingestMessage).toMatchObject({ status: 'PROCESSED', channel: 'API', correlationId: 'msg-gql-corr-0001', ticket: { subject: 'Via GraphQL' }, run: null, receivedBy: { email: 'agent@acme.test' }, tenant: { slug: 'acme' } });
    const bad = await t.gql(INGEST, { input: { channel: 'API', sender: '', payload: {} } }, { token: tokens['agent@acme.test'] });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const viewer = await t.gql(INGEST, { input: { channel: 'API', sender: 'x', payload: {} } }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(viewer)).toBe('FORBIDDEN');
  });

  it('lists messages newest first with filters, by cursor and offset', async () => {
    const token = tokens['agent@acme.test'];
    const db = await t.sql<{ id: string; status: string; channel: string }>('select id, status, channel from inbound_messages where tenant_id = ? order by received_at desc, id desc', [acmeId]);
    const ids = db.map((r) => toGlobalId('InboundMessage', r.id));
    const page = await t.gql('{ messages(first: 100) { totalCount nodes { id } } }', {}, { token });
    expect(page.errors).toBeUndefined();
    expect(page.data?.messages.totalCount).toBe(db.length);
    expect(page.data?.messages.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(0, 100));
    const failedApi = await t.gql('{ messages(first: 100, filter: { status: [FAILED], channel: [API] }) { totalCount nodes { status channel } } }', {}, { token });
    expect(failedApi.data?.messages.totalCount).toBe(db.filter((r) => r.status === 'FAILED' && r.channel === 'API').length);
    // The five refused run requests of this file came in over the API.
    expect(failedApi.data?.messages.totalCount).toBeGreaterThanOrEqual(5);
    const byCorr = await t.gql('{ messages(first: 5, filter: { correlationId: "msg-run-corr-0001" }) { nodes { run { id } } } }', {}, { token });
    expect(byCorr.data?.messages.nodes).toHaveLength(1);
    const p1 = await t.gql('{ messages(first: 3) { pageInfo { endCursor } nodes { id } } }', {}, { token });
    const p2 = await t.gql('query($a: String) { messages(first: 3, after: $a) { nodes { id } } }', { a: p1.data?.messages.pageInfo.endCursor }, { token });
    const off = await t.gql('{ messages(first: 3, offset: 3) { nodes { id } } }', {}, { token });
    expect(p2.data?.messages.nodes).toEqual(off.data?.messages.nodes);
    expect([...p1.data!.messages.nodes, ...p2.data!.messages.nodes].map((n: { id: string }) => n.id)).toEqual(ids.slice(0, 6));
    const asc = await t.gql('{ messages(first: 1, orderBy: { field: RECEIVED_AT, direction: ASC }) { nodes { id } } }', {}, { token });
    expect(asc.data?.messages.nodes[0].id).toBe(ids[ids.length - 1]);
  });
});

describe('tenant isolation of messages', () => {
  describeCrossTenant('a globex message', {
    app: () => t,
    as: { label: 'agent@acme.test', token: () => tokens['agent@acme.test'] },
    owner: { label: 'owner@globex.test', token: () => tokens.globex },
    foreign: () => ({ message: globexMessageId, ticket: globexTicketId, tenant: toGlobalId('Tenant', globexId) }),
    secrets: ['Globex secret'],
    unchanged: (c) => t.sql('select status, subject, payload, ticket_id, run_id from inbound_messages where id = ?', [fromGlobalId(c.foreign.message).id]),
    reads: [
      { name: "messages lists acme's messages only", query: '{ messages(first: 100) { nodes { id tenant { slug } } } }', expect: { ownOnly: { tenant: 'acme', excludes: (c) => [c.foreign.message] } } },
      {
        name: 'messages filtered by its correlation id',
        query: 'query($f: MessageFilter) { messages(first: 10, filter: $f) { totalCount } }',
        variables: () => ({ f: { correlationId: 'msg-shared-corr-01' } }),
        expect: 'empty',
      },
      {
        name: 'messages filtered by the globex tenant',
        query: 'query($f: MessageFilter) { messages(first: 10, filter: $f) { totalCount } }',
        variables: (c) => ({ f: { tenantId: c.foreign.tenant } }),
        expect: 'empty',
      },
      {
        name: 'message(id), which globex reads with its ticket',
        query: 'query($id: ID!) { message(id: $id) { payload } }',
        variables: (c) => ({ id: c.foreign.message }),
        expect: 'NOT_FOUND',
        control: {
          as: 'owner',
          query: 'query($id: ID!) { message(id: $id) { subject ticket { id sourceMessage { id } } } }',
          expect: (own, c) => expect(own.data?.message).toEqual({ subject: 'Globex secret', ticket: { id: c.foreign.ticket, sourceMessage: { id: c.foreign.message } } }),
        },
      },
      { name: 'node(id)', query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.foreign.message }), expect: 'NOT_FOUND' },
      { name: 'nodes(ids)', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (c) => ({ ids: [c.foreign.message] }), expect: { nodes: () => [null] } },
      { name: 'ticket(id).sourceMessage of its globex ticket', query: 'query($id: ID!) { ticket(id: $id) { sourceMessage { id } } }', variables: (c) => ({ id: c.foreign.ticket }), expect: 'NOT_FOUND' },
    ],
  });

  it('staff read a globex message, with an audit row', async () => {
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const staff = await t.gql('query($id: ID!) { message(id: $id) { tenant { slug } } }', { id: globexMessageId }, { token: tokens['staff@atrium.test'] });
    expect(staff.data?.message.tenant.slug).toBe('globex');
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
  });

  it('messageCorrelationItems: own tenant, every tenant for staff, nothing without message:read', async () => {
    const acmeMsg = await post(email({ subject: 'Acme, same story' }), { token: tokens['agent@acme.test'], headers: { 'x-correlation-id': 'msg-shared-corr-01' } });
    expect(acmeMsg.status).toBe(201);
    const acme = await messageCorrelationItems(await contextFor(tokens['agent@acme.test']), 'msg-shared-corr-01');
    expect(acme.map((i) => [i.kind, (i.node as InboundMessage).id])).toEqual([['MESSAGE', fromGlobalId(acmeMsg.body.id).id]]);
    expect(acme[0]?.node).toBeInstanceOf(InboundMessage);
    expect(acme[0]?.title).toBe('EMAIL message from customer@example.test: Acme, same story (processed)');
    expect(acme[0]?.at).toBeInstanceOf(Date);
    const staff = await messageCorrelationItems(await contextFor(tokens['staff@atrium.test']), 'msg-shared-corr-01');
    expect(staff.map((i) => (i.node as InboundMessage).tenant.id).sort()).toEqual([acmeId, globexId].sort());
    expect(await messageCorrelationItems(await contextFor(tokens['member@acme.test']), 'msg-shared-corr-01')).toEqual([]);
    expect(await messageCorrelationItems(await contextFor(null), 'msg-shared-corr-01')).toEqual([]);
  });
});

describe('SQL statements', () => {
  it('lists messages with ticket, run, tool, sources, sender and tenant in a fixed number of statements', async () => {
    const em = t.orm.em.fork();
    const p = provisionTenant(em, { slug: 'msg-counted', name: 'Messages counted' });
    const agent = em.create(User, { email: 'agent@msg-counted.test', name: 'Counted Agent', passwordHash: await hashPassword('counted-pass') });
    em.persist(agent);
    addMember(em, p, agent, 'agent');
    grantTool(em, p.tenant, echo);
    await em.flush();
    const token = (await t.login('agent@msg-counted.test', 'msg-counted', 'counted-pass')).accessToken;
    for (let i = 0; i < 16; i++) {
      const payload = i % 2 ? { action: 'run', tool: 'msg.echo', input: { text: `n${i}` } } : { text: `Ticket ${i}` };
      expect((await post({ channel: 'API', sender: `s${i}`, subject: `Counted ${i}`, payload }, { token })).status).toBe(201);
    }
    const q = `query($n: Int) { messages(first: $n) { nodes { sender receivedBy { name } tenant { slug }
      ticket { number sourceMessage { sender } } run { status tool { key } sourceMessage { sender } } } } }`;
    const counts: number[] = [];
    for (const n of [3, 16]) {
      const { count } = await t.countQueries(async () => {
        const res = await t.gql(q, { n }, { token });
        expect(res.errors).toBeUndefined();
        const nodes = res.data?.messages.nodes as any[];
        expect(nodes).toHaveLength(n);
        for (const m of nodes) expect((m.ticket ?? m.run).sourceMessage.sender).toBe(m.sender);
      });
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(MessageChannel.API).toBe('API');
    expect(MessageStatus.PROCESSED).toBe('PROCESSED');
  });
});
