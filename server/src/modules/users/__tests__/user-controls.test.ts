import { randomUUID } from 'node:crypto';
import { expectError, expectOk, startTestApp, type TestApp } from '../../../../test/harness';
import { loginWith, makeAccount, StaffRole, TEST_PASSWORD, tokenFor } from '../../../../test/support/two-factor';
import { toGlobalId } from '../../../common/global-id';

/*
 * Platform staff's controls over user accounts, end to end on a real server and database:
 * deactivation (sessions end, sign-in and every still-valid token refused), reactivation,
 * revoking a user's sessions and listing them. Superadmin and support may act
 * (platform:user:manage); compliance may only list (platform:user:read); tenant roles never.
 */

let t: TestApp;
let superadmin: string;
let support: { id: string; email: string; token: string };
let compliance: string;

beforeAll(async () => {
  t = await startTestApp();
  superadmin = (await t.login('staff@atrium.test')).accessToken;
  compliance = (await t.login('compliance@atrium.test')).accessToken;
  const s = await makeAccount(t, { label: 'support', staffRole: StaffRole.SUPPORT });
  support = { ...s, token: await tokenFor(t, s.email) };
});
afterAll(async () => {
  await t.close();
});

const USER_FIELDS = 'id email deactivatedAt twoFactorEnabled';
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REVOKE = 'mutation($userId: ID!) { revokeUserSessions(userId: $userId) }';
const SESSIONS = `query($userId: ID!, $first: Int, $after: String, $offset: Int) {
  userSessions(userId: $userId, first: $first, after: $after, offset: $offset) {
    totalCount nodes { id userAgent revokedAt current createdAt } pageInfo { hasNextPage endCursor }
  }
}`;
const ME = '{ me { user { email } } }';
const REFRESH = 'mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }';

const gid = (id: string) => toGlobalId('User', id);

async function audit(action: string, userId: string): Promise<{ actor_id: string | null; tenant_id: string | null; target_type: string; diff: Record<string, unknown> | null }[]> {
  return t.sql(`select actor_id, tenant_id, target_type, diff from audit_logs where action = ? and target_id = ? order by created_at, id`, [action, gid(userId)]);
}

async function liveSessions(userId: string): Promise<number> {
  return t.count('select count(*) as n from sessions where user_id = ? and revoked_at is null and expires_at > now()', [userId]);
}

describe('deactivateUser and reactivateUser', () => {
  it('deactivation ends every session, refuses sign-in with the clear reason, and reactivation lets the user back in; both audited', async () => {
    const user = await makeAccount(t, { label: 'deactivate', tenant: 'acme' });
    const first = await t.login(user.email, undefined, TEST_PASSWORD);
    const second = await t.login(user.email, undefined, TEST_PASSWORD);
    expect(await liveSessions(user.id)).toBe(2);

    const res = await t.gql(DEACTIVATE, { id: gid(user.id) }, { token: superadmin });
    expectOk(res);
    expect(res.data?.deactivateUser).toMatchObject({ id: gid(user.id), email: user.email, twoFactorEnabled: false });
    expect(res.data?.deactivateUser.deactivatedAt).toEqual(expect.any(String));
    expect(await liveSessions(user.id)).toBe(0);
    const reasons = await t.sql<{ revoked_reason: string }>('select distinct revoked_reason from sessions where user_id = ?', [user.id]);
    expect(reasons).toEqual([{ revoked_reason: 'user_deactivated' }]);

    // Tokens in hand stop working: access tokens and refresh tokens alike.
    for (const token of [first.accessToken, second.accessToken]) {
      const me = await t.gql(ME, {}, { token });
      expectError(me, 'UNAUTHENTICATED');
      expectError(await t.gql('{ tickets(first: 1) { totalCount } }', {}, { token }), 'UNAUTHENTICATED', 'SESSION_ENDED');
    }
    expectError(await t.gql(REFRESH, { refreshToken: first.refreshToken }), 'UNAUTHENTICATED');

    // The right password: told the account is deactivated. A wrong one: the usual answer.
    const login = await loginWith(t, user.email);
    expectError(login, 'UNAUTHENTICATED', 'ACCOUNT_DEACTIVATED');
    expect(login.errors?.[0]?.message).toBe('This account has been deactivated. Contact your administrator.');
    expect(login.data ?? null).toBeNull();
    expectError(await loginWith(t, user.email, { password: 'not-the-password' }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expect(await liveSessions(user.id)).toBe(0);

    // Deactivating again changes nothing and writes no second audit row.
    expectOk(await t.gql(DEACTIVATE, { id: gid(user.id) }, { token: superadmin }));
    const deactivated = await audit('user.deactivated', user.id);
    expect(deactivated).toHaveLength(1);
    expect(deactivated[0]).toEqual({ actor_id: await t.userId('staff@atrium.test'), tenant_id: null, target_type: 'User', diff: { sessionsRevoked: 2 } });

    const back = await t.gql(REACTIVATE, { id: gid(user.id) }, { token: superadmin });
    expectOk(back);
    expect(back.data?.reactivateUser.deactivatedAt).toBeNull();
    const again = await loginWith(t, user.email);
    expectOk(again);
    expect((await t.gql(ME, {}, { token: again.data?.login.accessToken })).data?.me.user.email).toBe(user.email);
    // The old sessions stay ended.
    expectError(await t.gql(ME, {}, { token: first.accessToken }), 'UNAUTHENTICATED');
    const reactivated = await audit('user.reactivated', user.id);
    expect(reactivated).toHaveLength(1);
    expect(reactivated[0]?.actor_id).toBe(await t.userId('staff@atrium.test'));
  });

  it('refuses every request of a deactivated user even if a session was somehow left open', async () => {
    const user = await makeAccount(t, { label: 'left-open', tenant: 'acme' });
    const { accessToken, refreshToken } = await t.login(user.email, undefined, TEST_PASSWORD);
    expectOk(await t.gql(ME, {}, { token: accessToken }));
    // Deactivated behind the API's back: the session row is still live.
    await t.sql('update users set disabled_at = now() where id = ?', [user.id]);
    expect(await liveSessions(user.id)).toBe(1);
    expectError(await t.gql(ME, {}, { token: accessToken }), 'UNAUTHENTICATED');
    expectError(await t.gql('{ tickets(first: 1) { totalCount } }', {}, { token: accessToken }), 'UNAUTHENTICATED', 'SESSION_ENDED');
    const http = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(http.status).toBe(401);
    expectError(await t.gql(REFRESH, { refreshToken }), 'UNAUTHENTICATED', 'SESSION_ENDED');
  });

  it('support may deactivate members but not staff; nobody deactivates themselves', async () => {
    const member = await makeAccount(t, { label: 'by-support', tenant: 'acme' });
    expectOk(await t.gql(DEACTIVATE, { id: gid(member.id) }, { token: support.token }));
    expectOk(await t.gql(REACTIVATE, { id: gid(member.id) }, { token: support.token }));
    expect((await audit('user.deactivated', member.id))[0]?.actor_id).toBe(support.id);

    const staffId = await t.userId('staff@atrium.test');
    for (const doc of [DEACTIVATE, REACTIVATE]) {
      expectError(await t.gql(doc, { id: gid(staffId) }, { token: support.token }), 'FORBIDDEN', 'SUPERADMIN_REQUIRED');
    }
    expectError(await t.gql(REVOKE, { userId: gid(staffId) }, { token: support.token }), 'FORBIDDEN', 'SUPERADMIN_REQUIRED');
    expectError(await t.gql(DEACTIVATE, { id: gid(support.id) }, { token: support.token }), 'FORBIDDEN', 'SELF_DEACTIVATION');
    expectError(await t.gql(DEACTIVATE, { id: gid(staffId) }, { token: superadmin }), 'FORBIDDEN', 'SELF_DEACTIVATION');
    expect(await t.count('select count(*) as n from users where disabled_at is not null and staff_role is not null')).toBe(0);

    // A superadmin may act on other staff.
    const other = await makeAccount(t, { label: 'other-support', staffRole: StaffRole.SUPPORT });
    expectOk(await t.gql(DEACTIVATE, { id: gid(other.id) }, { token: superadmin }));
    expectError(await loginWith(t, other.email), 'UNAUTHENTICATED', 'ACCOUNT_DEACTIVATED');
    expectOk(await t.gql(REACTIVATE, { id: gid(other.id) }, { token: superadmin }));
  });

  it('compliance staff and tenant roles are refused; an unknown or malformed id is NOT_FOUND / BAD_USER_INPUT', async () => {
    const member = await makeAccount(t, { label: 'untouched', tenant: 'acme' });
    const owner = (await t.login('owner@acme.test')).accessToken;
    for (const token of [compliance, owner]) {
      for (const doc of [DEACTIVATE, REACTIVATE]) expectError(await t.gql(doc, { id: gid(member.id) }, { token }), 'FORBIDDEN', 'MISSING_PERMISSION');
      expectError(await t.gql(REVOKE, { userId: gid(member.id) }, { token }), 'FORBIDDEN', 'MISSING_PERMISSION');
    }
    expectError(await t.gql(DEACTIVATE, { id: gid(member.id) }), 'UNAUTHENTICATED');
    expect(await t.count('select count(*) as n from users where id = ? and disabled_at is not null', [member.id])).toBe(0);

    expectError(await t.gql(DEACTIVATE, { id: gid(randomUUID()) }, { token: superadmin }), 'NOT_FOUND');
    expectError(await t.gql(REVOKE, { userId: gid(randomUUID()) }, { token: superadmin }), 'NOT_FOUND');
    expectError(await t.gql(DEACTIVATE, { id: toGlobalId('Tenant', await t.tenantId('acme')) }, { token: superadmin }), 'BAD_USER_INPUT');
  });
});

describe('revokeUserSessions and userSessions', () => {
  it("lists a user's live sessions newest first, pages them, and audits the access", async () => {
    const user = await makeAccount(t, { label: 'listed', tenant: 'acme' });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push((await t.login(user.email, undefined, TEST_PASSWORD)).accessToken);
    // One ended session is not listed.
    expectOk(await t.gql('mutation { logout }', {}, { token: tokens[0] }));

    const ids = await t.sql<{ id: string }>('select id from sessions where user_id = ? and revoked_at is null order by created_at desc, id desc', [user.id]);
    expect(ids).toHaveLength(2);
    for (const token of [superadmin, support.token, compliance]) {
      const res = await t.gql(SESSIONS, { userId: gid(user.id), first: 10 }, { token });
      expectOk(res);
      expect(res.data?.userSessions.totalCount).toBe(2);
      expect(res.data?.userSessions.nodes.map((n: { id: string }) => n.id)).toEqual(ids.map((r) => toGlobalId('Session', r.id)));
      expect(res.data?.userSessions.nodes.every((n: { revokedAt: string | null; current: boolean }) => n.revokedAt === null && !n.current)).toBe(true);
    }
    const page1 = await t.gql(SESSIONS, { userId: gid(user.id), first: 1 }, { token: superadmin });
    const page2 = await t.gql(SESSIONS, { userId: gid(user.id), first: 1, after: page1.data?.userSessions.pageInfo.endCursor }, { token: superadmin });
    const offset = await t.gql(SESSIONS, { userId: gid(user.id), first: 1, offset: 1 }, { token: superadmin });
    expect(page1.data?.userSessions.pageInfo.hasNextPage).toBe(true);
    expect(page2.data?.userSessions.nodes.map((n: { id: string }) => n.id)).toEqual([toGlobalId('Session', ids[1]?.id ?? '')]);
    expect(offset.data?.userSessions.nodes).toEqual(page2.data?.userSessions.nodes);

    const accessRows = await t.sql<{ diff: Record<string, unknown> }>(`select diff from audit_logs where action = 'platform.access' and diff->>'operation' = 'userSessions' and diff->>'userId' = ?`, [gid(user.id)]);
    expect(accessRows.length).toBeGreaterThanOrEqual(6);

    expectError(await t.gql(SESSIONS, { userId: gid(randomUUID()), first: 1 }, { token: superadmin }), 'NOT_FOUND');
  });

  it('revokes every live session of a user and answers how many; their tokens stop working; audited', async () => {
    const user = await makeAccount(t, { label: 'revoked', tenant: 'acme' });
    const a = await t.login(user.email, undefined, TEST_PASSWORD);
    const b = await t.login(user.email, undefined, TEST_PASSWORD);
    const res = await t.gql(REVOKE, { userId: gid(user.id) }, { token: support.token });
    expectOk(res);
    expect(res.data?.revokeUserSessions).toBe(2);
    for (const s of [a, b]) {
      expectError(await t.gql(ME, {}, { token: s.accessToken }), 'UNAUTHENTICATED');
      expectError(await t.gql(REFRESH, { refreshToken: s.refreshToken }), 'UNAUTHENTICATED');
    }
    expect((await t.gql(REVOKE, { userId: gid(user.id) }, { token: support.token })).data?.revokeUserSessions).toBe(0);
    const rows = await audit('user.sessions_revoked', user.id);
    expect(rows.map((r) => r.diff)).toEqual([{ revoked: 2 }, { revoked: 0 }]);
    expect(rows.every((r) => r.actor_id === support.id && r.tenant_id === null)).toBe(true);
    // Not deactivated: the user signs in again.
    expectOk(await loginWith(t, user.email));
  });
});
