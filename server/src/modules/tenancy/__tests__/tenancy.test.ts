import { randomBytes, randomUUID } from 'node:crypto';
import { codeOf, expectError, expectOk, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { toGlobalId } from '../../../common/global-id';
import { SYSTEM_ROLES, SYSTEM_ROLE_NAMES, type SystemRoleName } from '../../../permissions/catalog';
import { hashPassword } from '../../auth/password';
import { User } from '../../users/user.entity';
import { addMember, provisionTenant } from '../tenant.factory';

/*
 * Tenancy end to end: tenants, memberships and roles on a real server and a fresh, seeded
 * PostgreSQL database. Every mutating request carries its own correlation id, so the audit rows
 * a request wrote (or did not write) can be read back exactly.
 *
 * Tests that need a particular state build their own tenant with the factories (makeWorld);
 * the few that change seeded acme rows put them back before they end.
 */

let t: TestApp;

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

const MEMBERSHIP_FIELDS = 'id user { id email } role { id name } tenant { id slug }';
const MEMBERSHIPS = `query($first: Int, $offset: Int, $after: String, $last: Int, $before: String, $filter: MembershipFilter) {
  memberships(first: $first, offset: $offset, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    edges { cursor node { ${MEMBERSHIP_FIELDS} } }
    nodes { ${MEMBERSHIP_FIELDS} }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Membership { user { email } role { name } tenant { slug } } ... on Role { name } } }`;
const ROLE_FIELDS = 'id name description permissions system';
const ROLES = `query { roles(first: 100) { totalCount nodes { ${ROLE_FIELDS} } } }`;
const CREATE_ROLE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { ${ROLE_FIELDS} } }`;
const UPDATE_ROLE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) { ${ROLE_FIELDS} } }`;
const DELETE_ROLE = 'mutation($id: ID!) { deleteRole(id: $id) }';
const UPDATE_MEMBERSHIP_ROLE = `mutation($input: UpdateMembershipRoleInput!) { updateMembershipRole(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const ME = '{ me { user { email } tenant { slug } role permissions } }';
const TENANT = 'query($id: ID!) { tenant(id: $id) { id slug name } }';
const TENANTS = `query($first: Int, $filter: TenantFilter) {
  tenants(first: $first, filter: $filter) { totalCount nodes { id slug name } pageInfo { hasNextPage } }
}`;

// ---------------------------------------------------------------------------------------------
// Types and helpers
// ---------------------------------------------------------------------------------------------

interface AuditRow {
  action: string;
  actor_id: string | null;
  tenant_id: string | null;
  target_type: string | null;
  target_id: string | null;
  diff: Record<string, unknown> | null;
}
interface MembershipNode {
  id: string;
  user: { id: string; email: string };
  role: { id: string; name: string };
  tenant: { id: string; slug: string };
}
interface RoleNode {
  id: string;
  name: string;
  description: string | null;
  permissions: string[];
  system: boolean;
}

const gid = toGlobalId;

let cidSeq = 0;
/** A fresh, well-formed correlation id: every audit row the request writes carries it. */
function newCid(): string {
  return `tenancy-test-${process.pid}-${++cidSeq}-${randomBytes(4).toString('hex')}`;
}

/** One GraphQL request under its own correlation id. */
async function call(query: string, variables: Record<string, unknown>, token: string): Promise<{ res: GqlResponse; cid: string }> {
  const cid = newCid();
  const res = await t.gql(query, variables, { token, headers: { 'X-Correlation-Id': cid } });
  return { res, cid };
}

async function auditsOf(cid: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>(
    'select action, actor_id, tenant_id, target_type, target_id, diff from audit_logs where correlation_id = ? order by created_at, id',
    [cid],
  );
}

/** Role name a membership holds now, straight from the database. */
async function roleNameOf(membershipId: string): Promise<string | undefined> {
  const rows = await t.sql<{ name: string }>('select r.name from memberships m join roles r on r.id = m.role_id where m.id = ?', [membershipId]);
  return rows[0]?.name;
}

async function roleRow(roleId: string): Promise<{ name: string; description: string | null; permissions: string[]; system: boolean; tenant_id: string } | undefined> {
  const rows = await t.sql<{ name: string; description: string | null; permissions: string[]; system: boolean; tenant_id: string }>(
    'select name, description, permissions, system, tenant_id from roles where id = ?',
    [roleId],
  );
  return rows[0];
}

async function ownerCount(tenantId: string): Promise<number> {
  return t.count("select count(*) as n from memberships m join roles r on r.id = m.role_id where m.tenant_id = ? and r.name = 'owner'", [tenantId]);
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

let nameSeq = 0;
/** A role name valid for CreateRoleInput (lowercase, digits, "-") and unique in this run. */
function roleName(prefix: string): string {
  return `${prefix}-${++nameSeq}-${randomBytes(3).toString('hex')}`;
}

// Seeded world -------------------------------------------------------------------------------

interface SeedTenant {
  id: string;
  gid: string;
  roles: Record<SystemRoleName, string>;
  /** Membership id by user email. */
  memberships: Record<string, string>;
}
const seed: { acme: SeedTenant; globex: SeedTenant } = {} as never;
const tokens: Record<string, string> = {};
let staffId: string;

async function loadSeedTenant(slug: string): Promise<SeedTenant> {
  const [tenant] = await t.sql<{ id: string }>('select id from tenants where slug = ?', [slug]);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  const roles = await t.sql<{ id: string; name: SystemRoleName }>('select id, name from roles where tenant_id = ? and system', [tenant.id]);
  const memberships = await t.sql<{ id: string; email: string }>(
    'select m.id, u.email from memberships m join users u on u.id = m.user_id where m.tenant_id = ?',
    [tenant.id],
  );
  return {
    id: tenant.id,
    gid: gid('Tenant', tenant.id),
    roles: Object.fromEntries(roles.map((r) => [r.name, r.id])) as Record<SystemRoleName, string>,
    memberships: Object.fromEntries(memberships.map((m) => [m.email, m.id])),
  };
}

// Fresh tenants from the factories -----------------------------------------------------------

const WORLD_PASSWORD = 'tenancy-world-pw';
let worldHash: Promise<string> | undefined;
let worldSeq = 0;

interface World {
  slug: string;
  tenantId: string;
  roles: Record<SystemRoleName, string>;
  members: Record<string, { userId: string; email: string; membershipId: string }>;
  login(key: string): Promise<string>;
}

/** A new tenant with its five system roles and one user per entry of `members`. */
async function makeWorld(prefix: string, members: Record<string, SystemRoleName>): Promise<World> {
  const slug = `${prefix}-${++worldSeq}-${randomBytes(3).toString('hex')}`;
  const passwordHash = await (worldHash ??= hashPassword(WORLD_PASSWORD));
  const em = t.orm.em.fork();
  const p = provisionTenant(em, { slug, name: `World ${slug}` });
  const out: World['members'] = {};
  for (const [key, role] of Object.entries(members)) {
    const user = em.create(User, { email: `${key}@${slug}.test`, name: `${key} of ${slug}`, passwordHash });
    em.persist(user);
    const m = addMember(em, p, user, role);
    out[key] = { userId: user.id, email: user.email, membershipId: m.id };
  }
  await em.flush();
  const roles = Object.fromEntries(SYSTEM_ROLE_NAMES.map((n) => [n, p.roles[n].id])) as Record<SystemRoleName, string>;
  return {
    slug,
    tenantId: p.tenant.id,
    roles,
    members: out,
    async login(key) {
      const m = out[key];
      if (!m) throw new Error(`no member ${key} in ${slug}`);
      return (await t.login(m.email, slug, WORLD_PASSWORD)).accessToken;
    },
  };
}

/** The uuid inside a Role global id. */
function uuidOfRoleGid(roleGid: string): string {
  const raw = Buffer.from(roleGid, 'base64url').toString('utf8');
  if (!raw.startsWith('Role:')) throw new Error(`not a Role id: ${roleGid}`);
  return raw.slice('Role:'.length);
}

async function createRoleAs(token: string, input: { name: string; permissions: string[]; description?: string }): Promise<RoleNode & { uuid: string }> {
  const { res } = await call(CREATE_ROLE, { input }, token);
  expectOk(res);
  const role = res.data?.createRole as RoleNode;
  return { ...role, uuid: uuidOfRoleGid(role.id) };
}

function setRole(token: string, membershipId: string, roleId: string) {
  return call(UPDATE_MEMBERSHIP_ROLE, { input: { membershipId: gid('Membership', membershipId), roleId: gid('Role', roleId) } }, token);
}

beforeAll(async () => {
  t = await startTestApp();
  seed.acme = await loadSeedTenant('acme');
  seed.globex = await loadSeedTenant('globex');
  for (const email of ['owner@acme.test', 'admin@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test', 'staff@atrium.test']) {
    tokens[email] = (await t.login(email)).accessToken;
  }
  tokens['owner@globex.test'] = (await t.login('owner@globex.test', 'globex')).accessToken;
  staffId = await t.userId('staff@atrium.test');
});

afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// 1. memberships
// ---------------------------------------------------------------------------------------------

describe('memberships', () => {
  async function acmeMembershipRows() {
    return t.sql<{ id: string; email: string; role: string; user_id: string; role_id: string }>(
      `select m.id, u.email, u.id as user_id, r.name as role, r.id as role_id
         from memberships m join users u on u.id = m.user_id join roles r on r.id = m.role_id
        where m.tenant_id = ? order by m.created_at, m.id`,
      [seed.acme.id],
    );
  }

  it('the seed has 7 memberships, 6 of them in acme', async () => {
    // The brief's "7" is the whole seed; acme holds six of them (globex's owner is also an acme member).
    expect(await t.count('select count(*) as n from memberships')).toBe(7);
    expect(await t.count('select count(*) as n from memberships where tenant_id = ?', [seed.acme.id])).toBe(6);
    expect(Object.keys(seed.acme.memberships).sort()).toEqual(
      ['admin@acme.test', 'agent@acme.test', 'member@acme.test', 'owner@acme.test', 'owner@globex.test', 'viewer@acme.test'].sort(),
    );
  });

  it('acme admin lists every acme membership, in order, with user, role and tenant', async () => {
    const rows = await acmeMembershipRows();
    const res = await t.gql(MEMBERSHIPS, { first: 100 }, { token: tokens['admin@acme.test'] });
    expectOk(res);
    const conn = res.data?.memberships;
    expect(conn.totalCount).toBe(rows.length);
    expect(conn.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(conn.nodes).toEqual(conn.edges.map((e: { node: MembershipNode }) => e.node));
    expect(
      (conn.nodes as MembershipNode[]).map((n) => ({ id: n.id, userId: n.user.id, email: n.user.email, roleId: n.role.id, role: n.role.name, tenant: n.tenant })),
    ).toEqual(
      rows.map((r) => ({
        id: gid('Membership', r.id),
        userId: gid('User', r.user_id),
        email: r.email,
        roleId: gid('Role', r.role_id),
        role: r.role,
        tenant: { id: seed.acme.gid, slug: 'acme' },
      })),
    );
    // globex's owner shows up as the acme member they are, not as globex's owner.
    expect((conn.nodes as MembershipNode[]).find((n) => n.user.email === 'owner@globex.test')?.role.name).toBe('member');
  });

  it('offset pages walk the list in the same order as one big page', async () => {
    const all = ((await t.gql(MEMBERSHIPS, { first: 100 }, { token: tokens['admin@acme.test'] })).data?.memberships.nodes as MembershipNode[]).map((n) => n.id);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const res = await t.gql(MEMBERSHIPS, { first: 2, offset }, { token: tokens['admin@acme.test'] });
      expectOk(res);
      const conn = res.data?.memberships;
      expect(conn.totalCount).toBe(all.length);
      expect(conn.pageInfo.hasPreviousPage).toBe(offset > 0);
      expect(conn.pageInfo.hasNextPage).toBe(offset + 2 < all.length);
      seen.push(...(conn.nodes as MembershipNode[]).map((n) => n.id));
    }
    expect(seen).toEqual(all);
    const beyond = await t.gql(MEMBERSHIPS, { first: 2, offset: all.length }, { token: tokens['admin@acme.test'] });
    expect(beyond.data?.memberships.nodes).toEqual([]);
    expect(beyond.data?.memberships.pageInfo.hasNextPage).toBe(false);
  });

  it('cursor pages walk forward and backward over the same list', async () => {
    const token = tokens['admin@acme.test'];
    const all = ((await t.gql(MEMBERSHIPS, { first: 100 }, { token })).data?.memberships.nodes as MembershipNode[]).map((n) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: GqlResponse = await t.gql(MEMBERSHIPS, { first: 2, after }, { token });
      expectOk(res);
      const conn = res.data?.memberships;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...(conn.edges as { node: MembershipNode }[]).map((e) => e.node.id));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));

    // Backward: the last two, then the two before them.
    const tail = await t.gql(MEMBERSHIPS, { last: 2 }, { token });
    expectOk(tail);
    expect((tail.data?.memberships.nodes as MembershipNode[]).map((n) => n.id)).toEqual(all.slice(-2));
    expect(tail.data?.memberships.pageInfo.hasPreviousPage).toBe(true);
    const before = await t.gql(MEMBERSHIPS, { last: 2, before: tail.data?.memberships.pageInfo.startCursor }, { token });
    expectOk(before);
    expect((before.data?.memberships.nodes as MembershipNode[]).map((n) => n.id)).toEqual(all.slice(-4, -2));
    expect(before.data?.memberships.pageInfo.hasNextPage).toBe(true);
  });

  describeCrossTenant('globex memberships', {
    app: () => t,
    as: { label: 'admin@acme.test', token: () => tokens['admin@acme.test'] },
    foreign: () => ({ membership: gid('Membership', seed.globex.memberships['owner@globex.test']), tenant: seed.globex.gid }),
    unchanged: () => t.sql('select id, user_id, role_id from memberships where tenant_id = ? order by id', [seed.globex.id]),
    reads: [
      {
        // The answer is the same as for an id that does not exist at all: nothing to tell them apart.
        name: 'node(id) on a globex membership, like one that does not exist; an acme one resolves',
        query: NODE,
        variables: (c) => ({ id: c.foreign.membership }),
        expect: 'NOT_FOUND',
        likeMissing: () => ({ id: gid('Membership', randomUUID()) }),
        then: (res) => expectError(res, 'NOT_FOUND'),
        control: {
          variables: () => ({ id: gid('Membership', seed.acme.memberships['viewer@acme.test']) }),
          expect: (mine) => {
            expectOk(mine);
            expect(mine.data?.node).toMatchObject({ user: { email: 'viewer@acme.test' }, role: { name: 'viewer' }, tenant: { slug: 'acme' } });
          },
        },
      },
      {
        name: "memberships with filter.tenantId of globex",
        query: MEMBERSHIPS,
        variables: (c) => ({ first: 100, filter: { tenantId: c.foreign.tenant } }),
        expect: 'empty',
        then: (res) => expectOk(res),
      },
    ],
  });

  it('viewer can read memberships (member:read); globex owner sees only globex', async () => {
    const rows = await acmeMembershipRows();
    const viewer = await t.gql(MEMBERSHIPS, { first: 100 }, { token: tokens['viewer@acme.test'] });
    expectOk(viewer);
    expect(viewer.data?.memberships.totalCount).toBe(rows.length);
    expect((viewer.data?.memberships.nodes as MembershipNode[]).map((n) => n.id)).toEqual(rows.map((r) => gid('Membership', r.id)));

    const globexRows = await t.sql<{ id: string }>('select id from memberships where tenant_id = ? order by created_at, id', [seed.globex.id]);
    const globex = await t.gql(MEMBERSHIPS, { first: 100 }, { token: tokens['owner@globex.test'] });
    expectOk(globex);
    expect((globex.data?.memberships.nodes as MembershipNode[]).map((n) => n.id)).toEqual(globexRows.map((r) => gid('Membership', r.id)));
    expect((globex.data?.memberships.nodes as MembershipNode[]).every((n) => n.tenant.slug === 'globex')).toBe(true);
  });

  it('staff list globex memberships with filter.tenantId, and the access is audited against globex', async () => {
    const globexRows = await t.sql<{ id: string; email: string; role: string }>(
      `select m.id, u.email, r.name as role from memberships m join users u on u.id = m.user_id join roles r on r.id = m.role_id
        where m.tenant_id = ? order by m.created_at, m.id`,
      [seed.globex.id],
    );
    expect(globexRows.length).toBeGreaterThan(0);
    const { res, cid } = await call(MEMBERSHIPS, { first: 100, filter: { tenantId: seed.globex.gid } }, tokens['staff@atrium.test']);
    expectOk(res);
    const conn = res.data?.memberships;
    expect(conn.totalCount).toBe(globexRows.length);
    expect((conn.nodes as MembershipNode[]).map((n) => ({ id: n.id, email: n.user.email, role: n.role.name, slug: n.tenant.slug }))).toEqual(
      globexRows.map((r) => ({ id: gid('Membership', r.id), email: r.email, role: r.role, slug: 'globex' })),
    );

    const audits = await auditsOf(cid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'platform.access', actor_id: staffId, tenant_id: seed.globex.id });
    expect(audits[0]?.diff).toEqual({ operation: 'memberships', filter: { tenantId: seed.globex.gid } });
  });

  it('staff without a filter see every tenant, audited with no tenant', async () => {
    const { res, cid } = await call(MEMBERSHIPS, { first: 100 }, tokens['staff@atrium.test']);
    expectOk(res);
    expect(res.data?.memberships.totalCount).toBe(await t.count('select count(*) as n from memberships'));
    const slugs = new Set((res.data?.memberships.nodes as MembershipNode[]).map((n) => n.tenant.slug));
    expect(slugs.has('acme') && slugs.has('globex')).toBe(true);
    const audits = await auditsOf(cid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'platform.access', actor_id: staffId, tenant_id: null, diff: { operation: 'memberships', filter: null } });
  });

  it('filter.permission lists only members whose role grants it, as the database says; an unknown one is BAD_USER_INPUT', async () => {
    const expected = async (permission: string) =>
      (
        await t.sql<{ id: string }>(
          `select m.id from memberships m join roles r on r.id = m.role_id where m.tenant_id = ? and ? = any(r.permissions) order by m.created_at, m.id`,
          [seed.acme.id, permission],
        )
      ).map((r) => gid('Membership', r.id));
    const workers = await t.gql(MEMBERSHIPS, { first: 100, filter: { permission: 'ticket:write' } }, { token: tokens['viewer@acme.test'] });
    expectOk(workers);
    const ticketWriters = await expected('ticket:write');
    expect((workers.data?.memberships.nodes as MembershipNode[]).map((n) => n.id)).toEqual(ticketWriters);
    expect(workers.data?.memberships.totalCount).toBe(ticketWriters.length);
    // The viewer's role cannot write tickets: they are left out, the agent is in.
    const emails = (workers.data?.memberships.nodes as MembershipNode[]).map((n) => n.user.email);
    expect(emails).toContain('agent@acme.test');
    expect(emails).not.toContain('viewer@acme.test');

    const assigners = await t.gql(MEMBERSHIPS, { first: 100, filter: { permission: 'ticket:assign' } }, { token: tokens['admin@acme.test'] });
    expectOk(assigners);
    expect((assigners.data?.memberships.nodes as MembershipNode[]).map((n) => n.user.email).sort()).toEqual(['admin@acme.test', 'agent@acme.test', 'owner@acme.test']);

    const unknown = await t.gql(MEMBERSHIPS, { first: 100, filter: { permission: 'ticket:fly' } }, { token: tokens['admin@acme.test'] });
    expectError(unknown, 'BAD_USER_INPUT');
    expect(JSON.stringify(unknown.errors?.[0]?.extensions.fields)).toContain('filter.permission');
  });

  it('tenant members leave no platform.access row', async () => {
    const { res, cid } = await call(MEMBERSHIPS, { first: 5 }, tokens['admin@acme.test']);
    expectOk(res);
    expect(await auditsOf(cid)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. roles
// ---------------------------------------------------------------------------------------------

describe('roles', () => {
  it("lists acme's five system roles with their catalog permissions, and only acme's roles", async () => {
    const res = await t.gql(ROLES, {}, { token: tokens['viewer@acme.test'] });
    expectOk(res);
    const nodes = res.data?.roles.nodes as RoleNode[];
    const dbRoles = await t.sql<{ id: string }>('select id from roles where tenant_id = ? order by created_at, id', [seed.acme.id]);
    expect(res.data?.roles.totalCount).toBe(dbRoles.length);
    expect(nodes.map((n) => n.id)).toEqual(dbRoles.map((r) => gid('Role', r.id)));

    const system = nodes.filter((n) => n.system);
    expect(sorted(system.map((n) => n.name))).toEqual(sorted(SYSTEM_ROLE_NAMES));
    for (const role of system) {
      const def = SYSTEM_ROLES[role.name as SystemRoleName];
      expect({ name: role.name, permissions: sorted(role.permissions), description: role.description }).toEqual({
        name: role.name,
        permissions: sorted(def.permissions),
        description: def.description,
      });
      expect(role.id).toBe(gid('Role', seed.acme.roles[role.name as SystemRoleName]));
    }
    for (const globexRole of Object.values(seed.globex.roles)) expect(nodes.map((n) => n.id)).not.toContain(gid('Role', globexRole));
  });

  it("staff read one tenant's roles with filter.tenantId, audited against that tenant; a member's filter reaches nothing else", async () => {
    const ROLES_OF = `query($filter: RoleFilter) { roles(first: 100, filter: $filter) { totalCount nodes { id name } } }`;
    const { res, cid } = await call(ROLES_OF, { filter: { tenantId: seed.globex.gid } }, tokens['staff@atrium.test']);
    expectOk(res);
    const globexRoles = await t.sql<{ id: string }>('select id from roles where tenant_id = ? order by created_at, id', [seed.globex.id]);
    expect((res.data?.roles.nodes as { id: string }[]).map((n) => n.id)).toEqual(globexRoles.map((r) => gid('Role', r.id)));
    const audits = await auditsOf(cid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'platform.access', tenant_id: seed.globex.id, diff: { operation: 'roles', filter: { tenantId: seed.globex.gid } } });

    const member = await t.gql(ROLES_OF, { filter: { tenantId: seed.globex.gid } }, { token: tokens['admin@acme.test'] });
    expectOk(member);
    expect(member.data?.roles.totalCount).toBe(0);
    const bad = await t.gql(ROLES_OF, { filter: { tenantId: gid('User', seed.globex.id) } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('createRole (owner) stores sorted, de-duplicated permissions and audits role.created', async () => {
    const name = roleName('triage');
    const { res, cid } = await call(
      CREATE_ROLE,
      { input: { name, description: 'Sorts incoming tickets.', permissions: ['ticket:read', 'member:read', 'ticket:read', 'ticket:assign'] } },
      tokens['owner@acme.test'],
    );
    expectOk(res);
    const role = res.data?.createRole as RoleNode;
    expect(role).toMatchObject({ name, description: 'Sorts incoming tickets.', permissions: ['member:read', 'ticket:assign', 'ticket:read'], system: false });
    const uuid = uuidOfRoleGid(role.id);
    expect(await roleRow(uuid)).toEqual({
      name,
      description: 'Sorts incoming tickets.',
      permissions: ['member:read', 'ticket:assign', 'ticket:read'],
      system: false,
      tenant_id: seed.acme.id,
    });

    const audits = await auditsOf(cid);
    expect(audits).toEqual([
      {
        action: 'role.created',
        actor_id: await t.userId('owner@acme.test'),
        tenant_id: seed.acme.id,
        target_type: 'Role',
        target_id: role.id,
        diff: { after: { name, permissions: ['member:read', 'ticket:assign', 'ticket:read'] } },
      },
    ]);

    // Visible to the tenant's readers right away.
    const list = await t.gql(ROLES, {}, { token: tokens['viewer@acme.test'] });
    expect((list.data?.roles.nodes as RoleNode[]).find((r) => r.id === role.id)).toMatchObject({ name, system: false });
  });

  it('rejects an unknown permission with BAD_USER_INPUT naming the field, and creates nothing', async () => {
    const name = roleName('bogus');
    const { res, cid } = await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read', 'ticket:teleport'] } }, tokens['owner@acme.test']);
    expectError(res, 'BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions.fields as { field: string; message: string }[];
    expect(fields).toEqual([{ field: 'permissions', message: expect.stringContaining('ticket:teleport') }]);
    expect(res.errors?.[0]?.message).toContain('ticket:teleport');
    expect(res.errors?.[0]?.message).not.toContain('ticket:read');
    expect(await t.count('select count(*) as n from roles where name = ?', [name])).toBe(0);
    expect(await auditsOf(cid)).toEqual([]);
  });

  it('rejects platform permissions in a tenant role', async () => {
    const name = roleName('sneaky');
    const { res } = await call(CREATE_ROLE, { input: { name, permissions: ['platform:tenant:read'] } }, tokens['owner@acme.test']);
    expectError(res, 'BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.fields).toEqual([{ field: 'permissions', message: expect.stringContaining('platform:tenant:read') }]);
    expect(await t.count('select count(*) as n from roles where name = ?', [name])).toBe(0);
  });

  it('rejects a malformed role name with BAD_USER_INPUT', async () => {
    const { res } = await call(CREATE_ROLE, { input: { name: 'Has Spaces', permissions: ['ticket:read'] } }, tokens['owner@acme.test']);
    expectError(res, 'BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions.fields as { field: string }[]).map((f) => f.field)).toContain('name');
    expect(await t.count("select count(*) as n from roles where name = 'Has Spaces'")).toBe(0);
  });

  it('answers CONFLICT for a duplicate name in the same tenant, but another tenant may reuse it', async () => {
    const name = roleName('dup');
    await createRoleAs(tokens['owner@acme.test'], { name, permissions: ['ticket:read'] });
    const { res, cid } = await call(CREATE_ROLE, { input: { name, permissions: ['member:read'] } }, tokens['owner@acme.test']);
    expectError(res, 'CONFLICT', 'DUPLICATE');
    expect(await t.count('select count(*) as n from roles where name = ? and tenant_id = ?', [name, seed.acme.id])).toBe(1);
    expect(await auditsOf(cid)).toEqual([]);

    // A system role's name is taken too.
    const system = await call(CREATE_ROLE, { input: { name: 'admin', permissions: ['ticket:read'] } }, tokens['owner@acme.test']);
    expectError(system.res, 'CONFLICT', 'DUPLICATE');
    expect(await t.count("select count(*) as n from roles where name = 'admin' and tenant_id = ?", [seed.acme.id])).toBe(1);

    // Names are per tenant: globex may have its own role of the same name.
    const other = await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'] } }, tokens['owner@globex.test']);
    expectOk(other.res);
    expect(await t.count('select count(*) as n from roles where name = ? and tenant_id = ?', [name, seed.globex.id])).toBe(1);
  });

  it('admin (no role:manage) is FORBIDDEN to create, update or delete roles', async () => {
    const admin = tokens['admin@acme.test'];
    const name = roleName('admins-try');
    const created = await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'] } }, admin);
    expectError(created.res, 'FORBIDDEN', 'MISSING_PERMISSION');
    expect(created.res.data).toBeNull();
    expect(await t.count('select count(*) as n from roles where name = ?', [name])).toBe(0);

    const custom = await createRoleAs(tokens['owner@acme.test'], { name: roleName('target'), permissions: ['ticket:read'] });
    const updated = await call(UPDATE_ROLE, { input: { id: custom.id, permissions: ['ticket:read', 'audit:read'] } }, admin);
    expectError(updated.res, 'FORBIDDEN', 'MISSING_PERMISSION');
    const deleted = await call(DELETE_ROLE, { id: custom.id }, admin);
    expectError(deleted.res, 'FORBIDDEN', 'MISSING_PERMISSION');
    expect((await roleRow(custom.uuid))?.permissions).toEqual(['ticket:read']);
    expect(await auditsOf(updated.cid)).toEqual([]);
    expect(await auditsOf(deleted.cid)).toEqual([]);
  });

  it('system roles cannot be updated or deleted (FORBIDDEN, SYSTEM_ROLE)', async () => {
    const owner = tokens['owner@acme.test'];
    const viewerRole = seed.acme.roles.viewer;
    const before = await roleRow(viewerRole);
    const updated = await call(UPDATE_ROLE, { input: { id: gid('Role', viewerRole), permissions: ['ticket:read', 'member:read', 'audit:read'], description: 'changed' } }, owner);
    expectError(updated.res, 'FORBIDDEN', 'SYSTEM_ROLE');
    const deleted = await call(DELETE_ROLE, { id: gid('Role', seed.acme.roles.agent) }, owner);
    expectError(deleted.res, 'FORBIDDEN', 'SYSTEM_ROLE');
    expect(await roleRow(viewerRole)).toEqual(before);
    expect(await roleRow(seed.acme.roles.agent)).toBeDefined();
    expect(await auditsOf(updated.cid)).toEqual([]);
    expect(await auditsOf(deleted.cid)).toEqual([]);
  });

  it('updateRole on a custom role changes its permissions and audits only what changed', async () => {
    const owner = tokens['owner@acme.test'];
    const ownerId = await t.userId('owner@acme.test');
    const role = await createRoleAs(owner, { name: roleName('editable'), description: 'first', permissions: ['ticket:read'] });

    const { res, cid } = await call(UPDATE_ROLE, { input: { id: role.id, permissions: ['ticket:read', 'ticket:comment', 'ticket:comment'] } }, owner);
    expectOk(res);
    expect(res.data?.updateRole).toMatchObject({ id: role.id, name: role.name, description: 'first', permissions: ['ticket:comment', 'ticket:read'], system: false });
    expect(await roleRow(role.uuid)).toMatchObject({ description: 'first', permissions: ['ticket:comment', 'ticket:read'] });
    expect(await auditsOf(cid)).toEqual([
      {
        action: 'role.updated',
        actor_id: ownerId,
        tenant_id: seed.acme.id,
        target_type: 'Role',
        target_id: role.id,
        diff: { before: { permissions: ['ticket:read'] }, after: { permissions: ['ticket:comment', 'ticket:read'] } },
      },
    ]);

    // The same permissions in another order change nothing and write nothing.
    const same = await call(UPDATE_ROLE, { input: { id: role.id, permissions: ['ticket:comment', 'ticket:read'] } }, owner);
    expectOk(same.res);
    expect(await auditsOf(same.cid)).toEqual([]);

    // A description-only change audits the description only.
    const desc = await call(UPDATE_ROLE, { input: { id: role.id, description: 'second' } }, owner);
    expectOk(desc.res);
    expect(desc.res.data?.updateRole).toMatchObject({ description: 'second', permissions: ['ticket:comment', 'ticket:read'] });
    expect((await auditsOf(desc.cid)).map((a) => a.diff)).toEqual([{ before: { description: 'first' }, after: { description: 'second' } }]);

    // Unknown permissions are refused here too, and change nothing.
    const bad = await call(UPDATE_ROLE, { input: { id: role.id, permissions: ['ticket:read', 'nope:nope'] } }, owner);
    expectError(bad.res, 'BAD_USER_INPUT');
    expect(bad.res.errors?.[0]?.extensions.fields).toEqual([{ field: 'permissions', message: expect.stringContaining('nope:nope') }]);
    expect(await roleRow(role.uuid)).toMatchObject({ description: 'second', permissions: ['ticket:comment', 'ticket:read'] });
    expect(await auditsOf(bad.cid)).toEqual([]);
  });

  it('platform staff with platform:role:manage create, change and delete a named tenant\'s custom roles, audited as done through the platform', async () => {
    const staff = tokens['staff@atrium.test'];
    const name = roleName('bystaff');
    // Staff name the tenant; without one, or with one that does not exist, nothing is made.
    expectError((await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'] } }, staff)).res, 'BAD_USER_INPUT');
    expectError((await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'], tenantId: gid('Tenant', '00000000-0000-4000-8000-000000000000') } }, staff)).res, 'NOT_FOUND');
    // A member never names one: the tenant comes from the token.
    const member = await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'], tenantId: seed.globex.gid } }, tokens['owner@acme.test']);
    expectError(member.res, 'BAD_USER_INPUT');
    expect(member.res.errors?.[0]?.extensions.fields).toEqual([{ field: 'tenantId', message: expect.any(String) }]);

    // Staff hold no tenant permission, and may still grant any (the platform's own rule).
    const created = await call(CREATE_ROLE, { input: { name, permissions: ['audit:read', 'ticket:read'], tenantId: seed.globex.gid } }, staff);
    expectOk(created.res);
    const role = created.res.data?.createRole as RoleNode;
    const uuid = uuidOfRoleGid(role.id);
    expect(await roleRow(uuid)).toMatchObject({ name, tenant_id: seed.globex.id, permissions: ['audit:read', 'ticket:read'], system: false });
    expect(await auditsOf(created.cid)).toEqual([
      { action: 'role.created', actor_id: staffId, tenant_id: seed.globex.id, target_type: 'Role', target_id: role.id, diff: { after: { name, permissions: ['audit:read', 'ticket:read'] }, viaPlatform: true } },
    ]);
    // The name is unique in that tenant.
    expectError((await call(CREATE_ROLE, { input: { name, permissions: ['ticket:read'], tenantId: seed.globex.gid } }, staff)).res, 'CONFLICT', 'DUPLICATE');

    const updated = await call(UPDATE_ROLE, { input: { id: role.id, permissions: ['ticket:read', 'role:manage'] } }, staff);
    expectOk(updated.res);
    expect(await auditsOf(updated.cid)).toEqual([
      {
        action: 'role.updated',
        actor_id: staffId,
        tenant_id: seed.globex.id,
        target_type: 'Role',
        target_id: role.id,
        diff: { before: { permissions: ['audit:read', 'ticket:read'] }, after: { permissions: ['role:manage', 'ticket:read'] }, viaPlatform: true },
      },
    ]);
    // System roles stay as they are for staff too.
    expectError((await call(UPDATE_ROLE, { input: { id: gid('Role', seed.globex.roles.viewer), description: 'staff edit' } }, staff)).res, 'FORBIDDEN', 'SYSTEM_ROLE');

    const deleted = await call(DELETE_ROLE, { id: role.id }, staff);
    expectOk(deleted.res);
    expect(await roleRow(uuid)).toBeUndefined();
    expect((await auditsOf(deleted.cid)).map((a) => [a.action, a.tenant_id])).toEqual([['role.deleted', seed.globex.id]]);

    // Compliance staff (no platform:role:manage) are refused before anything is read.
    const compliance = (await t.login('compliance@atrium.test')).accessToken;
    expectError((await call(CREATE_ROLE, { input: { name: roleName('nope'), permissions: ['ticket:read'], tenantId: seed.globex.gid } }, compliance)).res, 'FORBIDDEN');
  });

  it('a changed role changes what its holders may do on their next request', async () => {
    const w = await makeWorld('rolechg', { boss: 'owner', holder: 'viewer' });
    const boss = await w.login('boss');
    const role = await createRoleAs(boss, { name: roleName('reader'), permissions: ['member:read', 'ticket:read'] });
    expectOk((await setRole(boss, w.members.holder.membershipId, role.uuid)).res);
    const holder = await w.login('holder');
    expect((await t.gql(ME, {}, { token: holder })).data?.me.permissions).toEqual(['member:read', 'ticket:read']);
    expectOk((await call(UPDATE_ROLE, { input: { id: role.id, permissions: ['member:read', 'ticket:read', 'audit:read'] } }, boss)).res);
    expect((await t.gql(ME, {}, { token: holder })).data?.me.permissions).toEqual(['audit:read', 'member:read', 'ticket:read']);
  });

  it('deleteRole is refused (CONFLICT) while a member holds the role, and works once they are moved', async () => {
    const w = await makeWorld('delrole', { boss: 'owner', holder: 'member' });
    const boss = await w.login('boss');
    const role = await createRoleAs(boss, { name: roleName('temp'), permissions: ['ticket:read', 'member:read'] });
    expectOk((await setRole(boss, w.members.holder.membershipId, role.uuid)).res);

    const refused = await call(DELETE_ROLE, { id: role.id }, boss);
    expectError(refused.res, 'CONFLICT', 'ROLE_IN_USE');
    expect(await roleRow(role.uuid)).toBeDefined();
    expect(await roleNameOf(w.members.holder.membershipId)).toBe(role.name);
    expect(await auditsOf(refused.cid)).toEqual([]);

    expectOk((await setRole(boss, w.members.holder.membershipId, w.roles.member)).res);
    const { res, cid } = await call(DELETE_ROLE, { id: role.id }, boss);
    expectOk(res);
    expect(res.data?.deleteRole).toBe(true);
    expect(await roleRow(role.uuid)).toBeUndefined();
    expect(await auditsOf(cid)).toEqual([
      {
        action: 'role.deleted',
        actor_id: w.members.boss.userId,
        tenant_id: w.tenantId,
        target_type: 'Role',
        target_id: role.id,
        diff: { before: { name: role.name, permissions: ['member:read', 'ticket:read'] } },
      },
    ]);
    const list = await t.gql(ROLES, {}, { token: boss });
    expect((list.data?.roles.nodes as RoleNode[]).map((r) => r.id)).not.toContain(role.id);

    const again = await call(DELETE_ROLE, { id: role.id }, boss);
    expectError(again.res, 'NOT_FOUND');
  });

  describeCrossTenant("another tenant's roles, system or not", {
    app: () => t,
    as: { label: 'owner@acme.test', token: () => tokens['owner@acme.test'] },
    foreign: async () => {
      const role = await createRoleAs(tokens['owner@globex.test'], { name: roleName('globex-only'), permissions: ['ticket:read'] });
      return { role: role.id, roleUuid: role.uuid, systemRole: gid('Role', seed.globex.roles.agent), systemRoleUuid: seed.globex.roles.agent };
    },
    unchanged: async (c) => [await roleRow(c.foreign.roleUuid), await roleRow(c.foreign.systemRoleUuid)],
    reads: [{ name: 'node(id) on a globex custom role', query: NODE, variables: (c) => ({ id: c.foreign.role }), expect: 'NOT_FOUND', then: (res) => expectError(res, 'NOT_FOUND') }],
    writes: [
      {
        name: 'updateRole on a globex custom role',
        mutation: UPDATE_ROLE,
        variables: (c) => ({ input: { id: c.foreign.role, permissions: ['ticket:read', 'audit:read'] } }),
        then: (res) => expectError(res, 'NOT_FOUND'),
      },
      { name: 'deleteRole on a globex custom role', mutation: DELETE_ROLE, variables: (c) => ({ id: c.foreign.role }), then: (res) => expectError(res, 'NOT_FOUND') },
      {
        // The tenant comes from the token: naming another one is refused, and nothing is made there.
        name: 'createRole naming globex as its tenant',
        mutation: CREATE_ROLE,
        variables: () => ({ input: { name: roleName('smuggled'), permissions: ['ticket:read'], tenantId: seed.globex.gid } }),
        expect: { code: 'BAD_USER_INPUT' },
        then: async () => {
          expect(await t.count(`select count(*) as n from roles where tenant_id = ? and name like 'smuggled-%'`, [seed.globex.id])).toBe(0);
        },
      },
      {
        // NOT_FOUND as well, not SYSTEM_ROLE, so existence does not leak.
        name: 'deleteRole on a globex system role, like a role that does not exist',
        mutation: DELETE_ROLE,
        variables: (c) => ({ id: c.foreign.systemRole }),
        likeMissing: () => ({ id: gid('Role', randomUUID()) }),
        then: (res) => expectError(res, 'NOT_FOUND'),
      },
    ],
  });

  it('a custom role:manage holder cannot give a role permissions they do not hold (ESCALATION)', async () => {
    const w = await makeWorld('rolemgr', { boss: 'owner', keeper: 'member' });
    const boss = await w.login('boss');
    const keeperRole = await createRoleAs(boss, { name: roleName('keeper'), permissions: ['member:read', 'role:manage', 'ticket:read'] });
    expectOk((await setRole(boss, w.members.keeper.membershipId, keeperRole.uuid)).res);
    const keeper = await w.login('keeper');

    // Within their own permissions: fine.
    const small = await call(CREATE_ROLE, { input: { name: roleName('small'), permissions: ['ticket:read'] } }, keeper);
    expectOk(small.res);

    // Beyond them: refused, for a new role and for widening an existing one (their own included).
    const bigName = roleName('big');
    const big = await call(CREATE_ROLE, { input: { name: bigName, permissions: ['ticket:read', 'audit:read'] } }, keeper);
    expectError(big.res, 'FORBIDDEN', 'ESCALATION');
    expect(big.res.errors?.[0]?.message).toContain('audit:read');
    expect(await t.count('select count(*) as n from roles where name = ?', [bigName])).toBe(0);

    const widen = await call(UPDATE_ROLE, { input: { id: keeperRole.id, permissions: ['member:read', 'member:manage', 'role:manage', 'ticket:read'] } }, keeper);
    expectError(widen.res, 'FORBIDDEN', 'ESCALATION');
    expect((await roleRow(keeperRole.uuid))?.permissions).toEqual(['member:read', 'role:manage', 'ticket:read']);
    expect(await auditsOf(widen.cid)).toEqual([]);
    expect((await t.gql(ME, {}, { token: keeper })).data?.me.permissions).toEqual(['member:read', 'role:manage', 'ticket:read']);

    // Narrowing is not escalation.
    const narrow = await call(UPDATE_ROLE, { input: { id: small.res.data?.createRole.id, permissions: [] } }, keeper);
    expectOk(narrow.res);
    expect(narrow.res.data?.updateRole.permissions).toEqual([]);

    // Only what a role gains counts: permissions it already has, which the keeper lacks, may stay.
    const wide = await createRoleAs(boss, { name: roleName('wide'), permissions: ['audit:read', 'member:read', 'ticket:read'] });
    const trimmed = await call(UPDATE_ROLE, { input: { id: wide.id, permissions: ['audit:read', 'ticket:read'] } }, keeper);
    expectOk(trimmed.res);
    expect((await roleRow(wide.uuid))?.permissions).toEqual(['audit:read', 'ticket:read']);
    const regrow = await call(UPDATE_ROLE, { input: { id: wide.id, permissions: ['audit:read', 'session:read', 'ticket:read'] } }, keeper);
    expectError(regrow.res, 'FORBIDDEN', 'ESCALATION');
    expect(regrow.res.errors?.[0]?.message).toContain('session:read');
    expect(regrow.res.errors?.[0]?.message).not.toContain('audit:read');
    expect((await roleRow(wide.uuid))?.permissions).toEqual(['audit:read', 'ticket:read']);

    // The owner holds every tenant permission, so the same edit is theirs to make.
    expectOk((await call(UPDATE_ROLE, { input: { id: wide.id, permissions: ['audit:read', 'session:read', 'ticket:read'] } }, boss)).res);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. updateMembershipRole
// ---------------------------------------------------------------------------------------------

describe('updateMembershipRole', () => {
  it('admin moves member@acme.test from member to agent; a new login sees agent; audited with before/after', async () => {
    const admin = tokens['admin@acme.test'];
    const membershipId = seed.acme.memberships['member@acme.test'];
    expect(await roleNameOf(membershipId)).toBe('member');
    try {
      const { res, cid } = await setRole(admin, membershipId, seed.acme.roles.agent);
      expectOk(res);
      expect(res.data?.updateMembershipRole).toMatchObject({
        id: gid('Membership', membershipId),
        user: { email: 'member@acme.test' },
        role: { id: gid('Role', seed.acme.roles.agent), name: 'agent' },
        tenant: { slug: 'acme' },
      });
      expect(await roleNameOf(membershipId)).toBe('agent');

      const fresh = (await t.login('member@acme.test')).accessToken;
      const me = await t.gql(ME, {}, { token: fresh });
      expectOk(me);
      expect(me.data?.me).toMatchObject({ user: { email: 'member@acme.test' }, tenant: { slug: 'acme' }, role: 'agent' });
      expect(me.data?.me.permissions).toEqual(sorted(SYSTEM_ROLES.agent.permissions));

      expect(await auditsOf(cid)).toEqual([
        {
          action: 'membership.role_changed',
          actor_id: await t.userId('admin@acme.test'),
          tenant_id: seed.acme.id,
          target_type: 'Membership',
          target_id: gid('Membership', membershipId),
          diff: { before: { role: 'member' }, after: { role: 'agent' } },
        },
      ]);

      // Setting the role a member already holds is a no-op: no audit row.
      const same = await setRole(admin, membershipId, seed.acme.roles.agent);
      expectOk(same.res);
      expect(await auditsOf(same.cid)).toEqual([]);
    } finally {
      expectOk((await setRole(admin, membershipId, seed.acme.roles.member)).res);
    }
    expect(await roleNameOf(membershipId)).toBe('member');
  });

  it('nobody can change their own role (FORBIDDEN, SELF_ROLE_CHANGE)', async () => {
    const admin = await setRole(tokens['admin@acme.test'], seed.acme.memberships['admin@acme.test'], seed.acme.roles.viewer);
    expectError(admin.res, 'FORBIDDEN', 'SELF_ROLE_CHANGE');
    expect(await roleNameOf(seed.acme.memberships['admin@acme.test'])).toBe('admin');
    const owner = await setRole(tokens['owner@acme.test'], seed.acme.memberships['owner@acme.test'], seed.acme.roles.admin);
    expectError(owner.res, 'FORBIDDEN', 'SELF_ROLE_CHANGE');
    expect(await roleNameOf(seed.acme.memberships['owner@acme.test'])).toBe('owner');
  });

  it('member:manage is needed: agent, member and viewer are FORBIDDEN', async () => {
    for (const email of ['agent@acme.test', 'member@acme.test', 'viewer@acme.test']) {
      const { res } = await setRole(tokens[email], seed.acme.memberships['owner@globex.test'], seed.acme.roles.viewer);
      expectError(res, 'FORBIDDEN', 'MISSING_PERMISSION');
    }
    expect(await roleNameOf(seed.acme.memberships['owner@globex.test'])).toBe('member');
  });

  it('admin can neither grant nor take away owner (OWNER_ONLY); an owner can grant it', async () => {
    const acmeAdmin = tokens['admin@acme.test'];
    const grant = await setRole(acmeAdmin, seed.acme.memberships['viewer@acme.test'], seed.acme.roles.owner);
    expectError(grant.res, 'FORBIDDEN', 'OWNER_ONLY');
    expect(await roleNameOf(seed.acme.memberships['viewer@acme.test'])).toBe('viewer');
    const takeAway = await setRole(acmeAdmin, seed.acme.memberships['owner@acme.test'], seed.acme.roles.admin);
    expectError(takeAway.res, 'FORBIDDEN', 'OWNER_ONLY');
    expect(await roleNameOf(seed.acme.memberships['owner@acme.test'])).toBe('owner');

    const w = await makeWorld('ownergrant', { boss: 'owner', helper: 'admin', newbie: 'viewer' });
    const { res, cid } = await setRole(await w.login('boss'), w.members.newbie.membershipId, w.roles.owner);
    expectOk(res);
    expect(res.data?.updateMembershipRole.role.name).toBe('owner');
    expect(await ownerCount(w.tenantId)).toBe(2);
    expect((await auditsOf(cid)).map((a) => a.diff)).toEqual([{ before: { role: 'viewer' }, after: { role: 'owner' } }]);
    const me = await t.gql(ME, {}, { token: await w.login('newbie') });
    expect(me.data?.me.role).toBe('owner');
  });

  it('demoting the only owner answers CONFLICT (LAST_OWNER) and changes nothing', async () => {
    // Every guard stops a tenant user before this point (an owner cannot demote themself, an
    // admin cannot touch owner), so platform staff, who skip them, are the ones who reach it.
    const w = await makeWorld('lastowner', { boss: 'owner', helper: 'admin' });
    const staff = tokens['staff@atrium.test'];
    const { res, cid } = await setRole(staff, w.members.boss.membershipId, w.roles.admin);
    expectError(res, 'CONFLICT', 'LAST_OWNER');
    expect(await roleNameOf(w.members.boss.membershipId)).toBe('owner');
    expect(await ownerCount(w.tenantId)).toBe(1);
    expect(await auditsOf(cid)).toEqual([]);

    // The seeded acme owner is protected the same way.
    const acme = await setRole(staff, seed.acme.memberships['owner@acme.test'], seed.acme.roles.viewer);
    expectError(acme.res, 'CONFLICT', 'LAST_OWNER');
    expect(await roleNameOf(seed.acme.memberships['owner@acme.test'])).toBe('owner');
  });

  it('with two owners, one owner can demote the other; then the last one is protected', async () => {
    const w = await makeWorld('twoowners', { first: 'owner', second: 'owner' });
    const { res, cid } = await setRole(await w.login('first'), w.members.second.membershipId, w.roles.admin);
    expectOk(res);
    expect(res.data?.updateMembershipRole.role.name).toBe('admin');
    expect(await ownerCount(w.tenantId)).toBe(1);
    expect(await auditsOf(cid)).toEqual([
      {
        action: 'membership.role_changed',
        actor_id: w.members.first.userId,
        tenant_id: w.tenantId,
        target_type: 'Membership',
        target_id: gid('Membership', w.members.second.membershipId),
        diff: { before: { role: 'owner' }, after: { role: 'admin' } },
      },
    ]);

    const last = await setRole(tokens['staff@atrium.test'], w.members.first.membershipId, w.roles.member);
    expectError(last.res, 'CONFLICT', 'LAST_OWNER');
    expect(await roleNameOf(w.members.first.membershipId)).toBe('owner');
  });

  it('two concurrent demotions of the two owners: exactly one succeeds, one owner remains', async () => {
    const staff = tokens['staff@atrium.test'];
    for (let round = 0; round < 4; round++) {
      const w = await makeWorld('race', { a: 'owner', b: 'owner' });
      const [ra, rb] = await Promise.all([
        setRole(staff, w.members.a.membershipId, w.roles.admin),
        setRole(staff, w.members.b.membershipId, w.roles.admin),
      ]);
      const codes = [codeOf(ra.res) ?? 'OK', codeOf(rb.res) ?? 'OK'].sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await ownerCount(w.tenantId)).toBe(1);
      const audited = (await auditsOf(ra.cid)).length + (await auditsOf(rb.cid)).length;
      expect(audited).toBe(1);
    }
  });

  it('escalation: admin cannot grant a role with permissions they lack; the owner can', async () => {
    const w = await makeWorld('escalate', { boss: 'owner', helper: 'admin', pleb: 'member' });
    const boss = await w.login('boss');
    const helper = await w.login('helper');
    const keeper = await createRoleAs(boss, { name: roleName('keeper'), permissions: ['member:read', 'role:manage', 'ticket:read'] });
    const auditBefore = await t.count("select count(*) as n from audit_logs where action = 'membership.role_changed' and tenant_id = ?", [w.tenantId]);

    const { res, cid } = await setRole(helper, w.members.pleb.membershipId, keeper.uuid);
    expectError(res, 'FORBIDDEN', 'ESCALATION');
    expect(res.errors?.[0]?.message).toContain('role:manage');
    expect(res.data).toBeNull();
    expect(await roleNameOf(w.members.pleb.membershipId)).toBe('member');
    expect(await auditsOf(cid)).toEqual([]);
    expect(await t.count("select count(*) as n from audit_logs where action = 'membership.role_changed' and tenant_id = ?", [w.tenantId])).toBe(auditBefore);

    // A custom role inside the admin's own permissions is fine: the check is not a blanket ban.
    const modest = await createRoleAs(boss, { name: roleName('modest'), permissions: ['member:read', 'ticket:assign', 'ticket:read'] });
    const ok = await setRole(helper, w.members.pleb.membershipId, modest.uuid);
    expectOk(ok.res);
    expect(ok.res.data?.updateMembershipRole.role.name).toBe(modest.name);

    const byOwner = await setRole(boss, w.members.pleb.membershipId, keeper.uuid);
    expectOk(byOwner.res);
    expect(await roleNameOf(w.members.pleb.membershipId)).toBe(keeper.name);
    expect((await auditsOf(byOwner.cid)).map((a) => a.diff)).toEqual([{ before: { role: modest.name }, after: { role: keeper.name } }]);
  });

  // Staff too: the role must belong to the membership's tenant.
  describeCrossTenant('a globex role for an acme membership', {
    app: () => t,
    as: [
      { label: 'admin@acme.test', token: () => tokens['admin@acme.test'] },
      { label: 'staff@atrium.test', token: () => tokens['staff@atrium.test'] },
    ],
    foreign: () => ({ membership: seed.acme.memberships['viewer@acme.test'], role: seed.globex.roles.agent }),
    unchanged: (c) => roleNameOf(c.foreign.membership),
    writes: [
      {
        name: 'updateMembershipRole to a globex role changes nothing',
        mutation: UPDATE_MEMBERSHIP_ROLE,
        variables: (c) => ({ input: { membershipId: gid('Membership', c.foreign.membership), roleId: gid('Role', c.foreign.role) } }),
        then: async (res, c) => {
          expectError(res, 'NOT_FOUND');
          expect(res.errors?.[0]?.message).toMatch(/role/i);
          expect(await roleNameOf(c.foreign.membership)).toBe('viewer');
        },
      },
    ],
  });

  describeCrossTenant('a globex membership', {
    app: () => t,
    as: { label: 'admin@acme.test', token: () => tokens['admin@acme.test'] },
    foreign: () => ({ membership: seed.globex.memberships['owner@globex.test'], role: seed.globex.roles.viewer }),
    unchanged: (c) => roleNameOf(c.foreign.membership),
    writes: [
      {
        name: 'updateMembershipRole on it, answered like a membership that does not exist',
        mutation: UPDATE_MEMBERSHIP_ROLE,
        variables: (c) => ({ input: { membershipId: gid('Membership', c.foreign.membership), roleId: gid('Role', c.foreign.role) } }),
        likeMissing: () => ({ input: { membershipId: gid('Membership', randomUUID()), roleId: gid('Role', seed.acme.roles.viewer) } }),
        then: async (res, c) => {
          expectError(res, 'NOT_FOUND');
          expect(res.errors?.[0]?.message).toMatch(/membership/i);
          expect(await roleNameOf(c.foreign.membership)).toBe('owner');
        },
      },
    ],
  });

  it('a membership that does not exist, was removed, or is the wrong kind of id is refused', async () => {
    const admin = tokens['admin@acme.test'];
    const stale = await setRole(admin, randomUUID(), seed.acme.roles.viewer);
    expectError(stale.res, 'NOT_FOUND');
    expect(stale.res.errors?.[0]?.message).toMatch(/membership/i);
    expect(await auditsOf(stale.cid)).toEqual([]);

    // A membership that was removed: its id no longer resolves.
    const w = await makeWorld('gone', { boss: 'owner', leaver: 'member' });
    await t.sql('delete from memberships where id = ?', [w.members.leaver.membershipId]);
    const gone = await setRole(await w.login('boss'), w.members.leaver.membershipId, w.roles.viewer);
    expectError(gone.res, 'NOT_FOUND');

    // The wrong kind of id is a BAD_USER_INPUT naming the argument.
    const wrongType = await call(
      UPDATE_MEMBERSHIP_ROLE,
      { input: { membershipId: gid('Role', seed.acme.roles.viewer), roleId: gid('Role', seed.acme.roles.viewer) } },
      admin,
    );
    expectError(wrongType.res, 'BAD_USER_INPUT');
    expect(wrongType.res.errors?.[0]?.extensions.fields).toEqual([{ field: 'membershipId', message: expect.any(String) }]);
  });

  it('staff (platform:member:manage) change an acme membership; audited with viaPlatform and the acme tenant', async () => {
    const staff = tokens['staff@atrium.test'];
    const membershipId = seed.acme.memberships['viewer@acme.test'];
    expect(await roleNameOf(membershipId)).toBe('viewer');
    try {
      const { res, cid } = await setRole(staff, membershipId, seed.acme.roles.agent);
      expectOk(res);
      expect(res.data?.updateMembershipRole).toMatchObject({ role: { name: 'agent' }, tenant: { slug: 'acme' }, user: { email: 'viewer@acme.test' } });
      expect(await roleNameOf(membershipId)).toBe('agent');
      expect(await auditsOf(cid)).toEqual([
        {
          action: 'membership.role_changed',
          actor_id: staffId,
          tenant_id: seed.acme.id,
          target_type: 'Membership',
          target_id: gid('Membership', membershipId),
          diff: { before: { role: 'viewer' }, after: { role: 'agent' }, viaPlatform: true },
        },
      ]);
    } finally {
      expectOk((await setRole(staff, membershipId, seed.acme.roles.viewer)).res);
    }
    expect(await roleNameOf(membershipId)).toBe('viewer');
  });
});

// ---------------------------------------------------------------------------------------------
// 4. failed updateMembershipRole writes no audit row
// ---------------------------------------------------------------------------------------------

describe('failed updateMembershipRole', () => {
  it('leaves no audit row and no change, whichever check refuses it', async () => {
    const w = await makeWorld('noaudit', { boss: 'owner', helper: 'admin', pleb: 'member' });
    const boss = await w.login('boss');
    const helper = await w.login('helper');
    const pleb = await w.login('pleb');
    const keeper = await createRoleAs(boss, { name: roleName('keeper'), permissions: ['role:manage'] });
    const staff = tokens['staff@atrium.test'];

    const snapshot = () =>
      t.sql<{ id: string; role_id: string }>('select id, role_id from memberships where tenant_id = ? order by id', [w.tenantId]);
    const before = await snapshot();
    const auditsBefore = await t.count('select count(*) as n from audit_logs');
    const roleChangedBefore = await t.count("select count(*) as n from audit_logs where action = 'membership.role_changed'");

    const attempts: { label: string; token: string; membershipId: string; roleId: string; code: string; reason?: string }[] = [
      { label: 'self', token: helper, membershipId: w.members.helper.membershipId, roleId: w.roles.viewer, code: 'FORBIDDEN', reason: 'SELF_ROLE_CHANGE' },
      { label: 'owner only', token: helper, membershipId: w.members.pleb.membershipId, roleId: w.roles.owner, code: 'FORBIDDEN', reason: 'OWNER_ONLY' },
      { label: 'escalation', token: helper, membershipId: w.members.pleb.membershipId, roleId: keeper.uuid, code: 'FORBIDDEN', reason: 'ESCALATION' },
      { label: 'no permission', token: pleb, membershipId: w.members.helper.membershipId, roleId: w.roles.viewer, code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' },
      { label: 'foreign role', token: boss, membershipId: w.members.pleb.membershipId, roleId: seed.acme.roles.viewer, code: 'NOT_FOUND' },
      { label: 'foreign membership', token: boss, membershipId: seed.acme.memberships['viewer@acme.test'], roleId: w.roles.viewer, code: 'NOT_FOUND' },
      { label: 'last owner', token: staff, membershipId: w.members.boss.membershipId, roleId: w.roles.admin, code: 'CONFLICT', reason: 'LAST_OWNER' },
    ];
    for (const a of attempts) {
      const { res, cid } = await setRole(a.token, a.membershipId, a.roleId);
      expect({ label: a.label, code: codeOf(res), reason: res.errors?.[0]?.extensions.reason }).toEqual({ label: a.label, code: a.code, reason: a.reason });
      expect({ label: a.label, audits: await auditsOf(cid) }).toEqual({ label: a.label, audits: [] });
    }

    expect(await t.count('select count(*) as n from audit_logs')).toBe(auditsBefore);
    expect(await t.count("select count(*) as n from audit_logs where action = 'membership.role_changed'")).toBe(roleChangedBefore);
    expect(await snapshot()).toEqual(before);
    expect(await roleNameOf(seed.acme.memberships['viewer@acme.test'])).toBe('viewer');
  });
});

// ---------------------------------------------------------------------------------------------
// 5. tenant(id) and tenants
// ---------------------------------------------------------------------------------------------

describe('tenant(id)', () => {
  it('a member reads their own tenant, unaudited', async () => {
    const { res, cid } = await call(TENANT, { id: seed.acme.gid }, tokens['member@acme.test']);
    expectOk(res);
    expect(res.data?.tenant).toEqual({ id: seed.acme.gid, slug: 'acme', name: 'Acme Corporation' });
    expect(await auditsOf(cid)).toEqual([]);
  });

  describeCrossTenant('the globex tenant', {
    app: () => t,
    as: { label: 'member@acme.test', token: () => tokens['member@acme.test'] },
    foreign: () => ({ tenant: seed.globex.gid }),
    reads: [
      {
        name: 'tenant(id), like an id that does not exist',
        query: TENANT,
        variables: (c) => ({ id: c.foreign.tenant }),
        expect: 'NOT_FOUND',
        likeMissing: () => ({ id: gid('Tenant', randomUUID()) }),
        then: (res) => expectError(res, 'NOT_FOUND'),
      },
    ],
  });

  // globex's owner is also an acme member, but acting in globex they see globex only.
  describeCrossTenant('the acme tenant', {
    app: () => t,
    as: { label: 'owner@globex.test in globex', token: () => tokens['owner@globex.test'] },
    foreign: () => ({ tenant: seed.acme.gid }),
    reads: [
      {
        name: 'tenant(id), while their own globex one reads',
        query: TENANT,
        variables: (c) => ({ id: c.foreign.tenant }),
        expect: 'NOT_FOUND',
        then: (res) => expectError(res, 'NOT_FOUND'),
        control: { variables: () => ({ id: seed.globex.gid }), expect: (own) => expectOk(own) },
      },
    ],
  });

  it('staff read any tenant, and each read is audited against that tenant', async () => {
    const staff = tokens['staff@atrium.test'];
    for (const [slug, tenant] of [['globex', seed.globex], ['acme', seed.acme]] as const) {
      const { res, cid } = await call(TENANT, { id: tenant.gid }, staff);
      expectOk(res);
      expect(res.data?.tenant).toMatchObject({ id: tenant.gid, slug });
      expect(await auditsOf(cid)).toEqual([
        { action: 'platform.access', actor_id: staffId, tenant_id: tenant.id, target_type: null, target_id: null, diff: { operation: 'tenant' } },
      ]);
    }
    const missing = await call(TENANT, { id: gid('Tenant', randomUUID()) }, staff);
    expectError(missing.res, 'NOT_FOUND');
    expect(await auditsOf(missing.cid)).toEqual([]);
  });
});

describe('tenants', () => {
  let quixotic: World;
  beforeAll(async () => {
    quixotic = await makeWorld('zq-sluggy', { boss: 'owner' });
    await t.sql('update tenants set name = ? where id = ?', ['Quixotic Labs', quixotic.tenantId]);
  });

  async function search(text: string): Promise<{ slugs: string[]; totalCount: number; cid: string }> {
    const { res, cid } = await call(TENANTS, { first: 100, filter: { search: text } }, tokens['staff@atrium.test']);
    expectOk(res);
    return { slugs: (res.data?.tenants.nodes as { slug: string }[]).map((n) => n.slug), totalCount: res.data?.tenants.totalCount, cid };
  }

  it('staff list every tenant, oldest first', async () => {
    const rows = await t.sql<{ id: string; slug: string }>('select id, slug from tenants order by created_at, id');
    const { res, cid } = await call(TENANTS, { first: 100 }, tokens['staff@atrium.test']);
    expectOk(res);
    expect(res.data?.tenants.totalCount).toBe(rows.length);
    expect((res.data?.tenants.nodes as { id: string; slug: string }[]).map((n) => ({ id: n.id, slug: n.slug }))).toEqual(
      rows.map((r) => ({ id: gid('Tenant', r.id), slug: r.slug })),
    );
    expect(res.data?.tenants.nodes[0].slug).toBe('acme');
    expect(await auditsOf(cid)).toEqual([
      { action: 'platform.access', actor_id: staffId, tenant_id: null, target_type: null, target_id: null, diff: { operation: 'tenants', filter: null } },
    ]);
  });

  it('search matches name or slug, case-insensitively, and is audited with the filter', async () => {
    const byName = await search('ACME corp');
    expect(byName.slugs).toEqual(['acme']);
    expect(byName.totalCount).toBe(1);
    expect((await auditsOf(byName.cid)).map((a) => a.diff)).toEqual([{ operation: 'tenants', filter: { search: 'ACME corp' } }]);

    expect((await search('GLOBEX')).slugs).toEqual(['globex']);
    expect((await search('inc.')).slugs).toEqual(['globex']); // name only: "Globex Inc."
    expect((await search('ZQ-SLUGGY')).slugs).toEqual([quixotic.slug]); // slug only
    expect((await search('quixotic LABS')).slugs).toEqual([quixotic.slug]); // name only
    expect((await search('no-such-tenant-anywhere')).slugs).toEqual([]);
  });

  it('LIKE wildcards in the search are taken literally', async () => {
    expect(await search('%')).toMatchObject({ slugs: [], totalCount: 0 });
    expect(await search('_')).toMatchObject({ slugs: [], totalCount: 0 });
    expect((await search('a%e')).slugs).toEqual([]);
  });

  it('is FORBIDDEN for tenant users, the acme owner included', async () => {
    for (const email of ['owner@acme.test', 'admin@acme.test', 'owner@globex.test']) {
      const { res, cid } = await call(TENANTS, { first: 10 }, tokens[email]);
      expectError(res, 'FORBIDDEN', 'MISSING_PERMISSION');
      expect(res.data).toBeNull();
      expect(await auditsOf(cid)).toEqual([]);
    }
  });
});
