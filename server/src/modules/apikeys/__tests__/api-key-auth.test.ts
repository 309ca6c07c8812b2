import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allow } from 'graphql-shield';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { toGlobalId } from '../../../common/global-id';
import { CLOSED_TO_API_KEYS } from '../../../permissions/api-key-gate';
import { isAuthenticated } from '../../../permissions/rules';
import { operationRules } from '../../../schema';
import { resetRefusalThrottle } from '../api-key.refusals';

/*
 * Calling the API with a key (`Authorization: Bearer atr_...`), end to end on a real server and
 * database: the key acts in its tenant only, with its permissions capped by its creator's current
 * role; revoked, expired and orphaned keys are UNAUTHENTICATED; staff and personal operations are
 * out of reach; each refused use is audited with the key as actor; and authenticating costs one
 * statement (plus the at-most-once-a-minute last-used update).
 */

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeKeySecret: string | undefined;

const CREATE = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix permissions createdBy { email } } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id status } }';
const TICKETS = 'query { tickets(first: 100) { totalCount nodes { id tenant { slug } } } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number tenant { slug } requester { email } } }';

interface Key {
  id: string;
  secret: string;
  dbId: string;
}

function expectOk(res: GqlResponse): void {
  expect(res.errors).toBeUndefined();
}

/** A key made through the API by the holder of `token`. */
async function makeKey(token: string, permissions: string[], extra: Record<string, unknown> = {}): Promise<Key> {
  const res = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(CREATE, { input: { name: `test ${randomUUID().slice(0, 8)}`, permissions, ...extra } }, { token });
  if (!res.data?.createApiKey) throw new Error(`createApiKey failed: ${JSON.stringify(res.errors)}`);
  const { secret, apiKey } = res.data.createApiKey;
  const [row] = await t.sql<{ id: string }>('select id from api_keys where prefix = ?', [secret.slice(0, 12)]);
  return { id: apiKey.id, secret, dbId: row?.id ?? '' };
}

/** A throwaway member of acme with `role`, signed in. */
async function throwawayMember(role: string): Promise<{ email: string; token: string; userId: string }> {
  const email = `keyholder-${randomUUID()}@example.test`;
  await t.sql("insert into users (id, email, name, password_hash) select gen_random_uuid(), ?, 'Key Holder', password_hash from users where email = 'viewer@acme.test'", [email]);
  await t.sql(
    "insert into memberships (id, tenant_id, user_id, role_id) select gen_random_uuid(), r.tenant_id, u.id, r.id from roles r join tenants t on t.id = r.tenant_id, users u where t.slug = 'acme' and r.name = ? and u.email = ?",
    [role, email],
  );
  return { email, token: (await t.login(email)).accessToken, userId: await t.userId(email) };
}

/** Waits until `probe` answers true (a detached write has landed), or fails after ~3 s. */
async function eventually(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for a detached write');
}

async function refusals(keyDbId: string): Promise<{ actor_id: string | null; api_key_id: string; tenant_id: string; diff: { reason: string; operation?: string } }[]> {
  return t.sql("select actor_id, api_key_id, tenant_id, diff from audit_logs where action = 'apikey.refused' and api_key_id = ? order by created_at", [keyDbId]);
}

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'admin@acme.test', 'owner@globex.test']) {
    tokens[email] = (await t.login(email, email === 'owner@globex.test' ? 'globex' : undefined)).accessToken;
  }
  // The key that calls as a tenant member in the isolation checks below.
  acmeKeySecret = (await makeKey(tokens['owner@acme.test'], ['apikey:manage', 'ticket:read'])).secret;
});

beforeEach(() => resetRefusalThrottle());

afterAll(async () => {
  await t?.close();
});

describe('a key acts in its tenant, within its permissions', () => {
  it('with ticket:read lists its tenant’s tickets only, and createTicket is FORBIDDEN (audited as a refused use)', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read']);
    const list = await t.gql<{ tickets: { totalCount: number; nodes: { tenant: { slug: string } }[] } }>(TICKETS, {}, { token: key.secret });
    expectOk(list);
    expect(list.data?.tickets.totalCount).toBe(await t.count("select count(*) as n from tickets k join tenants t on t.id = k.tenant_id where t.slug = 'acme'"));
    expect(list.data?.tickets.nodes.length).toBeGreaterThan(0);
    expect(list.data?.tickets.nodes.every((n) => n.tenant.slug === 'acme')).toBe(true);

    const before = await t.count('select count(*) as n from tickets');
    const write = await t.gql(CREATE_TICKET, { input: { subject: 'From a read-only key', body: 'Should not exist.' } }, { token: key.secret });
    expect(codeOf(write)).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.extensions.reason).toBe('MISSING_PERMISSION');
    expect(await t.count('select count(*) as n from tickets')).toBe(before);
    await eventually(async () => (await refusals(key.dbId)).length === 1);
    expect(await refusals(key.dbId)).toEqual([
      { actor_id: await t.userId('admin@acme.test'), api_key_id: key.dbId, tenant_id: await t.tenantId('acme'), diff: { reason: 'MISSING_PERMISSION', operation: 'Mutation.createTicket' } },
    ]);
  });

  it('refused by a service (an admin’s key inviting an owner: OWNER_ONLY) is audited as a refused use, once, under the field’s name', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['member:read', 'member:manage']);
    const [owner] = await t.sql<{ id: string }>("select r.id from roles r join tenants t on t.id = r.tenant_id where t.slug = 'acme' and r.name = 'owner'");
    const invite = 'mutation($input: InviteMemberInput!) { asAlias: inviteMember(input: $input) { id } }';
    const input = { email: `new-owner-${randomUUID()}@example.test`, roleId: toGlobalId('Role', owner?.id ?? '') };
    const res = await t.gql(invite, { input }, { token: key.secret });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.extensions.reason).toBe('OWNER_ONLY');
    expect(await t.count('select count(*) as n from invitations where email = ?', [input.email])).toBe(0);
    await eventually(async () => (await refusals(key.dbId)).length === 1);
    // Again within the minute: still one row.
    expect(codeOf(await t.gql(invite, { input }, { token: key.secret }))).toBe('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 200));
    expect(await refusals(key.dbId)).toEqual([
      { actor_id: await t.userId('admin@acme.test'), api_key_id: key.dbId, tenant_id: await t.tenantId('acme'), diff: { reason: 'OWNER_ONLY', operation: 'Mutation.inviteMember' } },
    ]);
  });

  it('with ticket:write creates a ticket in its tenant, authored by its creator, audited with the key as actor', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read', 'ticket:write']);
    const res = await t.gql<{ createTicket: { id: string; tenant: { slug: string }; requester: { email: string } } }>(
      CREATE_TICKET,
      { input: { subject: 'Opened by a partner key', body: 'Through the API.' } },
      { token: key.secret },
    );
    expectOk(res);
    expect(res.data?.createTicket).toMatchObject({ tenant: { slug: 'acme' }, requester: { email: 'admin@acme.test' } });
    const [audit] = await t.sql<{ actor_id: string; api_key_id: string }>("select actor_id, api_key_id from audit_logs where action = 'ticket.created' and target_id = ?", [res.data?.createTicket.id]);
    expect(audit).toEqual({ actor_id: await t.userId('admin@acme.test'), api_key_id: key.dbId });

    // The audit trail shows the key as the actor kind, with the member it acted for.
    const trail = await t.gql<{ auditLogs: { nodes: { actorKind: string; actor: { email: string }; apiKey: { id: string; prefix: string } }[] } }>(
      'query($id: String!) { auditLogs(first: 5, filter: { targetId: $id }) { nodes { actorKind actor { email } apiKey { id prefix } } } }',
      { id: res.data?.createTicket.id },
      { token: tokens['owner@acme.test'] },
    );
    expectOk(trail);
    expect(trail.data?.auditLogs.nodes).toEqual([{ actorKind: 'API_KEY', actor: { email: 'admin@acme.test' }, apiKey: { id: key.id, prefix: key.secret.slice(0, 12) } }]);
  });

  it('tells me who it acts for, in which tenant, with the key’s permissions only', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read', 'member:read']);
    const res = await t.gql('query { me { user { email } tenant { slug } role staffRole permissions memberships { tenant { slug } } apiKey { id } twoFactorEnrollmentRequired } }', {}, { token: key.secret });
    expectOk(res);
    expect(res.data?.me).toEqual({
      user: { email: 'admin@acme.test' },
      tenant: { slug: 'acme' },
      role: 'admin',
      staffRole: null,
      permissions: ['member:read', 'ticket:read'],
      memberships: [{ tenant: { slug: 'acme' } }],
      apiKey: { id: key.id },
      twoFactorEnrollmentRequired: false,
    });
  });

  it('is not held back by its tenant requiring two-factor sign-in (it is no sign-in)', async () => {
    const key = await makeKey(tokens['owner@globex.test'], ['ticket:read']);
    await t.sql("update tenants set require_two_factor = true where slug = 'globex'");
    try {
      const res = await t.gql(TICKETS, {}, { token: key.secret });
      expectOk(res);
    } finally {
      await t.sql("update tenants set require_two_factor = false where slug = 'globex'");
    }
  });
});

describe('keys that are refused', () => {
  it('answers UNAUTHENTICATED API_KEY_REVOKED once revoked (audited, at most once a minute per reason)', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read']);
    expectOk(await t.gql(TICKETS, {}, { token: key.secret }));
    expectOk(await t.gql(REVOKE, { id: key.id }, { token: tokens['admin@acme.test'] }));
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(TICKETS, {}, { token: key.secret });
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.extensions.reason).toBe('API_KEY_REVOKED');
      expect(res.errors?.[0]?.message).toMatch(/revoked/);
      expect(res.data?.tickets ?? null).toBeNull();
    }
    await eventually(async () => (await refusals(key.dbId)).length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await refusals(key.dbId)).toEqual([{ actor_id: await t.userId('admin@acme.test'), api_key_id: key.dbId, tenant_id: await t.tenantId('acme'), diff: { reason: 'API_KEY_REVOKED' } }]);
  });

  it('answers UNAUTHENTICATED API_KEY_EXPIRED once past its expiry (audited)', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read'], { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expectOk(await t.gql(TICKETS, {}, { token: key.secret }));
    await t.sql("update api_keys set expires_at = now() - interval '1 second' where id = ?", [key.dbId]);
    const res = await t.gql(TICKETS, {}, { token: key.secret });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.extensions.reason).toBe('API_KEY_EXPIRED');
    await eventually(async () => (await refusals(key.dbId)).length === 1);
    expect((await refusals(key.dbId))[0]?.diff).toEqual({ reason: 'API_KEY_EXPIRED' });
  });

  it('answers UNAUTHENTICATED API_KEY_INVALID for an unknown or malformed atr_ key, and never falls back to anonymous', async () => {
    const auditRows = await t.count('select count(*) as n from audit_logs');
    for (const secret of [`atr_${'A'.repeat(43)}`, 'atr_short', `atr_${'A'.repeat(44)}`]) {
      for (const query of [TICKETS, 'query { me { role } }']) {
        const res = await t.gql(query, {}, { token: secret });
        expect({ secret, code: codeOf(res), reason: res.errors?.[0]?.extensions.reason }).toEqual({ secret, code: 'UNAUTHENTICATED', reason: 'API_KEY_INVALID' });
      }
    }
    // No key, nothing to audit against.
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.count('select count(*) as n from audit_logs')).toBe(auditRows);
  });
});

describe("keys are capped by their creator's current role", () => {
  it('loses a permission the moment its creator’s role does, and stops working once the creator leaves or is deactivated', async () => {
    const holder = await throwawayMember('admin');
    const key = await makeKey(holder.token, ['ticket:read', 'ticket:write']);
    const input = { input: { subject: 'Written through a key', body: 'Still allowed?' } };
    expectOk(await t.gql(CREATE_TICKET, input, { token: key.secret }));

    // The owner makes the creator a viewer: ticket:write is gone from the key too, reading is not.
    const [membership] = await t.sql<{ id: string }>('select id from memberships where user_id = ?', [holder.userId]);
    const [viewer] = await t.sql<{ id: string }>("select r.id from roles r join tenants t on t.id = r.tenant_id where t.slug = 'acme' and r.name = 'viewer'");
    expectOk(
      await t.gql('mutation($input: UpdateMembershipRoleInput!) { updateMembershipRole(input: $input) { id } }', { input: { membershipId: toGlobalId('Membership', membership?.id ?? ''), roleId: toGlobalId('Role', viewer?.id ?? '') } }, { token: tokens['owner@acme.test'] }),
    );
    const write = await t.gql(CREATE_TICKET, input, { token: key.secret });
    expect(codeOf(write)).toBe('FORBIDDEN');
    const me = await t.gql<{ me: { permissions: string[]; role: string } }>('query { me { role permissions } }', {}, { token: key.secret });
    expect(me.data?.me).toEqual({ role: 'viewer', permissions: ['ticket:read'] });
    expectOk(await t.gql(TICKETS, {}, { token: key.secret }));

    // Deactivated: the key acts for nobody.
    await t.sql('update users set disabled_at = now() where id = ?', [holder.userId]);
    const disabled = await t.gql(TICKETS, {}, { token: key.secret });
    expect({ code: codeOf(disabled), reason: disabled.errors?.[0]?.extensions.reason }).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_CREATOR_INACTIVE' });
    await t.sql('update users set disabled_at = null where id = ?', [holder.userId]);
    expectOk(await t.gql(TICKETS, {}, { token: key.secret }));

    // Removed from the tenant: the same.
    expectOk(await t.gql('mutation($id: ID!) { removeMember(membershipId: $id) { id } }', { id: toGlobalId('Membership', membership?.id ?? '') }, { token: tokens['owner@acme.test'] }));
    const removed = await t.gql(TICKETS, {}, { token: key.secret });
    expect({ code: codeOf(removed), reason: removed.errors?.[0]?.extensions.reason }).toEqual({ code: 'UNAUTHENTICATED', reason: 'API_KEY_CREATOR_INACTIVE' });
  });
});

describe('what a key can never reach', () => {
  let ownerKey: Key;
  beforeAll(async () => {
    // Every permission the owner holds.
    const me = await t.gql<{ me: { permissions: string[] } }>('query { me { permissions } }', {}, { token: tokens['owner@acme.test'] });
    ownerKey = await makeKey(tokens['owner@acme.test'], me.data?.me.permissions ?? []);
  });

  it('holds no staff permission, and staff operations (tenants, users, featureFlags, createTenant) are FORBIDDEN', async () => {
    const me = await t.gql<{ me: { permissions: string[] } }>('query { me { permissions } }', {}, { token: ownerKey.secret });
    expect(me.data?.me.permissions.filter((p) => p.startsWith('platform:'))).toEqual([]);
    for (const query of [
      'query { tenants(first: 1) { totalCount } }',
      'query { users(first: 1) { totalCount } }',
      'query { featureFlags(first: 1) { totalCount } }',
      'mutation { createTenant(input: { name: "Evil", slug: "evil", ownerEmail: "evil@example.test" }) { tenant { id } } }',
    ]) {
      const res = await t.gql(query, {}, { token: ownerKey.secret });
      expect({ query, code: codeOf(res) }).toEqual({ query, code: 'FORBIDDEN' });
    }
    // A staff list filtered to another tenant still shows only the key's own tenant.
    const globex = toGlobalId('Tenant', await t.tenantId('globex'));
    const keys = await t.gql<{ apiKeys: { nodes: { tenant: { slug: string } }[] } }>('query($f: ApiKeyFilter) { apiKeys(first: 100, filter: $f) { nodes { tenant { slug } } } }', { f: { tenantId: globex } }, { token: ownerKey.secret });
    expectOk(keys);
    expect(keys.data?.apiKeys.nodes).toEqual([]);
  });

  it('is refused every operation on a person’s own account or session (FORBIDDEN API_KEY_NOT_ALLOWED, audited)', async () => {
    const documents: Record<string, string> = {
      mySessions: 'query { mySessions(first: 1) { totalCount } }',
      login: 'mutation { login(input: { email: "owner@acme.test", password: "atrium-demo" }) { accessToken } }',
      refreshSession: 'mutation { refreshSession(refreshToken: "x") { accessToken } }',
      logout: 'mutation { logout }',
      switchTenant: `mutation { switchTenant(tenantId: "${toGlobalId('Tenant', randomUUID())}") { accessToken } }`,
      revokeSession: `mutation { revokeSession(id: "${toGlobalId('Session', randomUUID())}") { id } }`,
      changePassword: 'mutation { changePassword(input: { currentPassword: "atrium-demo", newPassword: "a-new-long-passphrase" }) }',
      requestPasswordReset: 'mutation { requestPasswordReset(email: "owner@acme.test") }',
      resetPassword: `mutation { resetPassword(input: { token: "${'m'.repeat(43)}", newPassword: "a-new-long-passphrase" }) }`,
      beginTotpEnrollment: 'mutation { beginTotpEnrollment { secret } }',
      confirmTotpEnrollment: 'mutation { confirmTotpEnrollment(code: "123456") }',
      disableTotp: 'mutation { disableTotp(code: "123456") }',
      leaveTenant: 'mutation { leaveTenant }',
      acceptInvitation: `mutation { acceptInvitation(input: { token: "${'m'.repeat(43)}" }) { accessToken } }`,
      notifications: 'query { notifications(first: 1) { totalCount } }',
      unreadNotificationCount: 'query { unreadNotificationCount }',
      notificationPreferences: 'query { notificationPreferences { kind } }',
      markNotificationRead: `mutation { markNotificationRead(id: "${toGlobalId('Notification', randomUUID())}") { id } }`,
      markAllNotificationsRead: 'mutation { markAllNotificationsRead }',
      updateNotificationPreference: 'mutation { updateNotificationPreference(input: { kind: TICKET_REPLY, inApp: true, email: true }) { kind } }',
    };
    expect(Object.keys(documents).sort()).toEqual([...CLOSED_TO_API_KEYS.Query, ...CLOSED_TO_API_KEYS.Mutation].sort());
    for (const [field, query] of Object.entries(documents)) {
      const res = await t.gql(query, {}, { token: ownerKey.secret });
      const detail = `${field}: ${JSON.stringify(res.errors)}`;
      expect({ detail, code: codeOf(res), reason: res.errors?.[0]?.extensions.reason, path: res.errors?.[0]?.path }).toEqual({ detail, code: 'FORBIDDEN', reason: 'API_KEY_NOT_ALLOWED', path: [field] });
    }
    // The owner's membership and password are untouched, and each refusal left a row (distinct
    // reasons are throttled separately; this one is the same reason each time, so one row).
    expectOk(await t.gql('query { me { role } }', {}, { token: tokens['owner@acme.test'] }));
    await eventually(async () => (await refusals(ownerKey.dbId)).some((r) => r.diff.reason === 'API_KEY_NOT_ALLOWED'));
    expect((await refusals(ownerKey.dbId)).filter((r) => r.diff.reason === 'API_KEY_NOT_ALLOWED')).toHaveLength(1);
  });

  it('leaves every operation open to all signed-in callers sorted: closed to keys, or open on purpose', () => {
    // Operations any signed-in caller (or anyone) may call act on the caller's own account unless
    // they only read shared things. Each is decided; a new one fails here until it is.
    // tenantPermissions: the permission catalog, the same for everyone (a partner may list it too).
    const OPEN_TO_KEYS = ['me', 'node', 'nodes', 'tenant', 'tools', 'tool', 'invitationPreview', 'tenantPermissions'];
    const rules = operationRules();
    const open = (['Query', 'Mutation'] as const).flatMap((root) => Object.entries(rules[root]).filter(([, r]) => r === isAuthenticated || r === allow).map(([f]) => f));
    expect(open.sort()).toEqual([...OPEN_TO_KEYS, ...CLOSED_TO_API_KEYS.Query, ...CLOSED_TO_API_KEYS.Mutation].sort());
  });

  it('cannot read its creator’s sessions through node either', async () => {
    const [session] = await t.sql<{ id: string }>("select s.id from sessions s join users u on u.id = s.user_id where u.email = 'owner@acme.test' and s.revoked_at is null limit 1");
    const res = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Session', session?.id ?? '') }, { token: ownerKey.secret });
    expect(res.data?.node ?? null).toBeNull();
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codeOf(res));
  });
});

describe('a key creating keys', () => {
  it('needs apikey:manage in its own permissions', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read']);
    const res = await t.gql(CREATE, { input: { name: 'child', permissions: ['ticket:read'] } }, { token: key.secret });
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it("gives the new key only permissions of the calling key (and so of its creator's role), for the same creator; audited with the key", async () => {
    const parent = await makeKey(tokens['admin@acme.test'], ['apikey:manage', 'ticket:read']);
    const beyondKey = await t.gql(CREATE, { input: { name: 'child', permissions: ['ticket:read', 'ticket:write'] } }, { token: parent.secret });
    expect({ code: codeOf(beyondKey), reason: beyondKey.errors?.[0]?.extensions.reason }).toEqual({ code: 'FORBIDDEN', reason: 'ESCALATION' });
    const beyondRole = await t.gql(CREATE, { input: { name: 'child', permissions: ['role:manage'] } }, { token: parent.secret });
    expect(codeOf(beyondRole)).toBe('FORBIDDEN');

    const child = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string; permissions: string[]; createdBy: { email: string } } } }>(
      CREATE,
      { input: { name: 'child', permissions: ['ticket:read'] } },
      { token: parent.secret },
    );
    expectOk(child);
    expect(child.data?.createApiKey.apiKey).toMatchObject({ permissions: ['ticket:read'], createdBy: { email: 'admin@acme.test' } });
    const [created] = await t.sql<{ actor_id: string; api_key_id: string }>("select actor_id, api_key_id from audit_logs where action = 'apikey.created' and target_id = ?", [child.data?.createApiKey.apiKey.id]);
    expect(created).toEqual({ actor_id: await t.userId('admin@acme.test'), api_key_id: parent.dbId });

    // And revokes it, audited with the key as actor.
    expectOk(await t.gql(REVOKE, { id: child.data?.createApiKey.apiKey.id }, { token: parent.secret }));
    const [revoked] = await t.sql<{ actor_id: string; api_key_id: string }>("select actor_id, api_key_id from audit_logs where action = 'apikey.revoked' and target_id = ?", [child.data?.createApiKey.apiKey.id]);
    expect(revoked).toEqual({ actor_id: await t.userId('admin@acme.test'), api_key_id: parent.dbId });
    const refusedUses = await refusals(parent.dbId);
    await eventually(async () => (await refusals(parent.dbId)).some((r) => r.diff.reason === 'ESCALATION'));
    expect(refusedUses.every((r) => r.api_key_id === parent.dbId)).toBe(true);
  });
});

describe('what authenticating with a key costs', () => {
  it('sends one look-up statement and at most the last-used update, where a session sends its one look-up', async () => {
    const key = await makeKey(tokens['admin@acme.test'], ['ticket:read']);
    const query = 'query { tickets(first: 5) { nodes { id } } }';
    const bySession = await t.countQueries(() => t.gql(query, {}, { token: tokens['admin@acme.test'] }));
    expect(bySession.sql.filter((s) => /\bapi_keys\b/.test(s))).toEqual([]);
    expect(bySession.sql.filter((s) => /\bfrom sessions\b/.test(s))).toHaveLength(1);

    // First use: the look-up, and the last-used update (detached; waited for here).
    const first = await t.countQueries(async () => {
      await t.gql(query, {}, { token: key.secret });
      await eventually(async () => (await t.count('select count(*) as n from api_keys where id = ? and last_used_at is not null', [key.dbId])) === 1);
    });
    const keyStatements = first.sql.filter((s) => /\bapi_keys\b/.test(s) && !s.includes('count(*) as n'));
    expect(keyStatements).toHaveLength(2);
    expect(keyStatements[0]).toMatch(/^select [\s\S]*\bfrom api_keys k\s[\s\S]*left join memberships[\s\S]*left join roles/);
    expect(keyStatements[1]).toMatch(/^update "api_keys"/);
    expect(first.sql.filter((s) => /\bfrom sessions\b/.test(s))).toEqual([]);

    // Within the minute: the look-up alone, as many statements in all as the session's request.
    const again = await t.countQueries(() => t.gql(query, {}, { token: key.secret }));
    expect(again.sql.filter((s) => /\bapi_keys\b/.test(s))).toHaveLength(1);
    expect(again.count).toBe(bySession.count);
    // Written once, by the first use of the minute.
    expect(await t.count("select count(*) as n from api_keys where id = ? and last_used_at > now() - interval '1 minute'", [key.dbId])).toBe(1);
  });
});

describe('POST /api/messages with a key', () => {
  it('accepts a key holding message:write and opens the ticket in its tenant; refuses one without, and a revoked one (401)', async () => {
    const post = (secret: string) =>
      fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ channel: 'EMAIL', sender: 'jane@customer.example', subject: 'Sent by a partner', payload: { text: 'Pushed with an API key.' } }),
      });
    // A message that opens a ticket needs ticket:write as well (as for a person).
    const writer = await makeKey(tokens['admin@acme.test'], ['message:write', 'ticket:write']);
    const res = await post(writer.secret);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; ticket: { id: string } | null };
    expect(body.ticket).not.toBeNull();
    // The owner of acme reads it: it is acme's.
    const ticket = await t.gql('query($id: ID!) { ticket(id: $id) { tenant { slug } } }', { id: body.ticket?.id }, { token: tokens['owner@acme.test'] });
    expectOk(ticket);
    expect(ticket.data?.ticket.tenant.slug).toBe('acme');

    const reader = await makeKey(tokens['admin@acme.test'], ['ticket:read']);
    const refused = await post(reader.secret);
    expect(refused.status).toBe(403);
    // A route's refusal is a refused use too.
    await eventually(async () => (await refusals(reader.dbId)).length === 1);
    expect((await refusals(reader.dbId))[0]?.diff).toEqual({ reason: 'MISSING_PERMISSION', operation: 'HTTP route' });
    const revoked = await makeKey(tokens['admin@acme.test'], ['message:write']);
    expectOk(await t.gql(REVOKE, { id: revoked.id }, { token: tokens['admin@acme.test'] }));
    const gone = await post(revoked.secret);
    expect(gone.status).toBe(401);
    expect(((await gone.json()) as { reason?: string }).reason).toBe('API_KEY_REVOKED');
  });
});

describe('GET /api/schema.graphql', () => {
  it('serves the SDL, the same as the committed schema.graphql, to anyone', async () => {
    const res = await fetch(`${t.url}/api/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toBe(readFileSync(resolve(__dirname, '..', '..', '..', '..', '..', 'schema.graphql'), 'utf8'));
    expect(text).toContain('type ApiKey implements Node');
    const post = await fetch(`${t.url}/api/schema.graphql`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

// Another tenant's keys, through every path, as a member and as a key of acme.
describeCrossTenant('API keys', {
  app: () => t,
  as: ['owner@acme.test', { label: 'an acme key with apikey:manage', token: () => acmeKeySecret }],
  foreign: async (app) => {
    const globexOwner = (await app.login('owner@globex.test', 'globex')).accessToken;
    const key = await makeKey(globexOwner, ['ticket:read']);
    return { key: key.id, keyDbId: key.dbId };
  },
  own: async ({ t: app, token }) => {
    const res = await app.gql<{ createApiKey: { apiKey: { id: string } } }>(CREATE, { input: { name: 'own', permissions: ['ticket:read'] } }, { token });
    return { key: res.data?.createApiKey.apiKey.id ?? '' };
  },
  unchanged: async (c) => t.sql('select id, revoked_at, name, last_used_at from api_keys where id = ?', [c.foreign.keyDbId]),
  reads: [
    { name: 'node(id)', query: 'query($id: ID!) { node(id: $id) { id ... on ApiKey { name } } }', variables: (c) => ({ id: c.foreign.key }), expect: 'NOT_FOUND', control: { variables: (c) => ({ id: c.own.key }) } },
    { name: 'nodes(ids)', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: (c) => ({ ids: [c.own.key, c.foreign.key] }), expect: { nodes: (c) => [c.own.key, null] } },
    {
      name: 'apiKeys',
      query: 'query { apiKeys(first: 100) { totalCount nodes { id tenant { slug } } } }',
      expect: { ownOnly: { tenant: 'acme', excludes: (c) => [c.foreign.key], nonEmpty: true } },
    },
  ],
  writes: [
    {
      name: 'revokeApiKey',
      mutation: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      variables: (c) => ({ id: c.foreign.key }),
      likeMissing: () => ({ id: toGlobalId('ApiKey', randomUUID()) }),
      control: { variables: (c) => ({ id: c.own.key }) },
    },
  ],
});
