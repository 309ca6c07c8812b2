import { randomUUID } from 'node:crypto';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { toGlobalId } from '../../../common/global-id';
import { hashApiKeySecret } from '../api-key.secret';
import { MAX_LIVE_KEYS_PER_TENANT } from '../api-key.service';

/*
 * Managing API keys (create, list, revoke) through GraphQL on a real server and database:
 * the secret is shown once and stored only as its hash, the input is checked, the cap holds,
 * staff see (and revoke) every tenant's keys, and every change is audited.
 */

let t: TestApp;
const tokens: Record<string, string> = {};

const KEY_FIELDS = 'id name prefix permissions expiresAt lastUsedAt revokedAt status createdAt createdBy { email } tenant { slug }';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;
const LIST = `query($filter: ApiKeyFilter, $first: Int, $offset: Int) { apiKeys(first: $first, offset: $offset, filter: $filter) { totalCount nodes { ${KEY_FIELDS} } } }`;

function expectOk(res: GqlResponse): void {
  expect(res.errors).toBeUndefined();
}

async function create(token: string, input: Record<string, unknown>) {
  return t.gql<{ createApiKey: { secret: string; apiKey: Record<string, any> } }>(CREATE, { input }, { token });
}

beforeAll(async () => {
  t = await startTestApp();
  for (const email of ['owner@acme.test', 'admin@acme.test', 'agent@acme.test', 'owner@globex.test', 'staff@atrium.test']) {
    tokens[email] = (await t.login(email, email === 'owner@globex.test' ? 'globex' : undefined)).accessToken;
  }
});

afterAll(async () => {
  await t?.close();
});

describe('createApiKey', () => {
  it('answers the secret once, with a recognisable prefix, and stores only its SHA-256', async () => {
    const res = await create(tokens['admin@acme.test'], { name: '  ERP sync  ', permissions: ['ticket:write', 'ticket:read', 'ticket:read'] });
    expectOk(res);
    const { secret, apiKey } = res.data?.createApiKey ?? { secret: '', apiKey: {} };
    expect(secret).toMatch(/^atr_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'ERP sync',
      prefix: secret.slice(0, 12),
      permissions: ['ticket:read', 'ticket:write'],
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      status: 'ACTIVE',
      createdBy: { email: 'admin@acme.test' },
      tenant: { slug: 'acme' },
    });
    const [row] = await t.sql<Record<string, unknown>>('select * from api_keys where prefix = ?', [apiKey.prefix]);
    expect(row?.secret_hash).toBe(hashApiKeySecret(secret));
    // Nowhere in the row (nor in the audit trail) is the secret itself.
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const audit = await t.sql<{ diff: Record<string, unknown>; actor_id: string; api_key_id: string | null }>(
      "select diff, actor_id, api_key_id from audit_logs where action = 'apikey.created' and target_id = ?",
      [apiKey.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(await t.userId('admin@acme.test'));
    expect(audit[0]?.api_key_id).toBeNull();
    expect(JSON.stringify(audit[0]?.diff)).not.toContain(secret.slice(12));
    // Listing never shows it either.
    const list = await t.gql(LIST, {}, { token: tokens['admin@acme.test'] });
    expect(JSON.stringify(list)).not.toContain(secret.slice(12));
  });

  it('makes a different secret every time', async () => {
    const a = await create(tokens['owner@acme.test'], { name: 'a', permissions: ['ticket:read'] });
    const b = await create(tokens['owner@acme.test'], { name: 'b', permissions: ['ticket:read'] });
    expect(a.data?.createApiKey.secret).not.toBe(b.data?.createApiKey.secret);
    expect(a.data?.createApiKey.apiKey.prefix).not.toBe(b.data?.createApiKey.apiKey.prefix);
  });

  it('refuses a blank or overlong name, unknown or no permissions, and a past expiry, naming the field', async () => {
    const token = tokens['owner@acme.test'];
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ', permissions: ['ticket:read'] }, 'name'],
      [{ name: 'x'.repeat(101), permissions: ['ticket:read'] }, 'name'],
      [{ name: 'k', permissions: ['ticket:read', 'ticket:fly'] }, 'permissions'],
      [{ name: 'k', permissions: ['platform:user:read'] }, 'permissions'],
      [{ name: 'k', permissions: [] }, 'permissions'],
      [{ name: 'k', permissions: ['ticket:read'], expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt'],
    ];
    const before = await t.count('select count(*) as n from api_keys');
    for (const [input, field] of cases) {
      const res = await create(token, input);
      expect({ input, code: codeOf(res) }).toEqual({ input, code: 'BAD_USER_INPUT' });
      const fields = (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
      expect({ input, fields }).toEqual({ input, fields: expect.arrayContaining([expect.stringContaining(field)]) });
    }
    expect(await t.count('select count(*) as n from api_keys')).toBe(before);
  });

  it("refuses permissions beyond the creator's own (FORBIDDEN ESCALATION, with the field)", async () => {
    // An admin holds neither role:manage nor tenant:manage.
    const res = await create(tokens['admin@acme.test'], { name: 'too much', permissions: ['ticket:read', 'role:manage'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.extensions.reason).toBe('ESCALATION');
    expect(res.errors?.[0]?.extensions.fields).toEqual([{ field: 'permissions', message: expect.stringContaining('role:manage') }]);
  });

  it('keeps at most the cap of live keys per tenant; revoked and expired keys do not count', async () => {
    // globex starts without keys; fill it to the cap directly, some revoked or expired on top.
    const globex = await t.tenantId('globex');
    const owner = await t.userId('owner@globex.test');
    const add = (n: number, extra: string) =>
      t.sql(
        `insert into api_keys (id, tenant_id, name, prefix, secret_hash, permissions, created_by_id ${extra ? `, ${extra.split('=')[0]}` : ''})
         select gen_random_uuid(), ?, 'bulk ' || g, 'atr_bulk', md5(random()::text) || md5(random()::text), '{ticket:read}', ? ${extra ? `, ${extra.split('=')[1]}` : ''}
           from generate_series(1, ${n}) g`,
        [globex, owner],
      );
    await add(3, 'revoked_at=now()');
    await add(2, "expires_at=now() - interval '1 day'");
    await add(MAX_LIVE_KEYS_PER_TENANT - 1, '');
    const token = tokens['owner@globex.test'];
    const last = await create(token, { name: 'the last one', permissions: ['ticket:read'] });
    expectOk(last);
    const over = await create(token, { name: 'one too many', permissions: ['ticket:read'] });
    expect(codeOf(over)).toBe('CONFLICT');
    expect(over.errors?.[0]?.extensions).toMatchObject({ reason: 'API_KEY_LIMIT', limit: MAX_LIVE_KEYS_PER_TENANT });
    expect(over.errors?.[0]?.message).toMatch(/revoke/i);
    // Revoking one makes room again.
    expectOk(await t.gql(REVOKE, { id: last.data?.createApiKey.apiKey.id }, { token }));
    expectOk(await create(token, { name: 'room again', permissions: ['ticket:read'] }));
  });
});

describe('apiKeys and revokeApiKey', () => {
  it("lists the caller's tenant's keys only, newest first", async () => {
    const res = await t.gql<{ apiKeys: { totalCount: number; nodes: { tenant: { slug: string }; createdAt: string }[] } }>(LIST, { first: 100 }, { token: tokens['owner@acme.test'] });
    expectOk(res);
    const nodes = res.data?.apiKeys.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.tenant.slug === 'acme')).toBe(true);
    expect(res.data?.apiKeys.totalCount).toBe(await t.count("select count(*) as n from api_keys k join tenants t on t.id = k.tenant_id where t.slug = 'acme'"));
    const times = nodes.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('revokes a key (audited), and a second revoke changes nothing', async () => {
    const token = tokens['owner@acme.test'];
    const made = await create(token, { name: 'to revoke', permissions: ['ticket:read'] });
    const id = made.data?.createApiKey.apiKey.id as string;
    const res = await t.gql(REVOKE, { id }, { token });
    expectOk(res);
    expect(res.data?.revokeApiKey).toMatchObject({ id, status: 'REVOKED', revokedAt: expect.any(String) });
    const again = await t.gql(REVOKE, { id }, { token });
    expectOk(again);
    expect(again.data?.revokeApiKey.revokedAt).toBe(res.data?.revokeApiKey.revokedAt);
    expect(await t.count("select count(*) as n from audit_logs where action = 'apikey.revoked' and target_id = ?", [id])).toBe(1);
  });

  it("lets staff list every tenant's keys with their tenant, filter by tenant, and revoke (each audited)", async () => {
    const staff = tokens['staff@atrium.test'];
    const all = await t.gql<{ apiKeys: { totalCount: number; nodes: { tenant: { slug: string } }[] } }>(LIST, { first: 100 }, { token: staff });
    expectOk(all);
    expect(all.data?.apiKeys.totalCount).toBe(await t.count('select count(*) as n from api_keys'));
    expect(new Set(all.data?.apiKeys.nodes.map((n) => n.tenant.slug))).toEqual(new Set(['acme', 'globex']));
    const globex = toGlobalId('Tenant', await t.tenantId('globex'));
    const one = await t.gql<{ apiKeys: { totalCount: number; nodes: { id: string; tenant: { slug: string }; status: string }[] } }>(LIST, { first: 100, filter: { tenantId: globex } }, { token: staff });
    expectOk(one);
    expect(one.data?.apiKeys.nodes.every((n) => n.tenant.slug === 'globex')).toBe(true);
    expect(one.data?.apiKeys.totalCount).toBe(await t.count("select count(*) as n from api_keys k join tenants t on t.id = k.tenant_id where t.slug = 'globex'"));
    expect(await t.count("select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'apiKeys'")).toBe(2);

    const target = one.data?.apiKeys.nodes.find((n) => n.status === 'ACTIVE');
    const revoked = await t.gql(REVOKE, { id: target?.id }, { token: staff });
    expectOk(revoked);
    expect(revoked.data?.revokeApiKey.tenant.slug).toBe('globex');
    const [audit] = await t.sql<{ tenant_id: string; diff: { viaPlatform?: boolean } }>("select tenant_id, diff from audit_logs where action = 'apikey.revoked' and target_id = ?", [target?.id]);
    expect(audit?.tenant_id).toBe(await t.tenantId('globex'));
    expect(audit?.diff.viaPlatform).toBe(true);
  });

  it('filters by status as of now: active, revoked, expired, or any of several; cursor pages keep the filter', async () => {
    const token = tokens['admin@acme.test'];
    const made: Record<string, string> = {};
    for (const name of ['live', 'to revoke', 'to expire']) {
      const res = await create(token, { name: `status ${name}`, permissions: ['ticket:read'] });
      expectOk(res);
      made[name] = res.data?.createApiKey.apiKey.id;
    }
    expectOk(await t.gql(REVOKE, { id: made['to revoke'] }, { token }));
    // Expiry is checked at creation, so an already-past one is set in the database.
    await t.sql("update api_keys set expires_at = now() - interval '1 minute' where name = 'status to expire'");
    const names = async (status: string[]) => {
      const res = await t.gql<{ apiKeys: { totalCount: number; nodes: { name: string; status: string }[] } }>(LIST, { filter: { status } }, { token });
      expectOk(res);
      return res.data?.apiKeys.nodes.filter((n) => n.name.startsWith('status ')).map((n) => `${n.name}:${n.status}`).sort();
    };
    expect(await names(['ACTIVE'])).toEqual(['status live:ACTIVE']);
    expect(await names(['REVOKED'])).toEqual(['status to revoke:REVOKED']);
    expect(await names(['EXPIRED'])).toEqual(['status to expire:EXPIRED']);
    expect(await names(['EXPIRED', 'REVOKED'])).toEqual(['status to expire:EXPIRED', 'status to revoke:REVOKED']);
    // Every row the filter returns is in the asked state, page after page.
    const first = await t.gql<{ apiKeys: { nodes: { status: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      'query($after: String) { apiKeys(first: 1, after: $after, filter: { status: [ACTIVE] }) { nodes { status } pageInfo { endCursor hasNextPage } } }',
      {},
      { token },
    );
    expectOk(first);
    expect(first.data?.apiKeys.nodes.map((n) => n.status)).toEqual(['ACTIVE']);
    expect(codeOf(await t.gql(LIST, { filter: { status: ['GONE'] } }, { token }))).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an id that names no key', async () => {
    const res = await t.gql(REVOKE, { id: toGlobalId('ApiKey', randomUUID()) }, { token: tokens['owner@acme.test'] });
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
