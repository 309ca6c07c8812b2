import type { EntityManager } from '@mikro-orm/postgresql';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { hashPassword } from '../../auth/password';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { User } from '../../users/user.entity';
import { TicketPriority, TicketStatus } from '../ticket.entity';
import { makeComment, makeTicket } from '../ticket.factory';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';

let t: TestApp;
const tokens: Record<string, string> = {};

async function acmeId(): Promise<string> {
  const rows = await t.sql<{ id: string }>("select id from tenants where slug = 'acme'");
  return rows[0]?.id;
}

/** The first globex ticket, as it is in the database. */
async function globexTicket(): Promise<{ id: string; gid: string; status: string; version: number }> {
  const [row] = await t.sql<{ id: string; status: string; version: number }>(
    "select t.id, t.status, t.version from tickets t join tenants n on n.id = t.tenant_id where n.slug = 'globex' order by t.number limit 1",
  );
  return { ...row, gid: toGlobalId('Ticket', row.id) };
}

async function acmeTicket(em: EntityManager, data: Parameters<typeof makeTicket>[3] = {}, requesterEmail = 'member@acme.test') {
  const tenant = await em.findOneOrFail(Tenant, { slug: 'acme' }, { filters: false });
  const requester = await em.findOneOrFail(User, { email: requesterEmail });
  const ticket = makeTicket(em, tenant, requester, data);
  await em.flush();
  return ticket;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test']) {
    tokens[email] = (await t.login(email)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

/* ------------------------------------------------------------------ */
/* a. SQL statement count: no N+1                                      */
/* ------------------------------------------------------------------ */

describe('tickets list SQL statement count', () => {
  const SLUG = 'counting-co';
  const PASSWORD = 'pw-123456';
  const TICKETS = 55;
  /** Session lookup, tickets page with requesters and assignees joined, comments window batch with their authors joined. */
  const EXPECTED_STATEMENTS = 3;
  const QUERY = `query($first: Int) {
    tickets(first: $first) {
      edges { node { id subject requester { id name } assignee { id name } comments(first: 3) { nodes { id body author { name } } } } }
    }
  }`;

  interface Expected {
    subject: string;
    requester: string;
    assignee: string | null;
    comments: { body: string; author: string }[];
  }
  const expected = new Map<string, Expected>();
  let token: string;

  beforeAll(async () => {
    const em = t.orm.em.fork();
    const passwordHash = await hashPassword(PASSWORD);
    const mk = (key: string, name: string) => {
      const u = em.create(User, { email: `${key}@counting.test`, name, passwordHash });
      em.persist(u);
      return u;
    };
    const agentX = mk('agent-x', 'Xavier Agent');
    const agentY = mk('agent-y', 'Yara Agent');
    // Only ever a comment author: its load cannot be served from the requester/assignee batch.
    const commenter = mk('commenter', 'Zed Commenter');
    const requesters = [mk('req-a', 'Requester A'), mk('req-b', 'Requester B'), mk('req-c', 'Requester C')];
    const p = provisionTenant(em, { slug: SLUG, name: 'Counting Co' });
    addMember(em, p, agentX, 'agent');
    addMember(em, p, agentY, 'agent');
    addMember(em, p, commenter, 'agent');
    for (const r of requesters) addMember(em, p, r, 'member');
    await em.flush();

    const base = Date.UTC(2026, 10, 1, 8, 0, 0);
    for (let i = 0; i < TICKETS; i++) {
      const requester = requesters[i % 3];
      const assignee = i % 3 === 0 ? null : i % 2 ? agentX : agentY;
      const createdAt = new Date(base + i * 60_000);
      const ticket = makeTicket(em, p.tenant, requester, { subject: `Counted ${i}`, assignee, createdAt });
      const comments: Expected['comments'] = [];
      for (let c = 0; c < i % 4; c++) {
        const author = c === 0 ? commenter : c === 1 ? requester : agentX;
        makeComment(em, ticket, author, `comment ${i}.${c}`, new Date(createdAt.getTime() + (c + 1) * 1_000));
        comments.push({ body: `comment ${i}.${c}`, author: author.name });
      }
      expected.set(toGlobalId('Ticket', ticket.id), { subject: `Counted ${i}`, requester: requester.name, assignee: assignee?.name ?? null, comments });
    }
    await em.flush();
    token = (await t.login('agent-x@counting.test', SLUG, PASSWORD)).accessToken;
  });

  type Node = { id: string; subject: string; requester: { id: string; name: string }; assignee: { name: string } | null; comments: { nodes: { body: string; author: { name: string } }[] } };

  async function run(first: number) {
    let data: { tickets: { edges: { node: Node }[] } } | null | undefined;
    const counted = await t.countQueries(async () => {
      const res = await t.gql<{ tickets: { edges: { node: Node }[] } }>(QUERY, { first }, { token });
      expect(res.errors).toBeUndefined();
      data = res.data;
    });
    const nodes = data?.tickets.edges.map((e) => e.node) ?? [];
    expect(nodes).toHaveLength(first);
    // The answer itself is right: every relation resolved to the row it points at.
    for (const node of nodes) {
      const want = expected.get(node.id);
      expect(want).toBeDefined();
      expect({
        subject: node.subject,
        requester: node.requester.name,
        assignee: node.assignee?.name ?? null,
        comments: node.comments.nodes.map((c) => ({ body: c.body, author: c.author.name })),
      }).toEqual(want);
    }
    return counted;
  }

  it('the dataset has at least 50 tickets with requesters, assignees and 0-3 comments', async () => {
    const stats = await t.sql<{ tickets: string; assigned: string; commented: string; max_comments: string }>(
      `select count(*) as tickets, count(t.assignee_id) as assigned,
              count(*) filter (where exists (select 1 from ticket_comments c where c.ticket_id = t.id)) as commented,
              (select max(n) from (select count(*) as n from ticket_comments c join tickets t2 on t2.id = c.ticket_id join tenants n2 on n2.id = t2.tenant_id where n2.slug = ? group by c.ticket_id) x) as max_comments
         from tickets t join tenants n on n.id = t.tenant_id where n.slug = ?`,
      [SLUG, SLUG],
    );
    expect(Number(stats[0]?.tickets)).toBeGreaterThanOrEqual(50);
    expect(Number(stats[0]?.assigned)).toBeGreaterThan(0);
    expect(Number(stats[0]?.commented)).toBeGreaterThan(0);
    expect(Number(stats[0]?.max_comments)).toBe(3);
  });

  it('sends the same, small number of statements for 50 tickets as for 10', async () => {
    const fifty = await run(50);
    const ten = await run(10);
    expect(fifty.sql).toHaveLength(EXPECTED_STATEMENTS);
    expect(ten.sql).toHaveLength(EXPECTED_STATEMENTS);
    expect(fifty.count).toBe(ten.count);
    // One statement per batch: exactly one query for the comments; the people come joined to the
    // page and to the comments, never in a batch of their own.
    expect(fifty.sql.filter((s) => /ticket_comments/i.test(s))).toHaveLength(1);
    expect(fifty.sql.filter((s) => /from "users"/i.test(s))).toHaveLength(2);
    expect(fifty.sql.filter((s) => /from "users"/i.test(s) && !/lateral/.test(s))).toHaveLength(0);
  });
});

/* ------------------------------------------------------------------ */
/* b. createTicket                                                     */
/* ------------------------------------------------------------------ */

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) {
    id number status priority subject body correlationId version
    requester { id email } assignee { id }
  }
}`;

const TICKET_FIELDS = 'id number status priority subject body version assignee { id }';
const UPDATE = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ${TICKET_FIELDS} } }`;

describe('createTicket', () => {
  it('numbers the ticket max+1, defaults status/priority, records requester, correlation id and one audit row in the same transaction', async () => {
    const tenantId = await acmeId();
    const memberId = await t.userId('member@acme.test');
    const prevMax = await t.count('select coalesce(max(number), 0) as n from tickets where tenant_id = ?', [tenantId]);
    expect(prevMax).toBeGreaterThanOrEqual(60);
    const auditBefore = await t.count("select count(*) as n from audit_logs where action = 'ticket.created'");

    const correlationId = 'it-create-ticket-0001';
    const res = await t.gql(
      CREATE,
      { input: { subject: '  Printer is on fire  ', body: ' Smoke everywhere. ' } },
      { token: tokens['member@acme.test'], headers: { 'X-Correlation-Id': correlationId } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);
    const ticket = res.data?.createTicket;
    expect(ticket).toMatchObject({
      number: prevMax + 1,
      status: 'OPEN',
      priority: 'NORMAL',
      subject: 'Printer is on fire',
      body: 'Smoke everywhere.',
      correlationId,
      version: 1,
      requester: { id: toGlobalId('User', memberId), email: 'member@acme.test' },
      assignee: null,
    });
    const { type, id } = fromGlobalId(ticket.id);
    expect(type).toBe('Ticket');

    const rows = await t.sql<{ number: number; tenant_id: string; requester_id: string; correlation_id: string; xmin: string }>(
      'select number, tenant_id, requester_id, correlation_id, xmin::text as xmin from tickets where id = ?',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number: prevMax + 1, tenant_id: tenantId, requester_id: memberId, correlation_id: correlationId });
    expect(await t.count('select ticket_seq as n from tenants where id = ?', [tenantId])).toBe(prevMax + 1);

    const audits = await t.sql<{ tenant_id: string; actor_id: string; target_type: string; correlation_id: string; diff: unknown; xmin: string }>(
      "select tenant_id, actor_id, target_type, correlation_id, diff, xmin::text as xmin from audit_logs where action = 'ticket.created' and target_id = ?",
      [ticket.id],
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ tenant_id: tenantId, actor_id: memberId, target_type: 'Ticket', correlation_id: correlationId });
    expect(audits[0]?.diff).toEqual({ after: { number: prevMax + 1, subject: 'Printer is on fire', priority: 'NORMAL' } });
    // Same inserting transaction id: the audit row committed together with the ticket.
    expect(audits[0]?.xmin).toBe(rows[0]?.xmin);
    expect(await t.count("select count(*) as n from audit_logs where action = 'ticket.created'")).toBe(auditBefore + 1);
  });

  it('keeps an explicit priority', async () => {
    const res = await t.gql(CREATE, { input: { subject: 'Urgent thing', body: 'Now.', priority: 'URGENT' } }, { token: tokens['member@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTicket.priority).toBe('URGENT');
    const { id } = fromGlobalId(res.data?.createTicket.id);
    expect(await t.count('select priority as n from tickets where id = ?', [id])).toBe(TicketPriority.URGENT);
  });

  it('validates list filters too: a search text over 200 characters answers BAD_USER_INPUT naming it', async () => {
    const res = await t.gql('query($f: TicketFilter) { tickets(first: 1, filter: $f) { totalCount } }', { f: { text: 'x'.repeat(201) } }, { token: tokens['member@acme.test'] });
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions.fields)).toContain('text');
    const ok = await t.gql('query($f: TicketFilter) { tickets(first: 1, filter: $f) { totalCount } }', { f: { text: 'x'.repeat(200) } }, { token: tokens['member@acme.test'] });
    expect(ok.errors).toBeUndefined();
  });

  it('refuses blank subject/body with BAD_USER_INPUT and consumes no number', async () => {
    const tenantId = await acmeId();
    const seq = await t.count('select ticket_seq as n from tenants where id = ?', [tenantId]);
    const blankSubject = await t.gql(CREATE, { input: { subject: '     ', body: 'x' } }, { token: tokens['member@acme.test'] });
    expect(codeOf(blankSubject)).toBe('BAD_USER_INPUT');
    const blankBody = await t.gql(CREATE, { input: { subject: 'Fine subject', body: '   ' } }, { token: tokens['member@acme.test'] });
    expect(codeOf(blankBody)).toBe('BAD_USER_INPUT');
    expect(await t.count('select ticket_seq as n from tenants where id = ?', [tenantId])).toBe(seq);
  });

  it('20 concurrent creations by two users get 20 distinct, contiguous numbers', async () => {
    const tenantId = await acmeId();
    const prevMax = await t.count('select coalesce(max(number), 0) as n from tickets where tenant_id = ?', [tenantId]);
    const before = await t.count('select count(*) as n from tickets where tenant_id = ?', [tenantId]);
    const users = ['member@acme.test', 'agent@acme.test'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(CREATE, { input: { subject: `Concurrent ${i}`, body: 'Race.' } }, { token: tokens[users[i % 2]] }),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const numbers = results.map((r) => r.data?.createTicket.number as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => prevMax + 1 + i));
    expect(await t.count('select count(*) as n from tickets where tenant_id = ?', [tenantId])).toBe(before + 20);
    expect(await t.count('select ticket_seq as n from tenants where id = ?', [tenantId])).toBe(prevMax + 20);
    // Both callers really took part, each as the requester of their own tickets.
    const byRequester = await t.sql<{ email: string; n: string }>(
      "select u.email, count(*) as n from tickets t join users u on u.id = t.requester_id where t.tenant_id = ? and t.subject like 'Concurrent %' group by u.email order by u.email",
      [tenantId],
    );
    expect(byRequester.map((r) => [r.email, Number(r.n)])).toEqual([
      ['agent@acme.test', 10],
      ['member@acme.test', 10],
    ]);
  });

  it('a viewer cannot create tickets (FORBIDDEN) and nothing is written', async () => {
    const tenantId = await acmeId();
    const tickets = await t.count('select count(*) as n from tickets where tenant_id = ?', [tenantId]);
    const audits = await t.count('select count(*) as n from audit_logs');
    const res = await t.gql(CREATE, { input: { subject: 'Viewer ticket', body: 'Nope.' } }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.data?.createTicket ?? null).toBeNull();
    expect(await t.count('select count(*) as n from tickets where tenant_id = ?', [tenantId])).toBe(tickets);
    expect(await t.count('select count(*) as n from audit_logs')).toBe(audits);
  });
});

/* ------------------------------------------------------------------ */
/* d. updateTicket                                                     */
/* ------------------------------------------------------------------ */

describe('updateTicket', () => {
  let gid: string;
  let id: string;

  async function state() {
    const rows = await t.sql<{ subject: string; status: string; priority: number; version: number; assignee_id: string | null }>(
      'select subject, status, priority, version, assignee_id from tickets where id = ?',
      [id],
    );
    return rows[0];
  }
  const auditCount = () => t.count('select count(*) as n from audit_logs');
  const updatedAudits = () =>
    t.sql<{ actor_id: string; diff: unknown; correlation_id: string; tenant_id: string }>(
      "select actor_id, diff, correlation_id, tenant_id from audit_logs where action = 'ticket.updated' and target_id = ? order by created_at, id",
      [gid],
    );

  beforeAll(async () => {
    const ticket = await acmeTicket(t.orm.em.fork(), { subject: 'Update me', priority: TicketPriority.NORMAL });
    id = ticket.id;
    gid = toGlobalId('Ticket', id);
  });

  it('with the current version succeeds, bumps the version and audits a before/after diff', async () => {
    const read = await t.gql(`query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id: gid }, { token: tokens['agent@acme.test'] });
    expect(read.data?.ticket).toMatchObject({ version: 1, status: 'OPEN', priority: 'NORMAL', subject: 'Update me' });

    const res = await t.gql(
      UPDATE,
      { input: { id: gid, version: 1, status: 'PENDING', priority: 'HIGH', subject: 'Update me please', body: 'Details of the problem.' } },
      { token: tokens['agent@acme.test'], headers: { 'X-Correlation-Id': 'it-update-ticket-0001' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTicket).toMatchObject({ id: gid, version: 2, status: 'PENDING', priority: 'HIGH', subject: 'Update me please' });
    expect(await state()).toMatchObject({ version: 2, status: 'PENDING', priority: TicketPriority.HIGH, subject: 'Update me please' });

    const audits = await updatedAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: await t.userId('agent@acme.test'), correlation_id: 'it-update-ticket-0001', tenant_id: await acmeId() });
    // The unchanged body is not part of the diff.
    expect(audits[0]?.diff).toEqual({
      before: { subject: 'Update me', status: 'OPEN', priority: 'NORMAL' },
      after: { subject: 'Update me please', status: 'PENDING', priority: 'HIGH' },
    });
  });

  it('with a stale version answers CONFLICT, changes nothing and writes no audit row', async () => {
    const before = await state();
    const audits = await auditCount();
    const res = await t.gql(UPDATE, { input: { id: gid, version: 1, status: 'CLOSED', subject: 'Stale write' } }, { token: tokens['agent@acme.test'] });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.data?.updateTicket ?? null).toBeNull();
    expect(await state()).toEqual(before);
    expect(before?.version).toBe(2);
    expect(await auditCount()).toBe(audits);
  });

  it('a change to nothing keeps the version and writes no audit row', async () => {
    const audits = await auditCount();
    const res = await t.gql(UPDATE, { input: { id: gid, version: 2, status: 'PENDING', priority: 'HIGH' } }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTicket.version).toBe(2);
    expect((await state())?.version).toBe(2);
    expect(await auditCount()).toBe(audits);
  });

  it('assigning a user who is not a member of the tenant answers NOT_FOUND and changes nothing', async () => {
    const before = await state();
    const audits = await auditCount();
    const outsider = toGlobalId('User', await t.userId('staff@atrium.test'));
    const res = await t.gql(UPDATE, { input: { id: gid, version: 2, assigneeId: outsider, status: 'RESOLVED', subject: 'Should not stick' } }, { token: tokens['agent@acme.test'] });
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(await state()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('an agent can assign and unassign; each change is audited', async () => {
    const agentId = await t.userId('agent@acme.test');
    const res = await t.gql(UPDATE, { input: { id: gid, version: 2, assigneeId: toGlobalId('User', agentId) } }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTicket).toMatchObject({ version: 3, assignee: { id: toGlobalId('User', agentId) } });
    expect(await state()).toMatchObject({ version: 3, assignee_id: agentId });
    const audits = await updatedAudits();
    expect(audits).toHaveLength(2);
    expect(audits[1]?.diff).toEqual({ before: { assigneeId: null }, after: { assigneeId: agentId } });
  });

  it('a member cannot set assigneeId (FORBIDDEN), not even to null', async () => {
    const before = await state();
    const audits = await auditCount();
    const memberGid = toGlobalId('User', await t.userId('member@acme.test'));
    const assign = await t.gql(UPDATE, { input: { id: gid, version: 3, assigneeId: memberGid } }, { token: tokens['member@acme.test'] });
    expect(codeOf(assign)).toBe('FORBIDDEN');
    const unassign = await t.gql(UPDATE, { input: { id: gid, version: 3, assigneeId: null } }, { token: tokens['member@acme.test'] });
    expect(codeOf(unassign)).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);
    expect(before?.assignee_id).toBe(await t.userId('agent@acme.test'));
    expect(await auditCount()).toBe(audits);
  });

  it('explicit null unassigns (agent)', async () => {
    const res = await t.gql(UPDATE, { input: { id: gid, version: 3, assigneeId: null } }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTicket).toMatchObject({ version: 4, assignee: null });
    expect(await state()).toMatchObject({ version: 4, assignee_id: null });
  });

  it('two concurrent updates with the same version: exactly one wins, the other answers CONFLICT; one audit row', async () => {
    const before = await state();
    const version = before?.version;
    const auditsBefore = (await updatedAudits()).length;
    const [a, b] = await Promise.all([
      t.gql(UPDATE, { input: { id: gid, version, subject: 'Winner A' } }, { token: tokens['agent@acme.test'] }),
      t.gql(UPDATE, { input: { id: gid, version, subject: 'Winner B' } }, { token: tokens['owner@acme.test'] }),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const winner = (a.errors ? b : a).data?.updateTicket;
    expect(winner.version).toBe(version + 1);
    expect(await state()).toMatchObject({ version: version + 1, subject: winner.subject });
    const audits = await updatedAudits();
    expect(audits).toHaveLength(auditsBefore + 1);
    expect((audits.at(-1)?.diff as { after: { subject: string } }).after.subject).toBe(winner.subject);
  });

  it('sets priority to LOW (the zero enum value)', async () => {
    const version = (await state())?.version;
    const res = await t.gql(UPDATE, { input: { id: gid, version, priority: 'LOW' } }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateTicket).toMatchObject({ priority: 'LOW', version: version + 1 });
    expect(await state()).toMatchObject({ priority: TicketPriority.LOW, version: version + 1 });
    expect((await updatedAudits()).at(-1)?.diff).toEqual({ before: { priority: 'HIGH' }, after: { priority: 'LOW' } });
  });

  it('a viewer cannot update (FORBIDDEN)', async () => {
    const before = await state();
    const res = await t.gql(UPDATE, { input: { id: gid, version: before?.version, status: 'CLOSED' } }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);
  });

  describeCrossTenant("another tenant's ticket", {
    app: () => t,
    as: { label: 'owner@acme.test', token: () => tokens['owner@acme.test'] },
    foreign: globexTicket,
    unchanged: (c) => t.sql('select status, version from tickets where id = ?', [c.foreign.id]),
    reads: [{ name: 'ticket(id)', query: 'query($id: ID!) { ticket(id: $id) { id subject } }', variables: (c) => ({ id: c.foreign.gid }), expect: 'NOT_FOUND' }],
    writes: [
      {
        name: 'updateTicket with its current version',
        mutation: UPDATE,
        variables: (c) => ({ input: { id: c.foreign.gid, version: c.foreign.version, status: c.foreign.status === 'CLOSED' ? 'OPEN' : 'CLOSED' } }),
        then: async (_res, c) => {
          const after = await t.sql<{ status: string; version: number }>('select status, version from tickets where id = ?', [c.foreign.id]);
          expect(after[0]).toEqual({ status: c.foreign.status, version: c.foreign.version });
        },
      },
    ],
  });
});

describe('updateTicket without ticket:assign (a member)', () => {
  const row = async (id: string) =>
    (await t.sql<{ status: string; version: number; subject: string }>('select status, version, subject from tickets where id = ?', [id]))[0];
  const auditsOf = (gid: string) => t.count("select count(*) as n from audit_logs where action = 'ticket.updated' and target_id = ?", [gid]);

  it("is refused someone else's ticket (FORBIDDEN with the server's reason): nothing changes, nothing is audited", async () => {
    const other = await acmeTicket(t.orm.em.fork(), { subject: 'Raised by the owner' }, 'owner@acme.test');
    const gid = toGlobalId('Ticket', other.id);
    const before = await row(other.id);
    const res = await t.gql(UPDATE, { input: { id: gid, version: before?.version, status: 'CLOSED', subject: 'Hijacked' } }, { token: tokens['member@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.extensions.reason).toBe('MISSING_PERMISSION');
    expect(res.errors?.[0]?.message).toContain('ticket:assign');
    expect(await row(other.id)).toEqual(before);
    expect(await auditsOf(gid)).toBe(0);
    // The same change by an agent (ticket:assign) goes through.
    const agent = await t.gql(UPDATE, { input: { id: gid, version: before?.version, status: 'PENDING' } }, { token: tokens['agent@acme.test'] });
    expect(agent.errors).toBeUndefined();
    expect((await row(other.id))?.status).toBe('PENDING');
  });

  it('may change a ticket they raised, and one they are assigned', async () => {
    const own = await acmeTicket(t.orm.em.fork(), { subject: 'Raised by the member' });
    const res = await t.gql(UPDATE, { input: { id: toGlobalId('Ticket', own.id), version: 1, status: 'RESOLVED' } }, { token: tokens['member@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(await row(own.id)).toMatchObject({ status: 'RESOLVED', version: 2 });

    const em = t.orm.em.fork();
    const member = await em.findOneOrFail(User, { email: 'member@acme.test' });
    const assigned = await acmeTicket(em, { subject: 'Assigned to the member', assignee: member }, 'owner@acme.test');
    const ok = await t.gql(UPDATE, { input: { id: toGlobalId('Ticket', assigned.id), version: 1, priority: 'HIGH' } }, { token: tokens['member@acme.test'] });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateTicket).toMatchObject({ priority: 'HIGH', version: 2 });
    // Still no reassigning, not even of their own ticket.
    const unassign = await t.gql(UPDATE, { input: { id: toGlobalId('Ticket', assigned.id), version: 2, assigneeId: null } }, { token: tokens['member@acme.test'] });
    expect(codeOf(unassign)).toBe('FORBIDDEN');
  });
});

/* ------------------------------------------------------------------ */
/* e. Filters                                                          */
/* ------------------------------------------------------------------ */

describe('tickets filters match the database', () => {
  const LIST = `query($filter: TicketFilter) { tickets(first: 100, filter: $filter) { totalCount nodes { id } } }`;
  let tenantId: string;

  beforeAll(async () => {
    tenantId = await acmeId();
    // Tickets whose text differs only in case, and ones assigned to the agent, so every filter has matches.
    const em = t.orm.em.fork();
    const agent = await em.findOneOrFail(User, { email: 'agent@acme.test' });
    await acmeTicket(em, { subject: 'MiXeD CaSe Needle in subject', status: TicketStatus.PENDING, priority: TicketPriority.LOW, assignee: agent });
    await acmeTicket(em, { subject: 'Plain subject', body: 'the mixed case needle hides in the body', status: TicketStatus.CLOSED });
  });

  async function check(filter: Record<string, unknown>, whereSql: string, params: unknown[] = []) {
    const ids = await t.sql<{ id: string }>(`select id from tickets where tenant_id = ? and (${whereSql})`, [tenantId, ...params]);
    expect(ids.length).toBeLessThanOrEqual(100);
    const res = await t.gql<{ tickets: { totalCount: number; nodes: { id: string }[] } }>(LIST, { filter }, { token: tokens['agent@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.tickets.totalCount).toBe(ids.length);
    expect(res.data?.tickets.nodes.map((n) => n.id).sort()).toEqual(ids.map((r) => toGlobalId('Ticket', r.id)).sort());
    return ids.length;
  }

  it('no filter: every ticket of the tenant', async () => {
    expect(await check({}, 'true')).toBeGreaterThan(60);
  });

  it('status', async () => {
    expect(await check({ status: ['OPEN'] }, "status = 'OPEN'")).toBeGreaterThan(0);
    expect(await check({ status: ['PENDING', 'RESOLVED'] }, "status in ('PENDING', 'RESOLVED')")).toBeGreaterThan(0);
  });

  it('priority', async () => {
    expect(await check({ priority: ['URGENT'] }, 'priority = 3')).toBeGreaterThan(0);
    expect(await check({ priority: ['LOW', 'HIGH'] }, 'priority in (0, 2)')).toBeGreaterThan(0);
  });

  it('text, case-insensitive, in subject or body', async () => {
    const withNeedle = await check({ text: 'mixed CASE needle' }, "lower(subject) like '%mixed case needle%' or lower(body) like '%mixed case needle%'");
    expect(withNeedle).toBe(2);
    expect(await check({ text: 'csv' }, "lower(subject) like '%csv%' or lower(body) like '%csv%'")).toBeGreaterThan(0);
    // LIKE wildcards are literal characters, not patterns.
    expect(await check({ text: '%' }, "position('%' in subject) > 0 or position('%' in body) > 0")).toBe(0);
    expect(await check({ text: '_' }, "position('_' in subject) > 0 or position('_' in body) > 0")).toBe(0);
  });

  it('assigneeId', async () => {
    const agentId = await t.userId('agent@acme.test');
    expect(await check({ assigneeId: toGlobalId('User', agentId) }, 'assignee_id = ?', [agentId])).toBeGreaterThan(0);
  });

  it('unassigned: true for no assignee, false for assigned only', async () => {
    const none = await check({ unassigned: true }, 'assignee_id is null');
    const some = await check({ unassigned: false }, 'assignee_id is not null');
    expect(none).toBeGreaterThan(0);
    expect(some).toBeGreaterThan(0);
    expect(none + some).toBe(await t.count('select count(*) as n from tickets where tenant_id = ?', [tenantId]));
  });

  it('assigneeId together with unassigned: true is refused as contradictory', async () => {
    const agentId = await t.userId('agent@acme.test');
    const res = await t.gql(LIST, { filter: { assigneeId: toGlobalId('User', agentId), unassigned: true } }, { token: tokens['agent@acme.test'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('combined status + unassigned + priority', async () => {
    await check({ status: ['OPEN'], unassigned: true, priority: ['NORMAL', 'URGENT'] }, "status = 'OPEN' and assignee_id is null and priority in (1, 3)");
  });
});

/* ------------------------------------------------------------------ */
/* f. addTicketComment                                                 */
/* ------------------------------------------------------------------ */

describe('addTicketComment', () => {
  const ADD = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id body author { email } ticket { id } } }';
  const COMMENTS = `query($id: ID!) { ticket(id: $id) { comments { totalCount nodes { id body author { email } } pageInfo { hasNextPage } } } }`;
  let gid: string;
  let id: string;

  beforeAll(async () => {
    const ticket = await acmeTicket(t.orm.em.fork(), { subject: 'Comment on me' });
    id = ticket.id;
    gid = toGlobalId('Ticket', id);
  });

  it('appends comments, visible oldest first', async () => {
    const first = await t.gql(ADD, { input: { ticketId: gid, body: '  First reply  ' } }, { token: tokens['member@acme.test'] });
    expect(first.errors).toBeUndefined();
    expect(first.data?.addTicketComment).toMatchObject({ body: 'First reply', author: { email: 'member@acme.test' }, ticket: { id: gid } });
    const second = await t.gql(ADD, { input: { ticketId: gid, body: 'Second reply' } }, { token: tokens['agent@acme.test'] });
    expect(second.errors).toBeUndefined();
    const third = await t.gql(ADD, { input: { ticketId: gid, body: 'Third reply' } }, { token: tokens['member@acme.test'] });
    expect(third.errors).toBeUndefined();

    const res = await t.gql(COMMENTS, { id: gid }, { token: tokens['viewer@acme.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.ticket.comments.totalCount).toBe(3);
    expect(res.data?.ticket.comments.pageInfo.hasNextPage).toBe(false);
    expect(res.data?.ticket.comments.nodes.map((n: { body: string; author: { email: string } }) => [n.body, n.author.email])).toEqual([
      ['First reply', 'member@acme.test'],
      ['Second reply', 'agent@acme.test'],
      ['Third reply', 'member@acme.test'],
    ]);
    expect(await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [id])).toBe(3);
    // Stored in the ticket's tenant.
    expect(await t.count('select count(*) as n from ticket_comments c join tickets t on t.id = c.ticket_id where c.ticket_id = ? and c.tenant_id = t.tenant_id', [id])).toBe(3);
  });

  it('an empty or whitespace-only body answers BAD_USER_INPUT and adds nothing', async () => {
    const before = await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [id]);
    for (const body of ['', '   ', '\n\t ']) {
      const res = await t.gql(ADD, { input: { ticketId: gid, body } }, { token: tokens['member@acme.test'] });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    }
    expect(await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [id])).toBe(before);
  });

  it('a viewer cannot comment (FORBIDDEN)', async () => {
    const before = await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [id]);
    const res = await t.gql(ADD, { input: { ticketId: gid, body: 'Viewer says hi' } }, { token: tokens['viewer@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [id])).toBe(before);
  });

  describeCrossTenant("another tenant's ticket", {
    app: () => t,
    as: { label: 'member@acme.test', token: () => tokens['member@acme.test'] },
    foreign: globexTicket,
    unchanged: (c) => t.count('select count(*) as n from ticket_comments where ticket_id = ?', [c.foreign.id]),
    writes: [{ name: 'addTicketComment writes nothing', mutation: ADD, variables: (c) => ({ input: { ticketId: c.foreign.gid, body: 'Sneaky' } }) }],
  });

  it('seeded tickets list their comments in (createdAt, id) order, paged by first', async () => {
    const rows = await t.sql<{ ticket_id: string }>(
      "select c.ticket_id from ticket_comments c join tenants n on n.id = c.tenant_id where n.slug = 'acme' group by c.ticket_id having count(*) >= 3 order by count(*) desc, c.ticket_id limit 1",
    );
    const ticketId = rows[0]?.ticket_id;
    expect(ticketId).toBeDefined();
    const dbOrder = await t.sql<{ id: string }>('select id from ticket_comments where ticket_id = ? order by created_at, id', [ticketId]);
    const all = await t.gql(COMMENTS, { id: toGlobalId('Ticket', ticketId) }, { token: tokens['agent@acme.test'] });
    expect(all.data?.ticket.comments.nodes.map((n: { id: string }) => n.id)).toEqual(dbOrder.map((r) => toGlobalId('TicketComment', r.id)));
    const two = await t.gql('query($id: ID!) { ticket(id: $id) { comments(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }', { id: toGlobalId('Ticket', ticketId) }, { token: tokens['agent@acme.test'] });
    expect(two.data?.ticket.comments.totalCount).toBe(dbOrder.length);
    expect(two.data?.ticket.comments.pageInfo.hasNextPage).toBe(true);
    expect(two.data?.ticket.comments.nodes.map((n: { id: string }) => n.id)).toEqual(dbOrder.slice(0, 2).map((r) => toGlobalId('TicketComment', r.id)));
    // The cursor from the batched first page continues with the direct (paginate) path.
    const rest = await t.gql('query($id: ID!, $after: String) { ticket(id: $id) { comments(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }', { id: toGlobalId('Ticket', ticketId), after: two.data?.ticket.comments.pageInfo.endCursor }, { token: tokens['agent@acme.test'] });
    expect(rest.errors).toBeUndefined();
    expect(rest.data?.ticket.comments.nodes.map((n: { id: string }) => n.id)).toEqual(dbOrder.slice(2).map((r) => toGlobalId('TicketComment', r.id)));
    expect(rest.data?.ticket.comments.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });
});

/* ------------------------------------------------------------------ */
/* g. audit_logs is append-only in the database                        */
/* ------------------------------------------------------------------ */

describe('audit_logs append-only', () => {
  it('refuses UPDATE and DELETE via raw SQL', async () => {
    const before = await t.count('select count(*) as n from audit_logs');
    expect(before).toBeGreaterThan(0);
    const conn = t.orm.em.fork().getConnection();
    await expect(conn.execute("update audit_logs set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from audit_logs')).rejects.toThrow(/append-only/);
    await expect(conn.execute('truncate audit_logs')).rejects.toThrow(/append-only/);
    expect(await t.count('select count(*) as n from audit_logs')).toBe(before);
    expect(await t.count("select count(*) as n from audit_logs where action = 'x'")).toBe(0);
  });
});
