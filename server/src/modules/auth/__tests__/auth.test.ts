import { createHmac, randomBytes } from 'node:crypto';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { ME_HTTP_QUERY } from '../../me/me.query';
import { toGlobalId } from '../../../common/global-id';
import { DEMO_PASSWORD } from '../../../seeders/demo.seeder';

/*
 * Authentication end to end: a real server on a real (fresh, seeded) PostgreSQL database.
 * Every error response is checked for leaks (stack traces, SQL, file paths) by expectError.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken accessTokenExpiresAt refreshToken user { email } tenant { slug } }
}`;
const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken user { email } tenant { slug } }
}`;
const LOGOUT = 'mutation { logout }';
const SWITCH = `mutation Switch($tenantId: ID!) {
  switchTenant(tenantId: $tenantId) { accessToken refreshToken user { email } tenant { id slug } }
}`;
const MY_SESSIONS = '{ mySessions(first: 100) { totalCount nodes { id current revokedAt } } }';
const REVOKE = 'mutation Revoke($id: ID!) { revokeSession(id: $id) { id current revokedAt revokedReason } }';
const ME_SHORT = '{ me { user { email } tenant { slug } role } }';

// ---------------------------------------------------------------------------------------------
// Types and helpers
// ---------------------------------------------------------------------------------------------

interface AuthPayloadData {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: { email: string };
  tenant: { slug: string } | null;
}
interface MeShort {
  me: { user: { email: string }; tenant: { slug: string } | null; role: string };
}
interface SessionNode {
  id: string;
  current: boolean;
  revokedAt: string | null;
  revokedReason?: string | null;
}
interface JwtHeader {
  alg: string;
  typ?: string;
}
interface JwtClaims {
  sub: string;
  sid: string;
  tid: string | null;
  iss: string;
  aud: string;
  exp: number;
  iat: number;
  gen: number;
}
interface AuditRow {
  actor_id: string | null;
  tenant_id: string | null;
  target_type: string | null;
  target_id: string | null;
  correlation_id: string | null;
  diff: Record<string, unknown> | null;
}
interface HttpErrorBody {
  errors: { message: string; extensions: { code: string; reason?: string } }[];
}

const LEAK_MARKERS = ['stack', 'select ', 'at /'];

/** Error hygiene: nothing a client sees may carry a stack trace, SQL or a file path. */
function expectNoLeak(body: unknown): void {
  const text = JSON.stringify(body).toLowerCase();
  for (const marker of LEAK_MARKERS) expect(text).not.toContain(marker);
}

/** Asserts the response failed with `code` (and `reason` when given) and leaks nothing. */
function expectError(res: GqlResponse, code: string, reason?: string): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(codeOf(res)).toBe(code);
  if (reason !== undefined) expect(res.errors?.[0]?.extensions.reason).toBe(reason);
  expectNoLeak(res.errors);
}

function decodeJwtPart<T>(token: string, index: 0 | 1): T {
  const part = token.split('.')[index];
  if (part === undefined) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as T;
}
const claimsOf = (token: string): JwtClaims => decodeJwtPart<JwtClaims>(token, 1);
const headerOf = (token: string): JwtHeader => decodeJwtPart<JwtHeader>(token, 0);

const b64url = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** An HS256 JWT made by hand (not with the library under test). */
function signHs256(payload: object, secret: string): string {
  const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const sessionGid = (accessToken: string): string => toGlobalId('Session', claimsOf(accessToken).sid);

async function auditRows(action: string, where = '', params: unknown[] = []): Promise<AuditRow[]> {
  return t.sql<AuditRow>(
    `select actor_id, tenant_id, target_type, target_id, correlation_id, diff from audit_logs where action = ? ${where} order by created_at, id`,
    [action, ...params],
  );
}

function loginRaw(app: TestApp, email: string, password: string, tenantSlug?: string, headers?: Record<string, string>) {
  return app.gql<{ login: AuthPayloadData }>(LOGIN, { input: { email, password, tenantSlug } }, { headers });
}

function refresh(refreshToken: string) {
  return t.gql<{ refreshSession: AuthPayloadData }>(REFRESH, { refreshToken });
}

function me(token: string) {
  return t.gql<MeShort>(ME_SHORT, {}, { token });
}

/** `me` works with this token and answers as `email`. */
async function expectTokenWorks(token: string, email: string): Promise<void> {
  const res = await me(token);
  expect(res.errors).toBeUndefined();
  expect(res.data?.me.user.email).toBe(email);
}

/**
 * `me` refuses this token with UNAUTHENTICATED. With `reason`, also checks why the context
 * refused it (EXPIRED / INVALID / SESSION_ENDED). `me` is guarded by isAuthenticated, which
 * does not report a reason, so the reason is read from a permission-guarded query, whose rule
 * (check → authError) does.
 */
async function expectTokenRefused(token: string, reason?: 'EXPIRED' | 'INVALID' | 'SESSION_ENDED'): Promise<void> {
  const res = await me(token);
  expectError(res, 'UNAUTHENTICATED', reason);
  expect(res.data ?? null).toBeNull();
  // Permission rules report the same reason as isAuthenticated.
  if (reason) expectError(await t.gql('{ tickets(first: 1) { totalCount } }', {}, { token }), 'UNAUTHENTICATED', reason);
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${t.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

// ---------------------------------------------------------------------------------------------
// 1. Sessions: login, refresh rotation, reuse detection, logout
// ---------------------------------------------------------------------------------------------

describe('session lifecycle', () => {
  it('login returns a working access token and a refresh token for the default tenant', async () => {
    const res = await loginRaw(t, 'agent@acme.test', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    const payload = res.data?.login;
    expect(payload?.user.email).toBe('agent@acme.test');
    expect(payload?.tenant).toEqual({ slug: 'acme' });
    expect(payload?.refreshToken.length).toBeGreaterThanOrEqual(40);
    await expectTokenWorks(payload?.accessToken ?? '', 'agent@acme.test');

    const rows = await auditRows('auth.login', 'and target_id = ?', [sessionGid(payload?.accessToken ?? '')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe(await t.userId('agent@acme.test'));
  });

  it('refresh rotates the token; reusing the old one revokes the whole session and is audited', async () => {
    const first = await t.login('agent@acme.test');
    const sid = claimsOf(first.accessToken).sid;

    // Rotation: a different refresh token and a working access token in the same session.
    const rotated = await refresh(first.refreshToken);
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data?.refreshSession;
    if (!second) throw new Error('refresh failed');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.email).toBe('agent@acme.test');
    expect(second.tenant).toEqual({ slug: 'acme' });
    expect(claimsOf(second.accessToken).sid).toBe(sid);
    await expectTokenWorks(second.accessToken, 'agent@acme.test');

    // Reuse of the spent token: refused, and the session is over for everyone.
    const reuse = await refresh(first.refreshToken);
    expectError(reuse, 'UNAUTHENTICATED', 'REFRESH_REUSED');
    expect(reuse.data ?? null).toBeNull();

    expectError(await refresh(second.refreshToken), 'UNAUTHENTICATED');
    await expectTokenRefused(second.accessToken, 'SESSION_ENDED');
    await expectTokenRefused(first.accessToken, 'SESSION_ENDED');

    const sessions = await t.sql<{ revoked_at: Date | null; revoked_reason: string | null }>(
      'select revoked_at, revoked_reason from sessions where id = ?',
      [sid],
    );
    expect(sessions[0]?.revoked_at).not.toBeNull();
    expect(sessions[0]?.revoked_reason).toBe('refresh_reuse');

    const audit = await auditRows('auth.refresh_reuse', 'and target_id = ?', [toGlobalId('Session', sid)]);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_type).toBe('Session');
    expect(audit[0]?.actor_id).toBe(await t.userId('agent@acme.test'));
    expect(audit[0]?.tenant_id).toBe(await t.tenantId('acme'));
  });

  it('a refresh token is refused when unknown, and works exactly once under concurrent use', async () => {
    expectError(await refresh(randomBytes(32).toString('base64url')), 'UNAUTHENTICATED');
    expectError(await refresh('short'), 'UNAUTHENTICATED');

    const { refreshToken } = await t.login('member@acme.test');
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    const ok = results.filter((r) => r.data?.refreshSession);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    for (const f of failed) expectError(f, 'UNAUTHENTICATED');
  });

  it('logout revokes only the current session', async () => {
    const kept = await t.login('admin@acme.test');
    const ended = await t.login('admin@acme.test');
    await expectTokenWorks(ended.accessToken, 'admin@acme.test');

    const res = await t.gql<{ logout: boolean }>(LOGOUT, {}, { token: ended.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.logout).toBe(true);

    await expectTokenRefused(ended.accessToken, 'SESSION_ENDED');
    expectError(await refresh(ended.refreshToken), 'UNAUTHENTICATED');
    expectError(await t.gql(LOGOUT, {}, { token: ended.accessToken }), 'UNAUTHENTICATED');
    await expectTokenWorks(kept.accessToken, 'admin@acme.test');

    const audit = await auditRows('auth.logout', 'and target_id = ?', [sessionGid(ended.accessToken)]);
    expect(audit).toHaveLength(1);
  });

  it('logout without a token answers UNAUTHENTICATED', async () => {
    expectError(await t.gql(LOGOUT), 'UNAUTHENTICATED');
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Access tokens
// ---------------------------------------------------------------------------------------------

describe('access tokens', () => {
  it('are HS256 JWTs with sub, sid, tid, gen, iss, aud, iat and a 900 s lifetime', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await loginRaw(t, 'viewer@acme.test', DEMO_PASSWORD);
    const payload = res.data?.login;
    if (!payload) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    const token = payload.accessToken;

    expect(token.split('.')).toHaveLength(3);
    expect(headerOf(token).alg).toBe('HS256');
    const claims = claimsOf(token);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'gen', 'iat', 'iss', 'sid', 'sub', 'tid']);
    expect(claims.gen).toBe(0);
    expect(claims.sub).toBe(await t.userId('viewer@acme.test'));
    expect(claims.tid).toBe(await t.tenantId('acme'));
    expect(claims.iss).toBe('atrium');
    expect(claims.aud).toBe('atrium-api');
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.iat).toBeGreaterThanOrEqual(before - 1);
    expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    expect(new Date(payload.accessTokenExpiresAt).getTime()).toBe(claims.exp * 1000);

    const sessions = await t.sql<{ user_id: string; tenant_id: string | null; revoked_at: Date | null }>(
      'select user_id, tenant_id, revoked_at from sessions where id = ?',
      [claims.sid],
    );
    expect(sessions).toEqual([{ user_id: claims.sub, tenant_id: claims.tid, revoked_at: null }]);
  });

  it('a correctly made token is accepted (control for the forgeries below)', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const forged = signHs256(claimsOf(accessToken), t.app.services.config.jwt.secret);
    await expectTokenWorks(forged, 'viewer@acme.test');
  });

  it('rejects a token signed with another secret', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    await expectTokenRefused(signHs256(claimsOf(accessToken), randomBytes(32).toString('hex')), 'INVALID');
    await expectTokenWorks(accessToken, 'viewer@acme.test');
  });

  it('rejects a token with alg "none"', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claimsOf(accessToken))}.`;
    await expectTokenRefused(unsigned, 'INVALID');
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const [header, , signature] = accessToken.split('.');
    const claims = { ...claimsOf(accessToken), sub: await t.userId('owner@acme.test') };
    await expectTokenRefused(`${header}.${b64url(claims)}.${signature}`, 'INVALID');
  });

  it('rejects garbage and malformed Authorization headers', async () => {
    await expectTokenRefused('garbage', 'INVALID');
    await expectTokenRefused('a.b.c', 'INVALID');
    for (const authorization of ['Bearer', 'Bearer not a token!', 'Basic dXNlcjpwYXNz']) {
      expectError(await t.gql<MeShort>(ME_SHORT, {}, { headers: { authorization } }), 'UNAUTHENTICATED');
      expectError(await t.gql('{ tickets(first: 1) { totalCount } }', {}, { headers: { authorization } }), 'UNAUTHENTICATED', 'INVALID');
    }
  });

  it('rejects tokens with the right secret but wrong audience, issuer, expiry or tenant', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const secret = t.app.services.config.jwt.secret;
    const claims = claimsOf(accessToken);
    const now = Math.floor(Date.now() / 1000);
    await expectTokenRefused(signHs256({ ...claims, aud: 'someone-else' }, secret), 'INVALID');
    await expectTokenRefused(signHs256({ ...claims, iss: 'someone-else' }, secret), 'INVALID');
    await expectTokenRefused(signHs256({ ...claims, iat: now - 1000, exp: now - 100 }, secret), 'EXPIRED');
    // A tenant the session is not acting in: the context checks the session, not just the claims.
    await expectTokenRefused(signHs256({ ...claims, tid: await t.tenantId('globex') }, secret), 'SESSION_ENDED');
  });

  it('a request without any token answers UNAUTHENTICATED on me', async () => {
    const res = await t.gql<MeShort>(ME_SHORT);
    expectError(res, 'UNAUTHENTICATED');
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Failed logins
// ---------------------------------------------------------------------------------------------

describe('failed logins', () => {
  it('passwords are stored only as argon2id hashes', async () => {
    const rows = await t.sql<{ email: string; password_hash: string }>('select email, password_hash from users');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('wrong password and unknown email answer identically, and each is audited', async () => {
    const unknown = `nobody-${randomBytes(4).toString('hex')}@acme.test`;
    const wrongPassword = await loginRaw(t, 'Owner@Acme.test', 'not-the-password');
    const unknownEmail = await loginRaw(t, unknown, DEMO_PASSWORD);

    expectError(wrongPassword, 'UNAUTHENTICATED');
    expectError(unknownEmail, 'UNAUTHENTICATED');
    expect(wrongPassword.data ?? null).toBeNull();
    expect(unknownEmail.data ?? null).toBeNull();
    expect(unknownEmail.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
    expect(unknownEmail.errors?.[0]?.extensions).toEqual(wrongPassword.errors?.[0]?.extensions);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(wrongPassword.errors?.[0]?.message).not.toMatch(/password is wrong|no such|not found|unknown/i);

    const knownRows = await auditRows('auth.login_failed', `and diff->>'email' = ?`, ['owner@acme.test']);
    expect(knownRows).toHaveLength(1);
    expect(knownRows[0]?.actor_id).toBe(await t.userId('owner@acme.test'));
    expect(knownRows[0]?.tenant_id).toBeNull();
    const unknownRows = await auditRows('auth.login_failed', `and diff->>'email' = ?`, [unknown]);
    expect(unknownRows).toHaveLength(1);
    expect(unknownRows[0]?.actor_id).toBeNull();

    // The account still works with the right password.
    await expectTokenWorks((await t.login('owner@acme.test')).accessToken, 'owner@acme.test');
  });

  it('an invalid email format answers BAD_USER_INPUT naming the email field', async () => {
    const res = await loginRaw(t, 'not-an-email', DEMO_PASSWORD);
    expectError(res, 'BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions.fields as { field: string; message: string }[] | undefined;
    expect(fields?.map((f) => f.field)).toContain('email');
    expect(await auditRows('auth.login_failed', `and diff->>'email' = ?`, ['not-an-email'])).toHaveLength(0);
  });

  describe('with LOGIN_MAX_FAILURES_PER_ACCOUNT=3', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
    });
    afterAll(async () => {
      await limited.close();
    });

    // The lock is per account and address (every request here comes from 127.0.0.1); from
    // elsewhere the owner is only slowed (login-limiter.test.ts).
    it('locks the account from this address after 3 failures, even for the right password, and only that account', async () => {
      // Below the limit, and a success clears the count.
      for (let i = 0; i < 2; i++) expectError(await loginRaw(limited, 'member@acme.test', 'wrong-password'), 'UNAUTHENTICATED');
      expect((await loginRaw(limited, 'member@acme.test', DEMO_PASSWORD)).data?.login.accessToken).toBeTruthy();

      for (let i = 0; i < 3; i++) {
        expectError(await loginRaw(limited, 'member@acme.test', 'wrong-password'), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
      }
      const blocked = await loginRaw(limited, 'member@acme.test', DEMO_PASSWORD);
      expectError(blocked, 'RATE_LIMITED');
      expect(blocked.data ?? null).toBeNull();
      expect(blocked.errors?.[0]?.extensions.retryAfterSeconds).toEqual(expect.any(Number));
      expect(blocked.errors?.[0]?.extensions.retryAfterSeconds).toBeGreaterThan(0);
      // Same account, different case: still the same account.
      expectError(await loginRaw(limited, 'MEMBER@acme.test', DEMO_PASSWORD), 'RATE_LIMITED');

      // Another account from the same address is unaffected.
      expect((await loginRaw(limited, 'viewer@acme.test', DEMO_PASSWORD)).data?.login.user.email).toBe('viewer@acme.test');
    });
  });

  describe('with LOGIN_MAX_FAILURES_PER_IP=4', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '4' } });
    });
    afterAll(async () => {
      await limited.close();
    });

    it('blocks an address that fails across many accounts, existing or not', async () => {
      const emails = ['nobody-1@acme.test', 'agent@acme.test', 'nobody-2@acme.test', 'viewer@acme.test'];
      for (const email of emails) expectError(await loginRaw(limited, email, 'wrong-password'), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
      // Every account is now refused from this address, even with the right password.
      expectError(await loginRaw(limited, 'owner@acme.test', DEMO_PASSWORD), 'RATE_LIMITED');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 4. mySessions and revokeSession
// ---------------------------------------------------------------------------------------------

describe('mySessions and revokeSession', () => {
  it('lists the caller\'s sessions, marking the one in use as current', async () => {
    const a = await t.login('owner@acme.test');
    const b = await t.login('owner@acme.test');
    const res = await t.gql<{ mySessions: { totalCount: number; nodes: SessionNode[] } }>(MY_SESSIONS, {}, { token: a.accessToken });
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.mySessions.nodes ?? [];
    const ids = nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([sessionGid(a.accessToken), sessionGid(b.accessToken)]));
    expect(nodes.filter((n) => n.current).map((n) => n.id)).toEqual([sessionGid(a.accessToken)]);
    expect(nodes.every((n) => n.revokedAt === null)).toBe(true);
    expect(res.data?.mySessions.totalCount).toBe(nodes.length);

    // Only the caller's own sessions.
    const ownerId = await t.userId('owner@acme.test');
    const rows = await t.sql<{ id: string }>('select id from sessions where user_id = ? and revoked_at is null', [ownerId]);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => toGlobalId('Session', r.id))));
  });

  it('revokeSession ends another of your sessions: its tokens stop working', async () => {
    const a = await t.login('owner@acme.test');
    const b = await t.login('owner@acme.test');
    const res = await t.gql<{ revokeSession: SessionNode }>(REVOKE, { id: sessionGid(b.accessToken) }, { token: a.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.revokeSession).toEqual({
      id: sessionGid(b.accessToken),
      current: false,
      revokedAt: expect.any(String),
      revokedReason: 'revoked_by_user',
    });

    await expectTokenRefused(b.accessToken, 'SESSION_ENDED');
    expectError(await refresh(b.refreshToken), 'UNAUTHENTICATED');
    await expectTokenWorks(a.accessToken, 'owner@acme.test');

    const list = await t.gql<{ mySessions: { nodes: SessionNode[] } }>(MY_SESSIONS, {}, { token: a.accessToken });
    const ids = list.data?.mySessions.nodes.map((n) => n.id) ?? [];
    expect(ids).toContain(sessionGid(a.accessToken));
    expect(ids).not.toContain(sessionGid(b.accessToken));

    expect(await auditRows('auth.session_revoked', 'and target_id = ?', [sessionGid(b.accessToken)])).toHaveLength(1);
  });

  it('covers the user\'s sessions in every tenant, not just the current one', async () => {
    const inGlobex = await t.login('owner@globex.test', 'globex');
    const inAcme = await t.login('owner@globex.test', 'acme');
    const list = await t.gql<{ mySessions: { nodes: SessionNode[] } }>(MY_SESSIONS, {}, { token: inAcme.accessToken });
    expect(list.errors).toBeUndefined();
    const ids = list.data?.mySessions.nodes.map((n) => n.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining([sessionGid(inGlobex.accessToken), sessionGid(inAcme.accessToken)]));

    const res = await t.gql<{ revokeSession: SessionNode }>(REVOKE, { id: sessionGid(inGlobex.accessToken) }, { token: inAcme.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.revokeSession.revokedReason).toBe('revoked_by_user');
    await expectTokenRefused(inGlobex.accessToken, 'SESSION_ENDED');
    await expectTokenWorks(inAcme.accessToken, 'owner@globex.test');
  });

  it('revokeSession with another user\'s session id answers NOT_FOUND and leaves it alone', async () => {
    const mine = await t.login('owner@acme.test');
    const theirs = await t.login('admin@acme.test');
    const res = await t.gql(REVOKE, { id: sessionGid(theirs.accessToken) }, { token: mine.accessToken });
    expectError(res, 'NOT_FOUND');
    await expectTokenWorks(theirs.accessToken, 'admin@acme.test');
    await expectTokenWorks(mine.accessToken, 'owner@acme.test');
  });

  it('revokeSession rejects ids of another type and requires a session', async () => {
    const mine = await t.login('owner@acme.test');
    const tenantGid = toGlobalId('Tenant', await t.tenantId('acme'));
    expectError(await t.gql(REVOKE, { id: tenantGid }, { token: mine.accessToken }), 'BAD_USER_INPUT');
    expectError(await t.gql(REVOKE, { id: sessionGid(mine.accessToken) }), 'UNAUTHENTICATED');
    expectError(await t.gql(MY_SESSIONS), 'UNAUTHENTICATED');
    await expectTokenWorks(mine.accessToken, 'owner@acme.test');
  });
});

// ---------------------------------------------------------------------------------------------
// 5. switchTenant and tenant choice at login
// ---------------------------------------------------------------------------------------------

describe('switchTenant', () => {
  interface MeMemberships {
    me: { tenant: { slug: string } | null; role: string; memberships: { tenant: { id: string; slug: string } }[] };
  }

  it('moves the session to another tenant of the user and ends the old tokens', async () => {
    const before = await t.login('owner@globex.test');
    const meBefore = await t.gql<MeMemberships>('{ me { tenant { slug } role memberships { tenant { id slug } } } }', {}, { token: before.accessToken });
    expect(meBefore.data?.me.tenant).toEqual({ slug: 'globex' });
    expect(meBefore.data?.me.role).toBe('owner');
    const acme = meBefore.data?.me.memberships.find((m) => m.tenant.slug === 'acme');
    expect(meBefore.data?.me.memberships.map((m) => m.tenant.slug).sort()).toEqual(['acme', 'globex']);
    if (!acme) throw new Error('owner@globex.test has no acme membership');

    const res = await t.gql<{ switchTenant: { accessToken: string; refreshToken: string; user: { email: string }; tenant: { id: string; slug: string } } }>(
      SWITCH,
      { tenantId: acme.tenant.id },
      { token: before.accessToken },
    );
    expect(res.errors).toBeUndefined();
    const after = res.data?.switchTenant;
    if (!after) throw new Error('switchTenant failed');
    expect(after.tenant).toEqual({ id: acme.tenant.id, slug: 'acme' });
    expect(claimsOf(after.accessToken).sid).toBe(claimsOf(before.accessToken).sid);
    expect(claimsOf(after.accessToken).tid).toBe(await t.tenantId('acme'));

    const meAfter = await t.gql<{ me: { tenant: { slug: string }; role: string; permissions: string[] } }>(
      '{ me { tenant { slug } role permissions } }',
      {},
      { token: after.accessToken },
    );
    expect(meAfter.errors).toBeUndefined();
    expect(meAfter.data?.me.tenant).toEqual({ slug: 'acme' });
    expect(meAfter.data?.me.role).toBe('member');
    expect(meAfter.data?.me.permissions).not.toContain('role:manage');

    // The pre-switch tokens no longer work; the new refresh token does, and stays in acme.
    await expectTokenRefused(before.accessToken, 'SESSION_ENDED');
    expectError(await refresh(before.refreshToken), 'UNAUTHENTICATED');
    const refreshed = await refresh(after.refreshToken);
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data?.refreshSession.tenant).toEqual({ slug: 'acme' });

    const audit = await auditRows('auth.switch_tenant', 'and target_id = ?', [sessionGid(before.accessToken)]);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.tenant_id).toBe(await t.tenantId('acme'));
  });

  it('switching back does not revive tokens issued before the first switch', async () => {
    const first = await t.login('owner@globex.test');
    const me = await t.gql<MeMemberships>('{ me { tenant { slug } role memberships { tenant { id slug } } } }', {}, { token: first.accessToken });
    const idOf = (slug: string) => me.data?.me.memberships.find((m) => m.tenant.slug === slug)?.tenant.id;
    const toAcme = await t.gql<{ switchTenant: { accessToken: string } }>(SWITCH, { tenantId: idOf('acme') }, { token: first.accessToken });
    const acmeToken = toAcme.data?.switchTenant.accessToken;
    if (!acmeToken) throw new Error('switch to acme failed');
    const back = await t.gql<{ switchTenant: { accessToken: string } }>(SWITCH, { tenantId: idOf('globex') }, { token: acmeToken });
    const backToken = back.data?.switchTenant.accessToken;
    if (!backToken) throw new Error('switch back to globex failed');

    // The session is in globex again, but only the newest token speaks for it.
    await expectTokenRefused(first.accessToken, 'SESSION_ENDED');
    await expectTokenRefused(acmeToken, 'SESSION_ENDED');
    const now = await t.gql<{ me: { tenant: { slug: string } } }>('{ me { tenant { slug } } }', {}, { token: backToken });
    expect(now.data?.me.tenant).toEqual({ slug: 'globex' });
    expect(claimsOf(backToken).gen).toBe(2);
  });

  it('switching to a tenant the user is not a member of answers NOT_FOUND and changes nothing', async () => {
    const agent = await t.login('agent@acme.test');
    const globexGid = toGlobalId('Tenant', await t.tenantId('globex'));
    const res = await t.gql(SWITCH, { tenantId: globexGid }, { token: agent.accessToken });
    expectError(res, 'NOT_FOUND');
    const after = await me(agent.accessToken);
    expect(after.data?.me).toEqual({ user: { email: 'agent@acme.test' }, tenant: { slug: 'acme' }, role: 'agent' });
  });

  it('switchTenant without a token answers UNAUTHENTICATED', async () => {
    const globexGid = toGlobalId('Tenant', await t.tenantId('globex'));
    expectError(await t.gql(SWITCH, { tenantId: globexGid }), 'UNAUTHENTICATED');
  });

  it('login with tenantSlug picks that tenant, and a tenant you are not in answers FORBIDDEN', async () => {
    const intoAcme = await loginRaw(t, 'owner@globex.test', DEMO_PASSWORD, 'acme');
    expect(intoAcme.data?.login.tenant).toEqual({ slug: 'acme' });
    const meAcme = await me(intoAcme.data?.login.accessToken ?? '');
    expect(meAcme.data?.me.role).toBe('member');

    const countSessions = async () =>
      (await t.sql<{ n: number }>('select count(*)::int as n from sessions where user_id = ?', [await t.userId('agent@acme.test')]))[0]?.n;
    const sessionsBefore = await countSessions();
    const res = await loginRaw(t, 'agent@acme.test', DEMO_PASSWORD, 'globex');
    expectError(res, 'FORBIDDEN');
    expect(res.data ?? null).toBeNull();
    expect(await countSessions()).toBe(sessionsBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. me: roles, permissions, feature flags
// ---------------------------------------------------------------------------------------------

describe('me', () => {
  interface MeDetails {
    me: {
      tenant: { slug: string } | null;
      role: string;
      staffRole: string | null;
      permissions: string[];
      featureFlags: { key: string; enabled: boolean; overridden: boolean }[];
      memberships: { id: string }[];
    };
  }
  const ME_DETAILS = '{ me { tenant { slug } role staffRole permissions featureFlags { key enabled overridden } memberships { id } } }';

  it('platform staff outside a tenant: no tenant, role superadmin, platform permissions', async () => {
    const { accessToken } = await t.login('staff@atrium.test');
    expect(claimsOf(accessToken).tid).toBeNull();
    const res = await t.gql<MeDetails>(ME_DETAILS, {}, { token: accessToken });
    expect(res.errors).toBeUndefined();
    const m = res.data?.me;
    expect(m?.tenant).toBeNull();
    expect(m?.role).toBe('superadmin');
    expect(m?.staffRole).toBe('SUPERADMIN');
    expect(m?.permissions).toContain('platform:ticket:read');
    expect(m?.permissions).not.toContain('ticket:read');
    expect(m?.permissions).toEqual([...(m?.permissions ?? [])].sort());
    expect(m?.memberships).toEqual([]);
  });

  it('a viewer has exactly the read permissions of the viewer role', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const res = await t.gql<MeDetails>(ME_DETAILS, {}, { token: accessToken });
    expect(res.data?.me.role).toBe('viewer');
    expect(res.data?.me.staffRole).toBeNull();
    expect(res.data?.me.permissions).toEqual(['dashboard:use', 'incident:read', 'member:read', 'run:read', 'ticket:read', 'tool:read']);
  });

  it('automation.beta is enabled for acme by override while its global default is false', async () => {
    const acmeUser = await t.login('member@acme.test');
    const acmeFlags = (await t.gql<MeDetails>(ME_DETAILS, {}, { token: acmeUser.accessToken })).data?.me.featureFlags ?? [];
    expect(acmeFlags).toContainEqual({ key: 'automation.beta', enabled: true, overridden: true });

    // Without the override (globex) the flag is off.
    const globexUser = await t.login('owner@globex.test', 'globex');
    const globexFlags = (await t.gql<MeDetails>(ME_DETAILS, {}, { token: globexUser.accessToken })).data?.me.featureFlags ?? [];
    expect(globexFlags).toContainEqual({ key: 'automation.beta', enabled: false, overridden: false });

    // The global default, as platform staff see it.
    const staff = await t.login('staff@atrium.test');
    const flags = await t.gql<{ featureFlags: { nodes: { key: string; defaultEnabled: boolean }[] } }>(
      '{ featureFlags(first: 100) { nodes { key defaultEnabled } } }',
      {},
      { token: staff.accessToken },
    );
    expect(flags.errors).toBeUndefined();
    expect(flags.data?.featureFlags.nodes).toContainEqual({ key: 'automation.beta', defaultEnabled: false });
  });
});

// ---------------------------------------------------------------------------------------------
// 7. HTTP routes and correlation ids
// ---------------------------------------------------------------------------------------------

describe('HTTP', () => {
  it('GET /api/me answers the same JSON as the GraphQL me', async () => {
    const { accessToken } = await t.login('agent@acme.test');
    const http = await getJson<Record<string, unknown>>('/api/me', { authorization: `Bearer ${accessToken}` });
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toMatch(/application\/json/);
    const graph = await t.gql<{ me: Record<string, unknown> }>(ME_HTTP_QUERY, {}, { token: accessToken });
    expect(graph.errors).toBeUndefined();
    expect(http.body).toEqual(graph.data?.me);
    expect(http.body).toMatchObject({ user: { email: 'agent@acme.test' }, tenant: { slug: 'acme' }, role: 'agent' });
    expect(http.body.permissions).toEqual([
      'correlation:read',
      'dashboard:use',
      'event:read',
      'incident:read',
      'member:read',
      'message:read',
      'message:write',
      'run:read',
      'run:write',
      'ticket:assign',
      'ticket:comment',
      'ticket:read',
      'ticket:write',
      'tool:read',
    ]);
  });

  it('GET /api/me without a token answers 401 UNAUTHENTICATED', async () => {
    const res = await getJson<HttpErrorBody>('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expectNoLeak(res.body);
  });

  it('GET /api/me with an ended session answers 401 UNAUTHENTICATED', async () => {
    const { accessToken } = await t.login('agent@acme.test');
    await t.gql(LOGOUT, {}, { token: accessToken });
    const res = await getJson<HttpErrorBody>('/api/me', { authorization: `Bearer ${accessToken}` });
    expect(res.status).toBe(401);
    expect(res.body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expectNoLeak(res.body);
  });

  it('GET /healthz is 200', async () => {
    const res = await getJson<{ status: string }>('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 with the database ok', async () => {
    const res = await getJson<{ status: string; database: string }>('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', database: 'ok' });
  });

  it('echoes a well-formed X-Correlation-Id and stores it on the audit row', async () => {
    const res = await loginRaw(t, 'viewer@acme.test', DEMO_PASSWORD, undefined, { 'X-Correlation-Id': 'test-corr-12345' });
    expect(res.errors).toBeUndefined();
    expect(res.headers.get('x-correlation-id')).toBe('test-corr-12345');
    const rows = await auditRows('auth.login', 'and target_id = ?', [sessionGid(res.data?.login.accessToken ?? '')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.correlation_id).toBe('test-corr-12345');

    const health = await getJson<{ status: string }>('/healthz', { 'X-Correlation-Id': 'test-corr-12345' });
    expect(health.headers.get('x-correlation-id')).toBe('test-corr-12345');
  });

  it('replaces a malformed X-Correlation-Id with a generated one', async () => {
    const res = await loginRaw(t, 'viewer@acme.test', DEMO_PASSWORD, undefined, { 'X-Correlation-Id': 'bad id!' });
    expect(res.errors).toBeUndefined();
    const echoed = res.headers.get('x-correlation-id');
    expect(echoed).not.toBe('bad id!');
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = await auditRows('auth.login', 'and target_id = ?', [sessionGid(res.data?.login.accessToken ?? '')]);
    expect(rows[0]?.correlation_id).toBe(echoed);

    // Without a header one is generated too, and each request gets its own.
    const a = await getJson<{ status: string }>('/healthz');
    const b = await getJson<{ status: string }>('/healthz');
    expect(a.headers.get('x-correlation-id')).toBeTruthy();
    expect(a.headers.get('x-correlation-id')).not.toBe(b.headers.get('x-correlation-id'));
  });
});

// ---------------------------------------------------------------------------------------------
// 8. Error hygiene
// ---------------------------------------------------------------------------------------------

describe('error hygiene', () => {
  it('a malformed GraphQL document answers BAD_USER_INPUT without a stack', async () => {
    const res = await t.gql('{ me { user { email } ', {});
    expect(res.status).toBe(400);
    expectError(res, 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED');
    expect(res.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
    expect(res.data ?? null).toBeNull();
  });

  it('a document that does not validate answers BAD_USER_INPUT without a stack', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const res = await t.gql('{ me { passwordHash } }', {}, { token: accessToken });
    expectError(res, 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});
