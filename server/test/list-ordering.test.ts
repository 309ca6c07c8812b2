import { fromGlobalId } from '../src/common/global-id';
import { provisionTenant } from '../src/modules/tenancy/tenant.factory';
import { startTestApp, type TestApp } from './harness';

/*
 * The back office sorts tenants, users, memberships and the audit trail by column. For each
 * ordering: one big page equals the database's own ORDER BY, and cursor pages and offset pages
 * walk the same sequence. Tenant members read memberships and audit logs, so no platform.access
 * row is written between the reads.
 */

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  // More tenants than the demo's two, named so that name, slug and creation order all differ.
  const em = t.orm.em.fork();
  [
    ['zeta-works', 'Aurora Zeta'],
    ['beta-labs', 'Omega Beta'],
    ['kappa', 'Mu Kappa'],
    ['alpha-co', 'Sigma Alpha'],
  ].forEach(([slug, name], i) => provisionTenant(em, { slug, name, createdAt: new Date(Date.UTC(2026, 0, 10 - i)) }));
  await em.flush();
  tokens.staff = (await t.login('staff@atrium.test')).accessToken;
  tokens.owner = (await t.login('owner@acme.test', 'acme')).accessToken;
  // Each sign-in is an audit entry in acme, so the trail has a few pages to walk.
  for (const email of ['admin@acme.test', 'agent@acme.test', 'member@acme.test', 'viewer@acme.test']) await t.login(email, 'acme');
});
afterAll(() => t?.close());

interface Case {
  list: 'tenants' | 'users' | 'memberships' | 'auditLogs';
  orderBy: string;
  token: 'staff' | 'owner';
  sql: string;
}

const cases: Case[] = [
  { list: 'tenants', orderBy: '{ field: NAME, direction: ASC }', token: 'staff', sql: 'select id from tenants order by name asc, id asc' },
  { list: 'tenants', orderBy: '{ field: SLUG, direction: DESC }', token: 'staff', sql: 'select id from tenants order by slug desc, id desc' },
  { list: 'tenants', orderBy: '{ direction: DESC }', token: 'staff', sql: 'select id from tenants order by created_at desc, id desc' },
  { list: 'users', orderBy: '{ field: EMAIL, direction: ASC }', token: 'staff', sql: 'select id from users order by email asc, id asc' },
  { list: 'users', orderBy: '{ field: NAME, direction: DESC }', token: 'staff', sql: 'select id from users order by name desc, id desc' },
  {
    list: 'memberships',
    orderBy: '{ direction: DESC }',
    token: 'owner',
    sql: `select m.id from memberships m join tenants te on te.id = m.tenant_id where te.slug = 'acme' order by m.created_at desc, m.id desc`,
  },
  {
    list: 'auditLogs',
    orderBy: '{ field: CREATED_AT, direction: ASC }',
    token: 'owner',
    sql: `select a.id from audit_logs a join tenants te on te.id = a.tenant_id where te.slug = 'acme' order by a.created_at asc, a.id asc`,
  },
];

const PAGE = 3;

describe.each(cases)('$list ordered by $orderBy', ({ list, orderBy, token, sql }) => {
  const query = `query($first: Int, $after: String, $offset: Int) {
    ${list}(first: $first, after: $after, offset: $offset, orderBy: ${orderBy}) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id }
    }
  }`;
  type Page = Record<string, { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { id: string }[] }>;
  const read = async (vars: Record<string, unknown>) => {
    const res = await t.gql<Page>(query, vars, { token: tokens[token] });
    expect(res.errors).toBeUndefined();
    return res.data![list];
  };
  const dbIdOf = (globalId: string) => fromGlobalId(globalId).id;

  it('one page matches the database’s ORDER BY', async () => {
    const expected = (await t.sql<{ id: string }>(sql)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(PAGE);
    const all = await read({ first: 100 });
    expect(all.totalCount).toBe(expected.length);
    expect(all.nodes.map((n) => dbIdOf(n.id))).toEqual(expected.slice(0, 100));
  });

  it('cursor pages and offset pages walk the same sequence', async () => {
    const all = (await read({ first: 100 })).nodes.map((n) => n.id);
    const first = await read({ first: PAGE });
    const second = await read({ first: PAGE, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(all.slice(0, 2 * PAGE));
    const byOffset = await read({ first: PAGE, offset: PAGE });
    expect(byOffset.nodes.map((n) => n.id)).toEqual(all.slice(PAGE, 2 * PAGE));
  });
});

it('a cursor from one ordering is refused under another', async () => {
  const byName = await t.gql('{ tenants(first: 1, orderBy: { field: NAME }) { pageInfo { endCursor } } }', {}, { token: tokens.staff });
  const res = await t.gql('query($after: String) { tenants(first: 1, after: $after, orderBy: { field: SLUG }) { nodes { id } } }', { after: byName.data?.tenants.pageInfo.endCursor }, { token: tokens.staff });
  expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
});
