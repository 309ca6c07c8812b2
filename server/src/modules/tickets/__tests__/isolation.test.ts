import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';
import { codeOf, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { hashPassword } from '../../auth/password';
import { Membership } from '../../tenancy/membership.entity';
import { Role } from '../../tenancy/role.entity';
import { Tenant } from '../../tenancy/tenant.entity';
import { StaffRole, User } from '../../users/user.entity';
import { makeAttachment, makeComment, makeTicket } from '../ticket.factory';
import { LocalDocumentStore } from '../../../common/files/file-store';
import { samplePdf } from '../../../seeders/sample-files';
import { TicketComment } from '../ticket-comment.entity';
import { Ticket } from '../ticket.entity';

/**
 * Tenant isolation of tickets: acme callers cannot read, find, count, change or comment on
 * globex tickets by any route (ticket, node, nodes, tickets filters, mutations), while platform
 * staff can read them and leave an audit trail doing so.
 */

const ACME_TICKETS = 60;

let t: TestApp;
let acmeTenantId: string;
let globexTenantId: string;
/** Global ids of every globex ticket, as the globex owner lists them. */
let globexTicketIds: string[];
/** One globex ticket with its current version. */
let globexTicket: { id: string; version: number };
/** A user who belongs to globex only, and the globex ticket they raised. */
let soloUserId: string;
let soloTicketId: string;
/** A file on the globex-only user's ticket. */
let soloAttachmentId: string;
let staffUserId: string;

const uuidOf = (globalId: string) => fromGlobalId(globalId).id;

async function ticketRow(globalId: string): Promise<{ version: number; subject: string; status: string; comments: number; attachments: number }> {
  const [row] = await t.sql<{ version: number; subject: string; status: string; comments: number; attachments: number }>(
    `select t.version, t.subject, t.status, (select count(*) from ticket_comments c where c.ticket_id = t.id)::int as comments,
            (select count(*) from ticket_attachments a where a.ticket_id = t.id)::int as attachments
       from tickets t where t.id = ?`,
    [uuidOf(globalId)],
  );
  if (!row) throw new Error(`no ticket row for ${globalId}`);
  return row;
}

async function platformAccessRows(): Promise<{ id: string; tenant_id: string | null; actor_id: string; diff: Record<string, any> }[]> {
  return t.sql(`select id, tenant_id, actor_id, diff from audit_logs where action = 'platform.access' order by created_at, id`);
}

beforeAll(async () => {
  t = await startTestApp();
  const [acme] = await t.sql<{ id: string }>(`select id from tenants where slug = 'acme'`);
  const [globex] = await t.sql<{ id: string }>(`select id from tenants where slug = 'globex'`);
  const [staff] = await t.sql<{ id: string }>(`select id from users where email = 'staff@atrium.test'`);
  acmeTenantId = acme.id;
  globexTenantId = globex.id;
  staffUserId = staff.id;

  // The seed's only globex user is also an acme member; add one who belongs to globex alone,
  // with a ticket and a comment of their own.
  const em = t.orm.em.fork();
  const tenant = await em.findOneOrFail(Tenant, { slug: 'globex' });
  const role = await em.findOneOrFail(Role, { tenant: tenant.id, name: 'member' }, { filters: false });
  const solo = em.create(User, { email: 'solo@globex.test', name: 'Solo Globex', passwordHash: await hashPassword(DEMO_PASSWORD) });
  em.persist(solo);
  em.persist(em.create(Membership, { tenant, user: solo, role }));
  const ticket = makeTicket(em, tenant, solo, { subject: 'Globex-only ticket', body: 'Only globex may see this.' });
  makeComment(em, ticket, solo, 'A globex-only comment.');
  const file = await makeAttachment(em, new LocalDocumentStore(t.app.services.config.attachments.storageDir), ticket, solo, samplePdf('globex-only'), { filename: 'globex-only.pdf' });
  await em.flush();
  soloAttachmentId = toGlobalId('TicketAttachment', file.id);
  soloUserId = toGlobalId('User', solo.id);
  soloTicketId = toGlobalId('Ticket', ticket.id);

  const { accessToken } = await t.login('owner@globex.test', 'globex');
  const res = await t.gql('query { tickets(first: 100) { totalCount nodes { id version tenant { slug } } } }', {}, { token: accessToken });
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.tickets.nodes as { id: string; version: number; tenant: { slug: string } }[];
  expect(res.data!.tickets.totalCount).toBe(16);
  expect(nodes.every((n) => n.tenant.slug === 'globex')).toBe(true);
  globexTicketIds = nodes.map((n) => n.id);
  expect(globexTicketIds).toContain(soloTicketId);
  // A seeded globex ticket that has comments, so "nothing changed" is checked against real rows.
  const [withComments] = await t.sql<{ id: string; version: number }>(
    `select t.id, t.version from tickets t where t.tenant_id = ? and exists (select 1 from ticket_comments c where c.ticket_id = t.id) order by t.number limit 1`,
    [globexTenantId],
  );
  globexTicket = { id: toGlobalId('Ticket', withComments.id), version: withComments.version };
  expect(globexTicketIds).toContain(globexTicket.id);
});

afterAll(async () => {
  await t?.close();
});

const TICKETS_FILTER = 'query($f: TicketFilter) { tickets(first: 100, filter: $f) { totalCount nodes { id } } }';

interface Foreign {
  /** A seeded globex ticket with comments, and its version. */
  ticket: string;
  version: number;
  /** The globex-only user's ticket, and the user. */
  soloTicket: string;
  soloUser: string;
  /** A globex ticket comment. */
  comment: string;
  /** A file on the globex-only user's ticket. */
  attachment: string;
  tenant: string;
}

describeCrossTenant<Foreign, { ticket: string; tenant: string }>('globex tickets', {
  app: () => t,
  as: ['agent@acme.test', 'owner@acme.test'],
  foreign: async () => {
    const [comment] = await t.sql<{ id: string }>(`select id from ticket_comments where tenant_id = ? limit 1`, [globexTenantId]);
    return {
      ticket: globexTicket.id,
      version: globexTicket.version,
      soloTicket: soloTicketId,
      soloUser: soloUserId,
      comment: toGlobalId('TicketComment', comment.id),
      attachment: soloAttachmentId,
      tenant: toGlobalId('Tenant', globexTenantId),
    };
  },
  own: async ({ token }) => {
    const me = await t.gql('query { me { tenant { slug } } }', {}, { token });
    expect(me.data?.me.tenant.slug).toBe('acme');
    const [row] = await t.sql<{ id: string }>(`select id from tickets where tenant_id = ? order by number limit 1`, [acmeTenantId]);
    return { ticket: toGlobalId('Ticket', row.id), tenant: toGlobalId('Tenant', acmeTenantId) };
  },
  // No refused call changes a globex ticket or its comments.
  unchanged: async (c) => [await ticketRow(c.foreign.ticket), await ticketRow(c.foreign.soloTicket)],
  reads: [
    {
      name: 'ticket(id) on a seeded globex ticket, its own through the same route',
      query: 'query($id: ID!) { ticket(id: $id) { id subject body } }',
      variables: (c) => ({ id: c.foreign.ticket }),
      expect: 'NOT_FOUND',
      control: { query: 'query($id: ID!) { ticket(id: $id) { id } }', variables: (c) => ({ id: c.own.ticket }), expect: (res, c) => expect(res.data?.ticket.id).toBe(c.own.ticket) },
    },
    {
      name: "ticket(id) on the globex-only user's ticket",
      query: 'query($id: ID!) { ticket(id: $id) { id subject body } }',
      variables: (c) => ({ id: c.foreign.soloTicket }),
      expect: 'NOT_FOUND',
    },
    {
      name: 'node(id) on a globex ticket, its own through the same route',
      query: 'query($id: ID!) { node(id: $id) { id ... on Ticket { subject body } } }',
      variables: (c) => ({ id: c.foreign.ticket }),
      expect: 'NOT_FOUND',
      control: { query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.own.ticket }), expect: (res, c) => expect(res.data?.node.id).toBe(c.own.ticket) },
    },
    {
      name: 'nodes(ids) with its own ticket and two globex tickets: null plus a located NOT_FOUND for each globex one',
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Ticket { subject } } }',
      variables: (c) => ({ ids: [c.own.ticket, c.foreign.ticket, c.foreign.soloTicket] }),
      expect: { nodes: (c) => [c.own.ticket, null, null] },
    },
    {
      name: 'node(id) on a globex ticket attachment',
      query: 'query($id: ID!) { node(id: $id) { id ... on TicketAttachment { filename downloadPath } } }',
      variables: (c) => ({ id: c.foreign.attachment }),
      expect: 'NOT_FOUND',
    },
    {
      name: 'nodes(ids) on a globex comment and a globex-only user',
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: (c) => ({ ids: [c.foreign.comment, c.foreign.soloUser] }),
      expect: { nodes: () => [null, null] },
    },
    {
      name: 'tickets filtered by a globex-only requester',
      query: TICKETS_FILTER,
      variables: (c) => ({ f: { requesterId: c.foreign.soloUser } }),
      expect: 'empty',
    },
    {
      name: 'tickets filtered by the globex tenant',
      query: TICKETS_FILTER,
      variables: (c) => ({ f: { tenantId: c.foreign.tenant } }),
      expect: 'empty',
    },
    {
      // owner@globex.test is also an acme member: filtering by them finds only their acme tickets.
      name: 'tickets filtered by a user of both tenants find only their acme tickets',
      query: 'query($f: TicketFilter) { tickets(first: 100, filter: $f) { totalCount nodes { id tenant { slug } } } }',
      variables: async () => ({ f: { requesterId: toGlobalId('User', await t.userId('owner@globex.test')) } }),
      expect: async (res) => {
        const n = await t.count(`select count(*) as n from tickets where tenant_id = ? and requester_id = ?`, [acmeTenantId, await t.userId('owner@globex.test')]);
        expect(n).toBeGreaterThan(0);
        expect(res.data?.tickets.totalCount).toBe(n);
        for (const node of res.data?.tickets.nodes ?? []) {
          expect(node.tenant.slug).toBe('acme');
          expect(globexTicketIds).not.toContain(node.id);
        }
      },
    },
    {
      name: "tickets counts and lists acme's tickets only",
      query: 'query { tickets(first: 100) { totalCount pageInfo { hasNextPage } nodes { id tenant { slug } } } }',
      expect: async (res) => {
        const [{ n }] = (await t.sql<{ n: number }>(`select count(*)::int as n from tickets where tenant_id = ?`, [acmeTenantId])) as [{ n: number }];
        expect(n).toBe(ACME_TICKETS);
        expect(res.errors).toBeUndefined();
        expect(res.data?.tickets.totalCount).toBe(ACME_TICKETS);
        expect(res.data?.tickets.pageInfo.hasNextPage).toBe(false);
        const nodes = res.data?.tickets.nodes as { id: string; tenant: { slug: string } }[];
        expect(nodes).toHaveLength(ACME_TICKETS);
        expect(nodes.filter((node) => node.tenant.slug !== 'acme')).toEqual([]);
        expect(nodes.filter((node) => globexTicketIds.includes(node.id))).toEqual([]);
        const rows = await t.sql<{ tenant_id: string }>(`select distinct tenant_id from tickets where id = any(?::uuid[])`, [`{${nodes.map((x) => uuidOf(x.id)).join(',')}}`]);
        expect(rows).toEqual([{ tenant_id: acmeTenantId }]);
      },
    },
    {
      name: 'node(id) on the globex Tenant, its own through the same route',
      query: 'query($id: ID!) { node(id: $id) { id ... on Tenant { slug name } } }',
      variables: (c) => ({ id: c.foreign.tenant }),
      expect: 'NOT_FOUND',
      control: { query: 'query($id: ID!) { node(id: $id) { ... on Tenant { slug } } }', variables: (c) => ({ id: c.own.tenant }), expect: (res) => expect(res.data?.node).toEqual({ slug: 'acme' }) },
    },
    {
      name: 'tenant(id) on the globex Tenant',
      query: 'query($id: ID!) { tenant(id: $id) { slug } }',
      variables: (c) => ({ id: c.foreign.tenant }),
      expect: 'NOT_FOUND',
    },
    {
      name: 'the nested comments connections (batched raw SQL and counts) hold acme comments only',
      query: 'query { tickets(first: 100) { nodes { id comments(first: 100) { totalCount nodes { id } } } } }',
      expect: async (res) => {
        expect(res.errors).toBeUndefined();
        const tickets = res.data?.tickets.nodes as { id: string; comments: { totalCount: number; nodes: { id: string }[] } }[];
        const commentIds = tickets.flatMap((tk) => tk.comments.nodes.map((cm) => uuidOf(cm.id)));
        const [{ n: acmeComments }] = (await t.sql<{ n: number }>(`select count(*)::int as n from ticket_comments where tenant_id = ?`, [acmeTenantId])) as [{ n: number }];
        expect(acmeComments).toBeGreaterThan(0);
        expect(commentIds).toHaveLength(acmeComments);
        expect(tickets.reduce((sum, tk) => sum + tk.comments.totalCount, 0)).toBe(acmeComments);
        const tenants = await t.sql<{ tenant_id: string }>(`select distinct tenant_id from ticket_comments where id = any(?::uuid[])`, [`{${commentIds.join(',')}}`]);
        expect(tenants).toEqual([{ tenant_id: acmeTenantId }]);
      },
    },
  ],
  writes: [
    {
      name: 'updateTicket on a globex ticket, with its current version',
      mutation: 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id version subject } }',
      variables: async (c) => {
        const { version } = await ticketRow(c.foreign.ticket);
        expect(version).toBe(c.foreign.version);
        return { input: { id: c.foreign.ticket, version, subject: `Hijacked by ${c.as}`, status: 'CLOSED' } };
      },
      then: async (_res, c) => {
        expect(await t.sql(`select id from audit_logs where action = 'ticket.updated' and target_id = ?`, [c.foreign.ticket])).toEqual([]);
      },
    },
    {
      name: 'addTicketComment on a globex ticket adds no comment',
      mutation: 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }',
      variables: (c) => ({ input: { ticketId: c.foreign.ticket, body: `Planted by ${c.as}` } }),
      then: async (_res, c) => {
        expect((await ticketRow(c.foreign.ticket)).comments).toBeGreaterThan(0);
        expect(await t.sql(`select id from ticket_comments where body = ?`, [`Planted by ${c.as}`])).toEqual([]);
      },
    },
    {
      name: 'deleteTicketAttachment on a globex attachment keeps the file',
      mutation: 'mutation($id: ID!) { deleteTicketAttachment(id: $id) }',
      variables: (c) => ({ id: c.foreign.attachment }),
      then: async (_res, c) => {
        expect((await ticketRow(c.foreign.soloTicket)).attachments).toBe(1);
      },
    },
    {
      name: 'switchTenant to globex, and the caller keeps acting in acme',
      mutation: 'mutation($id: ID!) { switchTenant(tenantId: $id) { accessToken tenant { slug } } }',
      variables: (c) => ({ id: c.foreign.tenant }),
      then: async (_res, c) => {
        const me = await t.gql('query { me { tenant { slug } } }', {}, { token: c.token });
        expect(me.data?.me.tenant.slug).toBe('acme');
      },
    },
  ],
  checks: [
    {
      name: "GET a globex attachment's content: 404",
      run: async (c) => {
        const get = await fetch(`${t.url}/api/tickets/attachments/${c.foreign.attachment}/content`, { headers: { authorization: `Bearer ${c.token}` } });
        expect(get.status).toBe(404);
      },
    },
    {
      name: 'POST an attachment to a globex ticket: 404, and no file is added',
      run: async (c) => {
        const form = new FormData();
        form.append('file', new Blob([samplePdf('planted')]), 'planted.pdf');
        const up = await fetch(`${t.url}/api/tickets/${c.foreign.soloTicket}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body: form });
        expect(up.status).toBe(404);
        expect((await ticketRow(c.foreign.soloTicket)).attachments).toBe(1);
      },
    },
  ],
});

describe('platform staff', () => {
  let token: string;

  beforeAll(async () => {
    token = (await t.login('staff@atrium.test')).accessToken;
    const me = await t.gql('query { me { tenant { slug } staffRole } }', {}, { token });
    expect(me.data?.me).toEqual({ tenant: null, staffRole: 'SUPERADMIN' });
  });

  it('reads a globex ticket through ticket(id), and the read is audited as platform.access', async () => {
    const before = await platformAccessRows();
    const res = await t.gql('query($id: ID!) { ticket(id: $id) { id tenant { slug } } }', { id: globexTicket.id }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.ticket).toEqual({ id: globexTicket.id, tenant: { slug: 'globex' } });

    const after = await platformAccessRows();
    expect(after).toHaveLength(before.length + 1);
    const row = after.at(-1)!;
    expect(row.actor_id).toBe(staffUserId);
    expect(row.tenant_id).toBe(globexTenantId);
    expect(row.diff).toMatchObject({ operation: 'ticket', ticketId: uuidOf(globexTicket.id) });
  });

  it('lists globex tickets through tickets(filter: { tenantId }), and the read is audited as platform.access', async () => {
    const before = await platformAccessRows();
    const globexId = toGlobalId('Tenant', globexTenantId);
    const res = await t.gql(
      'query($f: TicketFilter) { tickets(first: 100, filter: $f) { totalCount nodes { id tenant { slug } } } }',
      { f: { tenantId: globexId } },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.tickets.nodes as { id: string; tenant: { slug: string } }[];
    expect(res.data?.tickets.totalCount).toBe(globexTicketIds.length);
    expect(nodes.map((n) => n.id).sort()).toEqual([...globexTicketIds].sort());
    expect(nodes.every((n) => n.tenant.slug === 'globex')).toBe(true);

    const after = await platformAccessRows();
    expect(after).toHaveLength(before.length + 1);
    const row = after.at(-1)!;
    expect(row.actor_id).toBe(staffUserId);
    // Attributed to the tenant whose tickets were read, so its own audit trail shows it.
    expect(row.tenant_id).toBe(globexTenantId);
    expect(row.diff).toMatchObject({ operation: 'tickets', filter: { tenantId: globexId } });
  });

  it('a staff member signed in to a tenant acts as that member: no platform rights, no reach into other tenants', async () => {
    const em = t.orm.em.fork();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
    const viewer = await em.findOneOrFail(Role, { tenant: acme.id, name: 'viewer' }, { filters: false });
    const both = em.create(User, { email: 'support-member@atrium.test', name: 'Support Member', passwordHash: await hashPassword(DEMO_PASSWORD), staffRole: StaffRole.SUPPORT });
    em.persist(both);
    em.persist(em.create(Membership, { tenant: acme, user: both, role: viewer }));
    await em.flush();

    const { accessToken } = await t.login('support-member@atrium.test');
    const me = await t.gql('query { me { tenant { slug } role permissions } }', {}, { token: accessToken });
    expect(me.data?.me).toEqual({ tenant: { slug: 'acme' }, role: 'viewer', permissions: ['dashboard:use', 'incident:read', 'member:read', 'run:read', 'ticket:read', 'tool:read'] });

    const before = await platformAccessRows();
    const list = await t.gql('query($f: TicketFilter) { tickets(first: 5, filter: $f) { totalCount } }', { f: { tenantId: toGlobalId('Tenant', globexTenantId) } }, { token: accessToken });
    expect(list.data?.tickets.totalCount).toBe(0);
    expect(codeOf(await t.gql('query { tenants(first: 5) { totalCount } }', {}, { token: accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: globexTicket.id }, { token: accessToken }))).toBe('NOT_FOUND');
    expect(await platformAccessRows()).toHaveLength(before.length);
  });
});

describe('the tenant filter', () => {
  it('fails closed: a tenant-owned query with no tenant set throws instead of returning rows', async () => {
    const em = t.orm.em.fork();
    await expect(em.find(Ticket, {})).rejects.toThrow(/No arguments provided for filter 'tenant'/);
    await expect(em.count(TicketComment, {})).rejects.toThrow(/filter 'tenant'/);
    // With a tenant set, the same query sees that tenant's rows only.
    em.setFilterParams('tenant', { tenantId: acmeTenantId });
    const rows = await em.find(Ticket, {}, { fields: ['id', 'tenant'] });
    expect(rows.length).toBe(ACME_TICKETS);
    expect(rows.every((r) => r.tenant.id === acmeTenantId)).toBe(true);
  });
});

describe('raw-SQL comment loaders', () => {
  it("keep a comment row stamped with another tenant out of an acme ticket's comments", async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    const [ticket] = await t.sql<{ id: string }>(
      `select t.id from tickets t where t.tenant_id = ? and exists (select 1 from ticket_comments c where c.ticket_id = t.id) order by t.number limit 1`,
      [acmeTenantId],
    );
    const ticketId = toGlobalId('Ticket', ticket.id);
    const [{ n: legit }] = (await t.sql<{ n: number }>(`select count(*)::int as n from ticket_comments where ticket_id = ? and tenant_id = ?`, [ticket.id, acmeTenantId])) as [
      { n: number },
    ];
    const [globexOwner] = await t.sql<{ id: string }>(`select id from users where email = 'owner@globex.test'`);
    // A row that is inconsistent on purpose: an acme ticket, but the globex tenant. Only the
    // loaders' own tenant condition keeps it out (the ticket id alone would let it in).
    const [planted] = await t.sql<{ id: string }>(
      `insert into ticket_comments (id, tenant_id, ticket_id, author_id, body, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, 'cross-tenant row', now(), now()) returning id`,
      [globexTenantId, ticket.id, globexOwner.id],
    );
    try {
      const plantedId = toGlobalId('TicketComment', planted.id);
      const query = `query($id: ID!) {
        ticket(id: $id) {
          firstPage: comments(first: 100) { totalCount nodes { id body } }
          offsetPage: comments(first: 100, offset: 0) { totalCount nodes { id body } }
        }
      }`;
      const res = await t.gql(query, { id: ticketId }, { token });
      expect(res.errors).toBeUndefined();
      for (const page of [res.data?.ticket.firstPage, res.data?.ticket.offsetPage]) {
        const ids = (page.nodes as { id: string }[]).map((c) => c.id);
        expect(ids).not.toContain(plantedId);
        expect(ids).toHaveLength(legit);
        expect(page.totalCount).toBe(legit);
      }
    } finally {
      await t.sql(`delete from ticket_comments where id = ?`, [planted.id]);
    }
  });
});
