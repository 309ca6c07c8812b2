import { toGlobalId } from '../../../common/global-id';
import { Tenant } from '../../tenancy/tenant.entity';
import { User } from '../../users/user.entity';
import { makeTicket } from '../ticket.factory';
import { summariseTicket } from '../../runs/handlers/ticket-summarise.tool';
import { TENANT_FILTER } from '../../../database/tenant-filter';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';

/*
 * Internal notes and replies from Atrium support: customers (members, viewers) never see a note
 * through any path; the tenant's agents and staff do. Staff reply with platform:ticket:reply only.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ token: tokens[who] });

const ADD = `mutation($input: AddTicketCommentInput!) {
  addTicketComment(input: $input) { id body internal fromSupport authorName author { email } }
}`;
const COMMENTS = `query($id: ID!) { ticket(id: $id) { comments { totalCount nodes { id body internal fromSupport authorName author { email } } } } }`;
const PAGED = `query($id: ID!, $after: String) { ticket(id: $id) { comments(first: 1, after: $after) { totalCount nodes { body } pageInfo { endCursor hasNextPage } } } }`;
const LIST = `query($text: String) { tickets(first: 5, filter: { text: $text }) { nodes { id comments(first: 10) { totalCount nodes { body } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on TicketComment { body } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

let ticketId: string;
let ticketGid: string;
let publicGid: string;
let noteGid: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test', 'staff@atrium.test', 'compliance@atrium.test', 'owner@globex.test']) {
    tokens[email] = (await t.login(email, email === 'owner@globex.test' ? 'globex' : undefined)).accessToken;
  }
  const em = t.orm.em.fork();
  const tenant = await em.findOneOrFail(Tenant, { slug: 'acme' }, { filters: false });
  const member = await em.findOneOrFail(User, { email: 'member@acme.test' });
  const ticket = makeTicket(em, tenant, member, { subject: 'Notes visibility probe' });
  await em.flush();
  ticketId = ticket.id;
  ticketGid = toGlobalId('Ticket', ticket.id);

  // A webhook endpoint of acme that wants comments: the payloads tell partners what a note is.
  await t.sql(
    `insert into webhook_endpoints (id, tenant_id, url, events, secret_sealed, enabled)
     values (gen_random_uuid(), ?, 'https://hooks.example.invalid/atrium', array['ticket.comment.created'], 'sealed', true)`,
    [tenant.id],
  );

  const pub = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'We are looking into it.' } }, as('agent@acme.test'));
  expect(pub.errors).toBeUndefined();
  publicGid = pub.data?.addTicketComment.id;
  const note = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'Customer is on the legacy plan; SECRET-NOTE', internal: true } }, as('agent@acme.test'));
  expect(note.errors).toBeUndefined();
  expect(note.data?.addTicketComment).toMatchObject({ internal: true, fromSupport: false, author: { email: 'agent@acme.test' } });
  noteGid = note.data?.addTicketComment.id;
});

afterAll(async () => {
  await t?.close();
});

describe('internal notes are hidden from customers on every path', () => {
  it.each(['member@acme.test', 'viewer@acme.test'])('%s: the comments connection and its totalCount leave the note out', async (who) => {
    const res = await t.gql(COMMENTS, { id: ticketGid }, as(who));
    expect(res.errors).toBeUndefined();
    expect(res.data?.ticket.comments.totalCount).toBe(1);
    expect(res.data?.ticket.comments.nodes.map((n: { body: string }) => n.body)).toEqual(['We are looking into it.']);
    expect(JSON.stringify(res.data)).not.toContain('SECRET-NOTE');
  });

  it('member: later pages (paginate, not the batched loader) leave the note out too', async () => {
    const first = await t.gql(PAGED, { id: ticketGid }, as('member@acme.test'));
    expect(first.errors).toBeUndefined();
    const page = first.data?.ticket.comments;
    expect(page.nodes.map((n: { body: string }) => n.body)).toEqual(['We are looking into it.']);
    const second = await t.gql(PAGED, { id: ticketGid, after: page.pageInfo.endCursor }, as('member@acme.test'));
    expect(second.errors).toBeUndefined();
    expect(second.data?.ticket.comments.nodes).toEqual([]);
    expect(second.data?.ticket.comments.totalCount).toBe(1);
  });

  it('member: the tickets list (batched first page and counts) leaves the note out', async () => {
    const res = await t.gql(LIST, { text: 'Notes visibility probe' }, as('member@acme.test'));
    expect(res.errors).toBeUndefined();
    const node = res.data?.tickets.nodes.find((n: { id: string }) => n.id === ticketGid);
    expect(node.comments.totalCount).toBe(1);
    expect(node.comments.nodes.map((n: { body: string }) => n.body)).toEqual(['We are looking into it.']);
  });

  it('member: node and nodes answer NOT_FOUND for the note (as for a missing id); the public comment resolves', async () => {
    const one = await t.gql(NODE, { id: noteGid }, as('member@acme.test'));
    expect(codeOf(one)).toBe('NOT_FOUND');
    expect(JSON.stringify(one)).not.toContain('SECRET-NOTE');
    const pub = await t.gql(NODE, { id: publicGid }, as('member@acme.test'));
    expect(pub.data?.node).toMatchObject({ id: publicGid });
    const many = await t.gql(NODES, { ids: [publicGid, noteGid] }, as('member@acme.test'));
    expect(many.data?.nodes).toEqual([{ id: publicGid }, null]);
    expect(many.errors?.map((e) => [e.extensions.code, e.path])).toEqual([['NOT_FOUND', ['nodes', 1]]]);
  });

  it('a member cannot write an internal note (FORBIDDEN), and nothing is stored', async () => {
    const before = await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [ticketId]);
    const res = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'Let me hide this', internal: true } }, as('member@acme.test'));
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [ticketId])).toBe(before);
  });

  it('the ticket summary tool (whose output any run reader sees) leaves notes out', async () => {
    const em = t.orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: await t.tenantId('acme') });
    const out = (await summariseTicket({ em, input: { ticketId: ticketGid, maxSentences: 10 }, signal: new AbortController().signal } as never));
    expect(JSON.stringify(out)).not.toContain('SECRET-NOTE');
    expect((out.counts as { comments: number }).comments).toBe(1);
  });

  it('webhooks: the note is delivered to the tenant marked internal: true; a public comment internal: false', async () => {
    const rows = await t.sql<{ payload: { data: { comment: { id: string; internal: boolean; fromSupport: boolean } } } }>(
      "select payload from webhook_events where type = 'ticket.comment.created' and payload->'data'->'ticket'->>'id' = ?",
      [ticketGid],
    );
    const byId = new Map(rows.map((r) => [r.payload.data.comment.id, r.payload.data.comment]));
    expect(byId.get(noteGid)).toMatchObject({ internal: true, fromSupport: false });
    expect(byId.get(publicGid)).toMatchObject({ internal: false, fromSupport: false });
  });
});

describe("the tenant's agents and staff see notes", () => {
  it.each(['agent@acme.test', 'owner@acme.test', 'staff@atrium.test'])('%s: the connection, count and node include the note', async (who) => {
    const res = await t.gql(COMMENTS, { id: ticketGid }, as(who));
    expect(res.errors).toBeUndefined();
    expect(res.data?.ticket.comments.totalCount).toBe(2);
    expect(res.data?.ticket.comments.nodes.map((n: { internal: boolean }) => n.internal)).toEqual([false, true]);
    const node = await t.gql(NODE, { id: noteGid }, as(who));
    expect(node.data?.node).toMatchObject({ id: noteGid, body: 'Customer is on the legacy plan; SECRET-NOTE' });
    const list = await t.gql(LIST, { text: 'Notes visibility probe' }, as(who));
    expect(list.data?.tickets.nodes.find((n: { id: string }) => n.id === ticketGid)?.comments.totalCount).toBe(2);
  });

  it("an agent's internal note is audited (without its body)", async () => {
    const rows = await t.sql<{ diff: { after: { commentId: string; internal: boolean } } }>(
      "select diff from audit_logs where action = 'ticket.internal_note_added' and target_id = ?",
      [ticketGid],
    );
    expect(rows.map((r) => r.diff.after)).toEqual([{ commentId: noteGid, internal: true }]);
    expect(JSON.stringify(rows)).not.toContain('SECRET-NOTE');
  });

  it("another tenant's owner cannot read or comment on the ticket (NOT_FOUND)", async () => {
    const res = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'Hello from globex', internal: true } }, as('owner@globex.test'));
    expect(codeOf(res)).toBe('NOT_FOUND');
    const node = await t.gql(NODE, { id: noteGid }, as('owner@globex.test'));
    expect(codeOf(node)).toBe('NOT_FOUND');
  });
});

describe('staff reply as Atrium support', () => {
  it('staff with platform:ticket:reply reply on any tenant\'s ticket; audited; customers see "Atrium support"', async () => {
    const res = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'Hi, this is Atrium support.' } }, as('staff@atrium.test'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.addTicketComment).toMatchObject({ fromSupport: true, internal: false, authorName: 'Sam Staff', author: { email: 'staff@atrium.test' } });
    const replyGid = res.data?.addTicketComment.id;
    const stored = await t.sql<{ tenant_id: string; from_support: boolean }>(
      'select tenant_id, from_support from ticket_comments where id = (select id from ticket_comments where ticket_id = ? order by created_at desc, id desc limit 1)',
      [ticketId],
    );
    expect(stored[0]).toEqual({ tenant_id: await t.tenantId('acme'), from_support: true });

    const audit = await t.sql<{ tenant_id: string; actor_id: string; diff: { after: Record<string, unknown> } }>(
      "select tenant_id, actor_id, diff from audit_logs where action = 'ticket.support_replied' and target_id = ?",
      [ticketGid],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenant_id: await t.tenantId('acme'), actor_id: await t.userId('staff@atrium.test'), diff: { after: { commentId: replyGid, internal: false, viaPlatform: true } } });

    const member = await t.gql(COMMENTS, { id: ticketGid }, as('member@acme.test'));
    expect(member.errors).toBeUndefined();
    const reply = member.data?.ticket.comments.nodes.find((n: { id: string }) => n.id === replyGid);
    expect(reply).toMatchObject({ body: 'Hi, this is Atrium support.', fromSupport: true, authorName: 'Atrium support', author: null });
    expect(JSON.stringify(member.data)).not.toContain('staff@atrium.test');
  });

  it('staff add internal notes too: customers never see them, the agent does', async () => {
    const res = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'STAFF-NOTE escalated to billing', internal: true } }, as('staff@atrium.test'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.addTicketComment).toMatchObject({ internal: true, fromSupport: true });
    const member = await t.gql(COMMENTS, { id: ticketGid }, as('member@acme.test'));
    expect(JSON.stringify(member.data)).not.toContain('STAFF-NOTE');
    expect(member.data?.ticket.comments.totalCount).toBe(2);
    const agent = await t.gql(COMMENTS, { id: ticketGid }, as('agent@acme.test'));
    expect(JSON.stringify(agent.data)).toContain('STAFF-NOTE');
    expect(agent.data?.ticket.comments.totalCount).toBe(4);
  });

  it('staff without platform:ticket:reply (compliance) are refused (FORBIDDEN); nothing is stored', async () => {
    const before = await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [ticketId]);
    const res = await t.gql(ADD, { input: { ticketId: ticketGid, body: 'Compliance chiming in' } }, as('compliance@atrium.test'));
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await t.count('select count(*) as n from ticket_comments where ticket_id = ?', [ticketId])).toBe(before);
  });

  it('an unknown ticket answers NOT_FOUND to staff', async () => {
    const res = await t.gql(ADD, { input: { ticketId: toGlobalId('Ticket', '00000000-0000-4000-8000-000000000000'), body: 'Anyone?' } }, as('staff@atrium.test'));
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
