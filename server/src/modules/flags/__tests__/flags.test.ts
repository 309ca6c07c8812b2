import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';

let t: TestApp;
const tokens: Record<string, string> = {};

async function flagId(key: string): Promise<string> {
  const rows = await t.sql<{ id: string }>('select id from feature_flags where key = ?', [key]);
  if (!rows[0]) throw new Error(`no flag ${key}`);
  return rows[0].id;
}

const auditCount = () => t.count('select count(*) as n from audit_logs');

interface AuditRow {
  action: string;
  tenant_id: string | null;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  diff: unknown;
  correlation_id: string | null;
  xmin: string;
}

/** Audit rows of one action about one flag, oldest first. */
function flagAudits(action: string, flagGid: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>(
    'select action, tenant_id, actor_id, target_type, target_id, diff, correlation_id, xmin::text as xmin from audit_logs where action = ? and target_id = ? order by created_at, id',
    [action, flagGid],
  );
}

const FLAGS = `query($first: Int) {
  featureFlags(first: $first) {
    totalCount
    nodes { id key description defaultEnabled overrides { enabled tenant { slug } } }
  }
}`;
const SET = 'mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { id key description defaultEnabled } }';
const OVERRIDE = `mutation($input: SetFeatureFlagOverrideInput!) {
  setFeatureFlagOverride(input: $input) { id key defaultEnabled overrides { enabled tenant { slug } } }
}`;
const ME_FLAGS = 'query { me { tenant { slug } featureFlags { key enabled overridden } } }';

interface Evaluated {
  key: string;
  enabled: boolean;
  overridden: boolean;
}

/** The caller's evaluated flags, by key; also checks the session acts in the expected tenant. */
async function meFlags(email: string, slug: string | null): Promise<Record<string, Omit<Evaluated, 'key'>>> {
  const res = await t.gql<{ me: { tenant: { slug: string } | null; featureFlags: Evaluated[] } }>(ME_FLAGS, {}, { token: tokens[email] });
  expect(res.errors).toBeUndefined();
  expect(res.data?.me.tenant?.slug ?? null).toBe(slug);
  const flags = res.data?.me.featureFlags ?? [];
  // Every flag appears once, sorted by key.
  expect(flags.map((f) => f.key)).toEqual([...flags.map((f) => f.key)].sort());
  expect(new Set(flags.map((f) => f.key)).size).toBe(flags.length);
  return Object.fromEntries(flags.map(({ key, ...rest }) => [key, rest]));
}

/** Every flag key and, when the session is in a tenant, the evaluation the database implies. */
async function expectedFlags(slug: string): Promise<Record<string, Omit<Evaluated, 'key'>>> {
  const rows = await t.sql<{ key: string; default_enabled: boolean; enabled: boolean | null }>(
    `select f.key, f.default_enabled, o.enabled
       from feature_flags f
       left join feature_flag_overrides o on o.flag_id = f.id and o.tenant_id = (select id from tenants where slug = ?)`,
    [slug],
  );
  return Object.fromEntries(rows.map((r) => [r.key, { enabled: r.enabled ?? r.default_enabled, overridden: r.enabled !== null }]));
}

function fieldsOf(res: GqlResponse): string[] {
  const fields = (res.errors?.[0]?.extensions.fields ?? []) as { field: string }[];
  return fields.map((f) => f.field);
}

beforeAll(async () => {
  t = await startTestApp();
  tokens['staff@atrium.test'] = (await t.login('staff@atrium.test')).accessToken;
  tokens['owner@acme.test'] = (await t.login('owner@acme.test', 'acme')).accessToken;
  tokens['member@acme.test'] = (await t.login('member@acme.test', 'acme')).accessToken;
  tokens['owner@globex.test'] = (await t.login('owner@globex.test', 'globex')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

/* ------------------------------------------------------------------ */
/* 1. featureFlags                                                     */
/* ------------------------------------------------------------------ */

describe('featureFlags (staff list)', () => {
  it('staff see the three seeded flags with their defaults and per-tenant overrides', async () => {
    const res = await t.gql<{ featureFlags: { totalCount: number; nodes: { id: string; key: string; description: string; defaultEnabled: boolean; overrides: { enabled: boolean; tenant: { slug: string } }[] }[] } }>(
      FLAGS,
      { first: 100 },
      { token: tokens['staff@atrium.test'] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.featureFlags.totalCount).toBe(3);
    const byKey = Object.fromEntries((res.data?.featureFlags.nodes ?? []).map((n) => [n.key, n]));
    expect(Object.keys(byKey).sort()).toEqual(['automation.beta', 'portal.command-palette', 'tickets.satisfaction-survey']);
    expect(byKey['portal.command-palette']).toMatchObject({ defaultEnabled: true, overrides: [] });
    expect(byKey['tickets.satisfaction-survey']).toMatchObject({ defaultEnabled: false, overrides: [] });
    expect(byKey['automation.beta']).toMatchObject({ defaultEnabled: false, overrides: [{ enabled: true, tenant: { slug: 'acme' } }] });
    expect(byKey['automation.beta']?.description).toBe('Early access to automation runs.');
    // Ids are the flags' own global ids.
    for (const [key, node] of Object.entries(byKey)) expect(node.id).toBe(toGlobalId('FeatureFlag', await flagId(key)));
  });

  it('pages through the flags by cursor in creation order', async () => {
    const dbOrder = await t.sql<{ id: string }>('select id from feature_flags order by created_at, id');
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res: GqlResponse<{ featureFlags: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> = await t.gql(
        'query($after: String) { featureFlags(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
        { token: tokens['staff@atrium.test'] },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...(res.data?.featureFlags.nodes.map((n) => n.id) ?? []));
      if (!res.data?.featureFlags.pageInfo.hasNextPage) break;
      after = res.data.featureFlags.pageInfo.endCursor;
    }
    expect(seen).toEqual(dbOrder.map((r) => toGlobalId('FeatureFlag', r.id)));
  });

  it('staff outside a tenant see every flag at its global default, none overridden', async () => {
    expect(await meFlags('staff@atrium.test', null)).toEqual({
      'automation.beta': { enabled: false, overridden: false },
      'portal.command-palette': { enabled: true, overridden: false },
      'tickets.satisfaction-survey': { enabled: false, overridden: false },
    });
  });

  it('a tenant owner gets FORBIDDEN and no data; anonymous gets UNAUTHENTICATED', async () => {
    const res = await t.gql(FLAGS, { first: 100 }, { token: tokens['owner@acme.test'] });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.data?.featureFlags ?? null).toBeNull();
    const anon = await t.gql(FLAGS, { first: 100 });
    expect(codeOf(anon)).toBe('UNAUTHENTICATED');
    expect(anon.data?.featureFlags ?? null).toBeNull();
  });
});

/* ------------------------------------------------------------------ */
/* 2. setFeatureFlag                                                   */
/* ------------------------------------------------------------------ */

describe('setFeatureFlag', () => {
  const KEY = 'reports.export-v2';
  let gid: string;

  it('creates a flag, audited as flag.created with no tenant and the staff actor, in the same transaction', async () => {
    const staffId = await t.userId('staff@atrium.test');
    const res = await t.gql(
      SET,
      { input: { key: KEY, description: 'New export pipeline.', defaultEnabled: true } },
      { token: tokens['staff@atrium.test'], headers: { 'X-Correlation-Id': 'flags-create-0001' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.setFeatureFlag).toMatchObject({ key: KEY, description: 'New export pipeline.', defaultEnabled: true });
    gid = res.data?.setFeatureFlag.id;
    const { type, id } = fromGlobalId(gid);
    expect(type).toBe('FeatureFlag');

    const rows = await t.sql<{ key: string; description: string; default_enabled: boolean; xmin: string }>(
      'select key, description, default_enabled, xmin::text as xmin from feature_flags where id = ?',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: KEY, description: 'New export pipeline.', default_enabled: true });

    const audits = await flagAudits('flag.created', gid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ tenant_id: null, actor_id: staffId, target_type: 'FeatureFlag', target_id: gid, correlation_id: 'flags-create-0001' });
    expect(audits[0]?.diff).toEqual({ before: null, after: { defaultEnabled: true, description: 'New export pipeline.' } });
    expect(audits[0]?.xmin).toBe(rows[0]?.xmin);
    expect(await t.count("select count(*) as n from audit_logs where action = 'flag.updated' and target_id = ?", [gid])).toBe(0);
  });

  it("the new flag shows up in tenant users' me.featureFlags with its default", async () => {
    const acme = await meFlags('member@acme.test', 'acme');
    expect(acme[KEY]).toEqual({ enabled: true, overridden: false });
    expect(acme).toEqual(await expectedFlags('acme'));
    expect(Object.keys(acme)).toHaveLength(4);
    const globex = await meFlags('owner@globex.test', 'globex');
    expect(globex[KEY]).toEqual({ enabled: true, overridden: false });
  });

  it('changing the default updates the same flag, audits before/after and is reflected in me', async () => {
    const staffId = await t.userId('staff@atrium.test');
    const res = await t.gql(SET, { input: { key: KEY, defaultEnabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    // Same flag; an omitted description is kept.
    expect(res.data?.setFeatureFlag).toEqual({ id: gid, key: KEY, description: 'New export pipeline.', defaultEnabled: false });
    expect(await t.count('select count(*) as n from feature_flags where key = ?', [KEY])).toBe(1);
    expect(await t.count('select count(*) as n from feature_flags where key = ? and default_enabled = false', [KEY])).toBe(1);

    const audits = await flagAudits('flag.updated', gid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ tenant_id: null, actor_id: staffId, target_type: 'FeatureFlag' });
    expect(audits[0]?.diff).toEqual({
      before: { defaultEnabled: true, description: 'New export pipeline.' },
      after: { defaultEnabled: false, description: 'New export pipeline.' },
    });
    expect(await flagAudits('flag.created', gid)).toHaveLength(1);

    // Neither tenant overrides the flag, so both follow the new default.
    expect((await meFlags('owner@globex.test', 'globex'))[KEY]).toEqual({ enabled: false, overridden: false });
    expect((await meFlags('member@acme.test', 'acme'))[KEY]).toEqual({ enabled: false, overridden: false });
  });

  it('a new description replaces the old one and is audited', async () => {
    const res = await t.gql(SET, { input: { key: KEY, description: 'Export pipeline, take two.', defaultEnabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setFeatureFlag).toMatchObject({ description: 'Export pipeline, take two.', defaultEnabled: false });
    const audits = await flagAudits('flag.updated', gid);
    expect(audits).toHaveLength(2);
    expect(audits[1]?.diff).toEqual({
      before: { defaultEnabled: false, description: 'New export pipeline.' },
      after: { defaultEnabled: false, description: 'Export pipeline, take two.' },
    });
  });

  it('sending the values it already has changes nothing and writes no audit row', async () => {
    const audits = await auditCount();
    const state = () => t.sql('select default_enabled, description, updated_at from feature_flags where key = ?', [KEY]);
    const before = await state();
    const same = await t.gql(SET, { input: { key: KEY, description: 'Export pipeline, take two.', defaultEnabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(same.errors).toBeUndefined();
    expect(same.data?.setFeatureFlag).toEqual({ id: gid, key: KEY, description: 'Export pipeline, take two.', defaultEnabled: false });
    const omitted = await t.gql(SET, { input: { key: KEY, defaultEnabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(omitted.errors).toBeUndefined();
    expect(omitted.data?.setFeatureFlag.description).toBe('Export pipeline, take two.');
    expect(await state()).toEqual(before);
    expect(await auditCount()).toBe(audits);
    expect(await flagAudits('flag.updated', gid)).toHaveLength(2);
  });

  it("a default change does not beat a tenant's override", async () => {
    // automation.beta: default off, acme overrides it on. Turning the default on and off again
    // changes globex (no override) but never acme.
    const on = await t.gql(SET, { input: { key: 'automation.beta', defaultEnabled: true } }, { token: tokens['staff@atrium.test'] });
    expect(on.errors).toBeUndefined();
    expect((await meFlags('owner@globex.test', 'globex'))['automation.beta']).toEqual({ enabled: true, overridden: false });
    expect((await meFlags('member@acme.test', 'acme'))['automation.beta']).toEqual({ enabled: true, overridden: true });
    const off = await t.gql(SET, { input: { key: 'automation.beta', defaultEnabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(off.errors).toBeUndefined();
    expect((await meFlags('owner@globex.test', 'globex'))['automation.beta']).toEqual({ enabled: false, overridden: false });
    expect((await meFlags('member@acme.test', 'acme'))['automation.beta']).toEqual({ enabled: true, overridden: true });
    // The seeded description survived both changes.
    expect(off.data?.setFeatureFlag.description).toBe('Early access to automation runs.');
  });

  it('an invalid key answers BAD_USER_INPUT naming key, and writes nothing', async () => {
    const flags = await t.count('select count(*) as n from feature_flags');
    const audits = await auditCount();
    for (const key of ['Bad Key!', 'x', '9lives', 'UPPER.case', `a${'b'.repeat(100)}`]) {
      const res = await t.gql(SET, { input: { key, defaultEnabled: true } }, { token: tokens['staff@atrium.test'] });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.data?.setFeatureFlag ?? null).toBeNull();
      expect(fieldsOf(res).some((f) => f === 'key' || f.endsWith('.key'))).toBe(true);
    }
    expect(await t.count('select count(*) as n from feature_flags')).toBe(flags);
    expect(await auditCount()).toBe(audits);
  });

  it('a tenant owner gets FORBIDDEN and nothing changes', async () => {
    const before = await t.sql('select key, default_enabled, description from feature_flags order by key');
    const audits = await auditCount();
    const create = await t.gql(SET, { input: { key: 'owner.sneaky', defaultEnabled: true } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(create)).toBe('FORBIDDEN');
    const change = await t.gql(SET, { input: { key: 'portal.command-palette', defaultEnabled: false } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(change)).toBe('FORBIDDEN');
    expect(await t.sql('select key, default_enabled, description from feature_flags order by key')).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

/* ------------------------------------------------------------------ */
/* 3. setFeatureFlagOverride                                           */
/* ------------------------------------------------------------------ */

describe('setFeatureFlagOverride', () => {
  const overrideRows = (key: string) =>
    t.sql<{ slug: string; enabled: boolean }>(
      'select n.slug, o.enabled from feature_flag_overrides o join feature_flags f on f.id = o.flag_id join tenants n on n.id = o.tenant_id where f.key = ? order by n.slug',
      [key],
    );

  it('overridden is true only where an override exists (seeded state)', async () => {
    const acme = await meFlags('member@acme.test', 'acme');
    const globex = await meFlags('owner@globex.test', 'globex');
    expect(acme).toEqual(await expectedFlags('acme'));
    expect(globex).toEqual(await expectedFlags('globex'));
    expect(Object.entries(acme).filter(([, f]) => f.overridden).map(([k]) => k)).toEqual(['automation.beta']);
    expect(Object.values(globex).some((f) => f.overridden)).toBe(false);
    expect(acme['automation.beta']).toEqual({ enabled: true, overridden: true });
    expect(globex['automation.beta']).toEqual({ enabled: false, overridden: false });
  });

  it('enables a flag for globex only, audited with the tenant of the override', async () => {
    const KEY = 'tickets.satisfaction-survey';
    const globexId = await t.tenantId('globex');
    const staffId = await t.userId('staff@atrium.test');
    const gid = toGlobalId('FeatureFlag', await flagId(KEY));
    const acmeBefore = await meFlags('member@acme.test', 'acme');

    const res = await t.gql(
      OVERRIDE,
      { input: { tenantId: toGlobalId('Tenant', globexId), key: KEY, enabled: true } },
      { token: tokens['staff@atrium.test'], headers: { 'X-Correlation-Id': 'flags-override-0001' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.setFeatureFlagOverride).toMatchObject({ id: gid, key: KEY, defaultEnabled: false, overrides: [{ enabled: true, tenant: { slug: 'globex' } }] });
    expect(await overrideRows(KEY)).toEqual([{ slug: 'globex', enabled: true }]);

    const audits = await flagAudits('flag.override_set', gid);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ tenant_id: globexId, actor_id: staffId, target_type: 'FeatureFlag', correlation_id: 'flags-override-0001' });
    expect(audits[0]?.diff).toEqual({ before: { enabled: null }, after: { enabled: true } });
    const row = await t.sql<{ xmin: string }>(
      "select o.xmin::text as xmin from feature_flag_overrides o join feature_flags f on f.id = o.flag_id where f.key = ? and o.tenant_id = ?",
      [KEY, globexId],
    );
    expect(audits[0]?.xmin).toBe(row[0]?.xmin);

    expect((await meFlags('owner@globex.test', 'globex'))[KEY]).toEqual({ enabled: true, overridden: true });
    // acme is untouched.
    const acmeAfter = await meFlags('member@acme.test', 'acme');
    expect(acmeAfter).toEqual(acmeBefore);
    expect(acmeAfter[KEY]).toEqual({ enabled: false, overridden: false });
  });

  it('changing an override updates it in place; an override equal to the default still counts as overridden', async () => {
    const KEY = 'tickets.satisfaction-survey';
    const globexId = await t.tenantId('globex');
    const gid = toGlobalId('FeatureFlag', await flagId(KEY));
    const res = await t.gql(OVERRIDE, { input: { tenantId: toGlobalId('Tenant', globexId), key: KEY, enabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setFeatureFlagOverride.overrides).toEqual([{ enabled: false, tenant: { slug: 'globex' } }]);
    expect(await overrideRows(KEY)).toEqual([{ slug: 'globex', enabled: false }]);
    const audits = await flagAudits('flag.override_set', gid);
    expect(audits).toHaveLength(2);
    expect(audits[1]?.diff).toEqual({ before: { enabled: true }, after: { enabled: false } });
    expect((await meFlags('owner@globex.test', 'globex'))[KEY]).toEqual({ enabled: false, overridden: true });
  });

  it('enabled: null removes the override and me falls back to the default', async () => {
    const globexId = await t.tenantId('globex');
    const globexGid = toGlobalId('Tenant', globexId);
    // A default-on flag, so falling back is visible: off while overridden, on again after.
    const KEY = 'portal.command-palette';
    const gid = toGlobalId('FeatureFlag', await flagId(KEY));
    const off = await t.gql(OVERRIDE, { input: { tenantId: globexGid, key: KEY, enabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(off.errors).toBeUndefined();
    expect((await meFlags('owner@globex.test', 'globex'))[KEY]).toEqual({ enabled: false, overridden: true });
    expect((await meFlags('member@acme.test', 'acme'))[KEY]).toEqual({ enabled: true, overridden: false });

    const clear = await t.gql(OVERRIDE, { input: { tenantId: globexGid, key: KEY, enabled: null } }, { token: tokens['staff@atrium.test'] });
    expect(clear.errors).toBeUndefined();
    expect(clear.data?.setFeatureFlagOverride.overrides).toEqual([]);
    expect(await overrideRows(KEY)).toEqual([]);
    expect((await meFlags('owner@globex.test', 'globex'))[KEY]).toEqual({ enabled: true, overridden: false });

    const audits = await flagAudits('flag.override_set', gid);
    expect(audits.map((a) => a.diff)).toEqual([
      { before: { enabled: null }, after: { enabled: false } },
      { before: { enabled: false }, after: { enabled: null } },
    ]);
    expect(audits.every((a) => a.tenant_id === globexId)).toBe(true);

    // Clearing the other tenant's seeded override: acme falls back to automation.beta's default (off).
    const acmeGid = toGlobalId('Tenant', await t.tenantId('acme'));
    const clearAcme = await t.gql(OVERRIDE, { input: { tenantId: acmeGid, key: 'automation.beta', enabled: null } }, { token: tokens['staff@atrium.test'] });
    expect(clearAcme.errors).toBeUndefined();
    expect(await overrideRows('automation.beta')).toEqual([]);
    const acme = await meFlags('member@acme.test', 'acme');
    expect(acme['automation.beta']).toEqual({ enabled: false, overridden: false });
    expect(Object.values(acme).some((f) => f.overridden)).toBe(false);
    // And back on for acme, as seeded.
    const restore = await t.gql(OVERRIDE, { input: { tenantId: acmeGid, key: 'automation.beta', enabled: true } }, { token: tokens['staff@atrium.test'] });
    expect(restore.errors).toBeUndefined();
    expect((await meFlags('member@acme.test', 'acme'))['automation.beta']).toEqual({ enabled: true, overridden: true });
  });

  it('setting the value an override already has, or clearing a missing one, changes nothing and writes no audit row', async () => {
    const globexGid = toGlobalId('Tenant', await t.tenantId('globex'));
    const audits = await auditCount();
    const same = await t.gql(OVERRIDE, { input: { tenantId: globexGid, key: 'tickets.satisfaction-survey', enabled: false } }, { token: tokens['staff@atrium.test'] });
    expect(same.errors).toBeUndefined();
    expect(same.data?.setFeatureFlagOverride.overrides).toEqual([{ enabled: false, tenant: { slug: 'globex' } }]);
    const clearMissing = await t.gql(OVERRIDE, { input: { tenantId: globexGid, key: 'portal.command-palette', enabled: null } }, { token: tokens['staff@atrium.test'] });
    expect(clearMissing.errors).toBeUndefined();
    expect(clearMissing.data?.setFeatureFlagOverride).toMatchObject({ key: 'portal.command-palette', overrides: [] });
    expect(await overrideRows('tickets.satisfaction-survey')).toEqual([{ slug: 'globex', enabled: false }]);
    expect(await overrideRows('portal.command-palette')).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it('me.featureFlags matches the database for both tenants after all the changes', async () => {
    expect(await meFlags('member@acme.test', 'acme')).toEqual(await expectedFlags('acme'));
    expect(await meFlags('owner@globex.test', 'globex')).toEqual(await expectedFlags('globex'));
    // globex still overrides the survey (off), nothing else.
    const globex = await meFlags('owner@globex.test', 'globex');
    expect(Object.entries(globex).filter(([, f]) => f.overridden).map(([k]) => k)).toEqual(['tickets.satisfaction-survey']);
  });

  it('an unknown flag key answers NOT_FOUND', async () => {
    const res = await t.gql(
      OVERRIDE,
      { input: { tenantId: toGlobalId('Tenant', await t.tenantId('globex')), key: 'no.such-flag', enabled: true } },
      { token: tokens['staff@atrium.test'] },
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.data?.setFeatureFlagOverride ?? null).toBeNull();
  });

  it('an unknown tenant answers NOT_FOUND; a malformed or non-tenant id answers BAD_USER_INPUT', async () => {
    const unknown = await t.gql(OVERRIDE, { input: { tenantId: toGlobalId('Tenant', randomUUID()), key: 'automation.beta', enabled: true } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const malformed = await t.gql(OVERRIDE, { input: { tenantId: 'not a global id!', key: 'automation.beta', enabled: true } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    const userGid = toGlobalId('User', await t.userId('owner@globex.test'));
    const wrongType = await t.gql(OVERRIDE, { input: { tenantId: userGid, key: 'automation.beta', enabled: true } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrongType)).toContain('tenantId');
    expect(await overrideRows('automation.beta')).toEqual([{ slug: 'acme', enabled: true }]);
  });

  it('a tenant owner gets FORBIDDEN, even for their own tenant', async () => {
    const acmeGid = toGlobalId('Tenant', await t.tenantId('acme'));
    const globexGid = toGlobalId('Tenant', await t.tenantId('globex'));
    const own = await t.gql(OVERRIDE, { input: { tenantId: acmeGid, key: 'tickets.satisfaction-survey', enabled: true } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(own)).toBe('FORBIDDEN');
    const globexOwner = await t.gql(OVERRIDE, { input: { tenantId: globexGid, key: 'automation.beta', enabled: true } }, { token: tokens['owner@globex.test'] });
    expect(codeOf(globexOwner)).toBe('FORBIDDEN');
    expect(await overrideRows('tickets.satisfaction-survey')).toEqual([{ slug: 'globex', enabled: false }]);
    expect(await overrideRows('automation.beta')).toEqual([{ slug: 'acme', enabled: true }]);
  });
});

/* ------------------------------------------------------------------ */
/* 4. Failed mutations write no audit row                              */
/* ------------------------------------------------------------------ */

describe('failed flag mutations', () => {
  it('write no audit row, whatever the reason', async () => {
    const before = await auditCount();
    const globexGid = toGlobalId('Tenant', await t.tenantId('globex'));
    const staff = tokens['staff@atrium.test'];
    const failures: [string, Promise<GqlResponse>][] = [
      ['BAD_USER_INPUT', t.gql(SET, { input: { key: 'Bad Key!', defaultEnabled: true } }, { token: staff })],
      ['BAD_USER_INPUT', t.gql(SET, { input: { key: 'fine.key', description: 'd'.repeat(501), defaultEnabled: true } }, { token: staff })],
      ['FORBIDDEN', t.gql(SET, { input: { key: 'fine.key', defaultEnabled: true } }, { token: tokens['owner@acme.test'] })],
      ['UNAUTHENTICATED', t.gql(SET, { input: { key: 'fine.key', defaultEnabled: true } })],
      ['NOT_FOUND', t.gql(OVERRIDE, { input: { tenantId: globexGid, key: 'no.such-flag', enabled: true } }, { token: staff })],
      ['NOT_FOUND', t.gql(OVERRIDE, { input: { tenantId: toGlobalId('Tenant', randomUUID()), key: 'automation.beta', enabled: false } }, { token: staff })],
      ['BAD_USER_INPUT', t.gql(OVERRIDE, { input: { tenantId: 'garbage', key: 'automation.beta', enabled: false } }, { token: staff })],
      ['FORBIDDEN', t.gql(OVERRIDE, { input: { tenantId: globexGid, key: 'automation.beta', enabled: true } }, { token: tokens['member@acme.test'] })],
    ];
    for (const [code, pending] of failures) expect(codeOf(await pending)).toBe(code);
    expect(await auditCount()).toBe(before);
    expect(await t.count("select count(*) as n from feature_flags where key = 'fine.key'")).toBe(0);
  });

  it('concurrent creations of one key: one flag, one flag.created, and exactly one audit row per successful call (none for a failed one)', async () => {
    const KEY = 'race.same-key';
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.gql(SET, { input: { key: KEY, description: `racer ${i}`, defaultEnabled: i % 2 === 0 } }, { token: tokens['staff@atrium.test'] }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(await t.count('select count(*) as n from feature_flags where key = ?', [KEY])).toBe(1);
    const gid = toGlobalId('FeatureFlag', await flagId(KEY));
    const created = await flagAudits('flag.created', gid);
    const updated = await flagAudits('flag.updated', gid);
    expect(created).toHaveLength(1);
    // Every success wrote exactly one audit row about this flag, every failure none.
    expect(created.length + updated.length).toBe(ok.length);
  });
});

/* ------------------------------------------------------------------ */
/* setFeatureFlag with the complete set of overrides                   */
/* ------------------------------------------------------------------ */

describe('setFeatureFlag with overrides', () => {
  const KEY = 'billing.new-invoices';
  const SET_ALL = `mutation($input: SetFeatureFlagInput!) {
    setFeatureFlag(input: $input) { id defaultEnabled overrides { enabled tenant { slug } } }
  }`;
  const tenantGid = async (slug: string) => toGlobalId('Tenant', await t.tenantId(slug));
  const overridesInDb = () =>
    t.sql<{ slug: string; enabled: boolean }>(
      'select te.slug, o.enabled from feature_flag_overrides o join feature_flags f on f.id = o.flag_id join tenants te on te.id = o.tenant_id where f.key = ? order by te.slug',
      [KEY],
    );
  const save = (input: Record<string, unknown>) => t.gql(SET_ALL, { input: { key: KEY, ...input } }, { token: tokens['staff@atrium.test'] });

  it('creates a flag with its overrides in one call, each change audited', async () => {
    const res = await save({ defaultEnabled: false, description: 'New invoice layout.', overrides: [{ tenantId: await tenantGid('acme'), enabled: true }] });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setFeatureFlag.overrides).toEqual([{ enabled: true, tenant: { slug: 'acme' } }]);
    expect(await overridesInDb()).toEqual([{ slug: 'acme', enabled: true }]);
    const gid = res.data?.setFeatureFlag.id as string;
    expect(await flagAudits('flag.created', gid)).toHaveLength(1);
    expect((await flagAudits('flag.override_set', gid)).map((a) => a.diff)).toEqual([{ before: { enabled: null }, after: { enabled: true } }]);
  });

  it('makes the overrides exactly the set given: changed, added and dropped tenants, with the default, together', async () => {
    const res = await save({ defaultEnabled: true, overrides: [{ tenantId: await tenantGid('acme'), enabled: false }, { tenantId: await tenantGid('globex'), enabled: false }] });
    expect(res.errors).toBeUndefined();
    expect(await overridesInDb()).toEqual([
      { slug: 'acme', enabled: false },
      { slug: 'globex', enabled: false },
    ]);
    const dropped = await save({ defaultEnabled: true, overrides: [{ tenantId: await tenantGid('globex'), enabled: false }] });
    expect(dropped.errors).toBeUndefined();
    expect(await overridesInDb()).toEqual([{ slug: 'globex', enabled: false }]);
    const gid = res.data?.setFeatureFlag.id as string;
    // acme: none → on → off → none; globex: none → off. Unchanged rows wrote nothing.
    expect((await flagAudits('flag.override_set', gid)).map((a) => a.diff)).toEqual([
      { before: { enabled: null }, after: { enabled: true } },
      { before: { enabled: true }, after: { enabled: false } },
      { before: { enabled: null }, after: { enabled: false } },
      { before: { enabled: false }, after: { enabled: null } },
    ]);
    expect(await flagAudits('flag.updated', gid)).toHaveLength(1);
    expect((await meFlags('member@acme.test', 'acme'))[KEY]).toEqual({ enabled: true, overridden: false });
  });

  it('without overrides, the existing ones stay as they are', async () => {
    const res = await save({ defaultEnabled: false });
    expect(res.errors).toBeUndefined();
    expect(await overridesInDb()).toEqual([{ slug: 'globex', enabled: false }]);
  });

  it('a repeated or unknown tenant refuses the whole save, naming the row, and changes nothing', async () => {
    const audits = await auditCount();
    const flagRow = () => t.sql('select default_enabled, description, updated_at from feature_flags where key = ?', [KEY]);
    const before = await flagRow();
    const acme = await tenantGid('acme');

    const repeated = await save({ defaultEnabled: true, overrides: [{ tenantId: acme, enabled: true }, { tenantId: acme, enabled: false }] });
    expect(codeOf(repeated)).toBe('BAD_USER_INPUT');
    expect(repeated.errors?.[0]?.extensions.fields).toEqual([{ field: 'overrides.1.tenantId', message: 'This tenant already has an override in the list.' }]);

    const unknown = await save({ defaultEnabled: true, overrides: [{ tenantId: acme, enabled: true }, { tenantId: toGlobalId('Tenant', randomUUID()), enabled: true }] });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.extensions.fields).toEqual([{ field: 'overrides.1.tenantId', message: 'No such tenant.' }]);

    const notATenant = await save({ defaultEnabled: true, overrides: [{ tenantId: toGlobalId('User', randomUUID()), enabled: true }] });
    expect(codeOf(notATenant)).toBe('BAD_USER_INPUT');

    // The unknown tenant came after a valid change and a default change: none of it stuck.
    expect(await flagRow()).toEqual(before);
    expect(await overridesInDb()).toEqual([{ slug: 'globex', enabled: false }]);
    expect(await auditCount()).toBe(audits);
  });
});
