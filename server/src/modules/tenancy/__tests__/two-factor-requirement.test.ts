import { randomBytes, randomUUID } from 'node:crypto';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { expectError, expectOk, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import {
  addMembership,
  BEGIN_TOTP,
  CONFIRM_TOTP,
  DISABLE_TOTP,
  enrolTotp,
  loginWith,
  makeAccount,
  stepNow,
  tokenFor,
  totpCode,
} from '../../../../test/support/two-factor';
import { toGlobalId } from '../../../common/global-id';
import type { SystemRoleName } from '../../../permissions/catalog';
import { provisionTenant } from '../tenant.factory';

/*
 * A tenant that requires two-factor sign-in, end to end on a real server and database: its owner
 * turns it on; a member without two-factor may sign in, see `me`, switch tenant and enrol, and
 * nothing else until enrolled (FORBIDDEN, TWO_FACTOR_ENROLLMENT_REQUIRED); afterwards everything
 * works. Each test has its own tenant, made with the factories.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const SECURITY = 'mutation($input: UpdateTenantSecurityInput!) { updateTenantSecurity(input: $input) { id slug requireTwoFactor } }';
const ME = '{ me { tenant { slug requireTwoFactor } twoFactorEnabled twoFactorEnrollmentRequired } }';
const TICKETS = '{ tickets(first: 1) { totalCount } }';
const SWITCH = 'mutation($tenantId: ID!) { switchTenant(tenantId: $tenantId) { accessToken refreshToken tenant { slug } } }';
const REFRESH = 'mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }';

/** Operations refused until enrolment, each a harmless document. */
const GATED: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'tickets', query: TICKETS },
  { name: 'mySessions', query: '{ mySessions(first: 1) { totalCount } }' },
  { name: 'memberships', query: '{ memberships(first: 1) { totalCount } }' },
  { name: 'node', query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: toGlobalId('Ticket', randomUUID()) } },
  { name: 'createTicket', query: 'mutation { createTicket(input: { subject: "x", body: "y" }) { id } }' },
  { name: 'revokeSession', query: 'mutation($id: ID!) { revokeSession(id: $id) { id } }', variables: { id: toGlobalId('Session', randomUUID()) } },
  { name: 'disableTotp', query: DISABLE_TOTP, variables: { code: '123456' } },
];

/** Refused because the tenant requires two-factor sign-in, with the message saying what to do. */
function expectMustEnrol(res: GqlResponse, field: string): void {
  expectError(res, 'FORBIDDEN', 'TWO_FACTOR_ENROLLMENT_REQUIRED');
  expect(res.errors?.[0]?.message).toMatch(/requires two-factor sign-in/);
  expect(res.errors?.[0]?.path).toEqual([field]);
  expect(res.data?.[field] ?? null).toBeNull();
}

interface Org {
  slug: string;
  id: string;
  gid: string;
  /** Email of each member, by key. */
  emails: Record<string, string>;
}

/** A new tenant with its system roles and one new user per member. */
async function makeOrg(members: Record<string, SystemRoleName>): Promise<Org> {
  const slug = `tfa-${randomBytes(4).toString('hex')}`;
  const em = t.orm.em.fork();
  const p = provisionTenant(em, { slug, name: `Two-factor ${slug}` });
  await em.flush();
  const emails: Record<string, string> = {};
  for (const [key, role] of Object.entries(members)) emails[key] = (await makeAccount(t, { label: key, tenant: slug, role })).email;
  return { slug, id: p.tenant.id, gid: toGlobalId('Tenant', p.tenant.id), emails };
}

const email = (org: Org, key: string): string => {
  const e = org.emails[key];
  if (!e) throw new Error(`no ${key} in ${org.slug}`);
  return e;
};

async function requireTwoFactor(org: Org, on: boolean): Promise<void> {
  await t.sql('update tenants set require_two_factor = ? where id = ?', [on, org.id]);
}

describe('updateTenantSecurity', () => {
  it('the owner turns the requirement on and off; audited; a request that changes nothing writes nothing', async () => {
    const org = await makeOrg({ owner: 'owner', admin: 'admin' });
    const owner = await tokenFor(t, email(org, 'owner'));
    const admin = await tokenFor(t, email(org, 'admin'));
    // The owner enrols first, so turning the requirement on does not stop the owner.
    const { secret, step } = await enrolTotp(t, owner);

    expectError(await t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: admin }), 'FORBIDDEN', 'MISSING_PERMISSION');
    const on = await t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: owner });
    expectOk(on);
    expect(on.data?.updateTenantSecurity).toEqual({ id: org.gid, slug: org.slug, requireTwoFactor: true });
    expectOk(await t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: owner }));
    expect((await t.gql(ME, {}, { token: owner })).data?.me).toEqual({
      tenant: { slug: org.slug, requireTwoFactor: true },
      twoFactorEnabled: true,
      twoFactorEnrollmentRequired: false,
    });
    const tenant = await t.gql('query($id: ID!) { tenant(id: $id) { requireTwoFactor } }', { id: org.gid }, { token: owner });
    expect(tenant.data?.tenant).toEqual({ requireTwoFactor: true });

    const off = await t.gql(SECURITY, { input: { requireTwoFactor: false } }, { token: owner });
    expect(off.data?.updateTenantSecurity.requireTwoFactor).toBe(false);

    const rows = await t.sql<{ actor_id: string; tenant_id: string; target_id: string; diff: unknown }>(
      `select actor_id, tenant_id, target_id, diff from audit_logs where action = 'tenant.security_updated' and tenant_id = ? order by created_at, id`,
      [org.id],
    );
    const ownerId = await t.userId(email(org, 'owner'));
    expect(rows).toEqual([
      { actor_id: ownerId, tenant_id: org.id, target_id: org.gid, diff: { before: { requireTwoFactor: false }, after: { requireTwoFactor: true } } },
      { actor_id: ownerId, tenant_id: org.id, target_id: org.gid, diff: { before: { requireTwoFactor: true }, after: { requireTwoFactor: false } } },
    ]);
    // The owner's next sign-in still needs the code: the requirement is about enrolment.
    expectError(await loginWith(t, email(org, 'owner')), 'UNAUTHENTICATED', 'MFA_REQUIRED');
    expectOk(await loginWith(t, email(org, 'owner'), { otp: totpCode(secret, step + 1) }));
  });

  it('staff outside a tenant cannot change a tenant setting (a tenant permission)', async () => {
    const staff = (await t.login('staff@atrium.test')).accessToken;
    expectError(await t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: staff }), 'FORBIDDEN', 'MISSING_PERMISSION');
  });

  it('an owner without two-factor who turns it on is asked to enrol next, like everyone else', async () => {
    const org = await makeOrg({ owner: 'owner' });
    const owner = await tokenFor(t, email(org, 'owner'));
    expectOk(await t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: owner }));
    expect((await t.gql(ME, {}, { token: owner })).data?.me.twoFactorEnrollmentRequired).toBe(true);
    expectMustEnrol(await t.gql(SECURITY, { input: { requireTwoFactor: false } }, { token: owner }), 'updateTenantSecurity');
    await enrolTotp(t, owner);
    expectOk(await t.gql(SECURITY, { input: { requireTwoFactor: false } }, { token: owner }));
  });
});

describe('a member without two-factor in a tenant that requires it', () => {
  it('signs in and sees me; everything else is refused until enrolment, after which everything works with the same token', async () => {
    const org = await makeOrg({ owner: 'owner', member: 'member' });
    await requireTwoFactor(org, true);
    const login = await loginWith(t, email(org, 'member'));
    expectOk(login);
    expect(login.data?.login.tenant).toEqual({ slug: org.slug });
    const token = login.data?.login.accessToken as string;

    expect((await t.gql(ME, {}, { token })).data?.me).toEqual({
      tenant: { slug: org.slug, requireTwoFactor: true },
      twoFactorEnabled: false,
      twoFactorEnrollmentRequired: true,
    });
    for (const op of GATED) expectMustEnrol(await t.gql(op.query, op.variables ?? {}, { token }), op.name);
    // Nothing was written by the refused calls.
    expect(await t.count('select count(*) as n from tickets where tenant_id = ?', [org.id])).toBe(0);

    // REST routes answer the same; GET /api/me (me) works.
    const rest = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'API', sender: 'x@example.test', payload: { text: 'hello' } }),
    });
    expect(rest.status).toBe(403);
    expect(await rest.json()).toMatchObject({ error: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLLMENT_REQUIRED' });
    const meHttp = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(meHttp.status).toBe(200);
    expect(await meHttp.json()).toMatchObject({ twoFactorEnabled: false, twoFactorEnrollmentRequired: true });

    // Refreshing works (the session goes on), and so does enrolment.
    const refreshed = await t.gql(REFRESH, { refreshToken: login.data?.login.refreshToken });
    expectOk(refreshed);
    const begun = await t.gql(BEGIN_TOTP, {}, { token });
    expectOk(begun);
    const secret = begun.data?.beginTotpEnrollment.secret as string;
    expectMustEnrol(await t.gql(TICKETS, {}, { token }), 'tickets');
    const confirmed = await t.gql(CONFIRM_TOTP, { code: totpCode(secret, stepNow()) }, { token });
    expectOk(confirmed);
    expect(confirmed.data?.confirmTotpEnrollment).toHaveLength(10);

    // Enrolled: the same token now reaches everything its role allows.
    expect((await t.gql(ME, {}, { token })).data?.me).toMatchObject({ twoFactorEnabled: true, twoFactorEnrollmentRequired: false });
    expectOk(await t.gql(TICKETS, {}, { token }));
    expectOk(await t.gql('{ mySessions(first: 1) { totalCount } }', {}, { token }));
    expectOk(await t.gql(TICKETS, {}, { token: refreshed.data?.refreshSession.accessToken }));
  });

  it('logout works before enrolment; turning the requirement off lets the member in again', async () => {
    const org = await makeOrg({ member: 'member' });
    await requireTwoFactor(org, true);
    const token = await tokenFor(t, email(org, 'member'));
    const second = await tokenFor(t, email(org, 'member'));
    expectMustEnrol(await t.gql(TICKETS, {}, { token }), 'tickets');
    expectOk(await t.gql('mutation { logout }', {}, { token: second }));
    await requireTwoFactor(org, false);
    expectOk(await t.gql(TICKETS, {}, { token }));
    expect((await t.gql(ME, {}, { token })).data?.me.twoFactorEnrollmentRequired).toBe(false);
  });

  it('a member of two tenants is asked to enrol only while acting in the one that requires it', async () => {
    const strict = await makeOrg({ owner: 'owner' });
    const relaxed = await makeOrg({ owner: 'owner' });
    const both = await makeAccount(t, { label: 'both', tenant: relaxed.slug, role: 'member' });
    await addMembership(t, both.id, strict.slug, 'member');
    await requireTwoFactor(strict, true);

    const inRelaxed = (await loginWith(t, both.email, { tenantSlug: relaxed.slug })).data?.login.accessToken as string;
    expectOk(await t.gql(TICKETS, {}, { token: inRelaxed }));
    const switched = await t.gql(SWITCH, { tenantId: strict.gid }, { token: inRelaxed });
    expectOk(switched);
    const inStrict = switched.data?.switchTenant.accessToken as string;
    expectMustEnrol(await t.gql(TICKETS, {}, { token: inStrict }), 'tickets');
    const back = await t.gql(SWITCH, { tenantId: relaxed.gid }, { token: inStrict });
    expectOk(back);
    expectOk(await t.gql(TICKETS, {}, { token: back.data?.switchTenant.accessToken }));

    // Signing in straight into the strict tenant works too, and is then limited the same way.
    const direct = await loginWith(t, both.email, { tenantSlug: strict.slug });
    expectOk(direct);
    expectMustEnrol(await t.gql(TICKETS, {}, { token: direct.data?.login.accessToken }), 'tickets');
  });

  it('a member who turns two-factor off is asked to enrol again', async () => {
    const org = await makeOrg({ member: 'member' });
    const token = await tokenFor(t, email(org, 'member'));
    const { recoveryCodes } = await enrolTotp(t, token);
    await requireTwoFactor(org, true);
    expectOk(await t.gql(TICKETS, {}, { token }));
    expectOk(await t.gql(DISABLE_TOTP, { code: recoveryCodes[0] }, { token }));
    expectMustEnrol(await t.gql(TICKETS, {}, { token }), 'tickets');
    expect((await t.gql(ME, {}, { token })).data?.me.twoFactorEnrollmentRequired).toBe(true);
  });

  it('platform staff outside any tenant are not affected', async () => {
    const org = await makeOrg({ member: 'member' });
    await requireTwoFactor(org, true);
    const staff = (await t.login('staff@atrium.test')).accessToken;
    expectOk(await t.gql('{ tenants(first: 1) { totalCount } }', {}, { token: staff }));
    expect((await t.gql(ME, {}, { token: staff })).data?.me.twoFactorEnrollmentRequired).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Isolation: the owner of globex acts on globex only; the staff controls are staff-only.
// ---------------------------------------------------------------------------------------------

describeCrossTenant('tenant security and staff user controls', {
  app: () => t,
  as: { email: 'owner@globex.test', tenant: 'globex' },
  foreign: async (app) => ({
    tenant: toGlobalId('Tenant', await app.tenantId('acme')),
    acmeMember: toGlobalId('User', await app.userId('member@acme.test')),
  }),
  unchanged: (c) =>
    c.t.sql(
      `select t.require_two_factor, u.disabled_at, (select count(*) from sessions s where s.user_id = u.id and s.revoked_at is null)::int as live
         from tenants t, users u where t.slug = 'acme' and u.email = 'member@acme.test'`,
    ),
  reads: [
    {
      name: "tenant(id) of acme, with its security setting",
      query: 'query($id: ID!) { tenant(id: $id) { id requireTwoFactor } }',
      variables: (c) => ({ id: c.foreign.tenant }),
      expect: 'NOT_FOUND',
      likeMissing: () => ({ id: toGlobalId('Tenant', randomUUID()) }),
      control: { variables: async (c) => ({ id: toGlobalId('Tenant', await c.t.tenantId('globex')) }) },
    },
    {
      name: "userSessions of an acme member (staff only)",
      query: 'query($userId: ID!) { userSessions(userId: $userId, first: 5) { totalCount } }',
      variables: (c) => ({ userId: c.foreign.acmeMember }),
      expect: { code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' },
    },
  ],
  writes: [
    {
      name: 'deactivateUser of an acme member (staff only)',
      mutation: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      variables: (c) => ({ id: c.foreign.acmeMember }),
      expect: { code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' },
    },
    {
      name: 'revokeUserSessions of an acme member (staff only)',
      mutation: 'mutation($userId: ID!) { revokeUserSessions(userId: $userId) }',
      variables: (c) => ({ userId: c.foreign.acmeMember }),
      expect: { code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' },
    },
  ],
  checks: [
    {
      name: "updateTenantSecurity changes globex only, never acme (it takes no tenant: the token's is used)",
      run: async (c) => {
        const res = await c.t.gql(SECURITY, { input: { requireTwoFactor: true } }, { token: c.token });
        expectOk(res);
        expect(res.data?.updateTenantSecurity).toMatchObject({ slug: 'globex', requireTwoFactor: true });
        const rows = await c.t.sql<{ slug: string; require_two_factor: boolean }>(`select slug, require_two_factor from tenants where slug in ('acme', 'globex') order by slug`);
        expect(rows).toEqual([
          { slug: 'acme', require_two_factor: false },
          { slug: 'globex', require_two_factor: true },
        ]);
        // Put globex back (its owner, without two-factor, can no longer do it through the API).
        await c.t.sql(`update tenants set require_two_factor = false where slug = 'globex'`);
      },
    },
  ],
});
