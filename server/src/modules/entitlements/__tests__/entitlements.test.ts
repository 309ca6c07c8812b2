import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { AppError } from '../../../common/errors';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTool } from '../../tools/tool.factory';
import { type Tool, ToolStatus } from '../../tools/tool.entity';
import { grantTool } from '../entitlement.factory';
import { makeRun } from '../../runs/run.factory';
import { requireActiveEntitlement } from '../entitlement.gate';

/**
 * Entitlements: staff grant and revoke (audited in the same transaction), overlapping grants
 * conflict even when sent at once, `me.entitlements` lists the active ones, the gate refuses
 * tools without an active grant, and no tenant sees another's grants.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
let acmeId: string;
let globexId: string;
const tools: Record<string, Tool> = {};
let globexGrantId: string;

const GRANT = `mutation($input: GrantEntitlementInput!) {
  grantEntitlement(input: $input) { id feature plan limits validFrom validUntil revokedAt active tool { key } tenant { slug } }
}`;
const REVOKE = 'mutation($input: RevokeEntitlementInput!) { revokeEntitlement(input: $input) { id revokedAt revokeReason active } }';

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
}

const gid = (type: string, id: string) => toGlobalId(type, id);
const auditRows = (action: string, targetId: string) =>
  t.sql<{ tenant_id: string | null; diff: any; actor_id: string }>('select tenant_id, diff, actor_id from audit_logs where action = ? and target_id = ?', [action, targetId]);

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  globexId = await t.tenantId('globex');
  const em = t.orm.em.fork();
  const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
  for (const [key, status] of [
    ['ent.alpha', ToolStatus.ACTIVE],
    ['ent.beta', ToolStatus.BETA],
    ['ent.gamma', ToolStatus.ACTIVE],
    ['ent.race', ToolStatus.ACTIVE],
    ['ent.retired', ToolStatus.RETIRED],
    ['ent.globex', ToolStatus.ACTIVE],
  ] as const) {
    tools[key] = makeTool(em, { key, name: key.toUpperCase(), status });
  }
  const globexGrant = grantTool(em, globex, tools['ent.globex'], { plan: 'enterprise', limits: { runsPerMonth: 50 } });
  await em.flush();
  globexGrantId = gid('Entitlement', globexGrant.id);
  for (const email of ['staff@atrium.test', 'owner@acme.test', 'member@acme.test', 'viewer@acme.test']) tokens[email] = (await t.login(email)).accessToken;
  tokens.globex = (await t.login('owner@globex.test', 'globex')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('granting', () => {
  it('grants a tool with limits; audited in the tenant, by the staff member', async () => {
    const res = await t.gql(GRANT, { input: { tenantId: gid('Tenant', acmeId), toolId: gid('Tool', tools['ent.alpha'].id), plan: 'pro', limits: { runsPerMonth: 5 } } }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    const g = res.data?.grantEntitlement;
    expect(g).toMatchObject({ feature: 'ent.alpha', plan: 'pro', limits: { runsPerMonth: 5 }, validUntil: null, revokedAt: null, active: true, tool: { key: 'ent.alpha' }, tenant: { slug: 'acme' } });
    const rows = await auditRows('entitlement.granted', g.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tenant_id).toBe(acmeId);
    expect(rows[0]?.actor_id).toBe(await t.userId('staff@atrium.test'));
    expect(rows[0]?.diff.after).toMatchObject({ feature: 'ent.alpha', plan: 'pro', limits: { runsPerMonth: 5 }, tool: tools['ent.alpha'].id });
  });

  it('grants a feature (not a tool) and refuses a feature key that names a tool', async () => {
    const ok = await t.gql(GRANT, { input: { tenantId: gid('Tenant', globexId), feature: 'reports.export', plan: 'trial' } }, { token: tokens['staff@atrium.test'] });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.grantEntitlement).toMatchObject({ feature: 'reports.export', tool: null, tenant: { slug: 'globex' } });
    const toolKey = await t.gql(GRANT, { input: { tenantId: gid('Tenant', globexId), feature: 'ent.beta', plan: 'trial' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(toolKey)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(toolKey)).toEqual(['feature']);
  });

  it('refuses bad input with the fields to fix, and writes nothing', async () => {
    const before = await t.count('select count(*) as n from entitlements');
    const auditBefore = await t.count('select count(*) as n from audit_logs');
    const tenantId = gid('Tenant', acmeId);
    const toolId = gid('Tool', tools['ent.beta'].id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ tenantId, toolId, feature: 'x.y', plan: 'pro' }, ['toolId']],
      [{ tenantId, plan: 'pro' }, ['toolId']],
      [{ tenantId, toolId, plan: 'pro', limits: { runsPerMonth: -1 } }, ['limits.runsPerMonth']],
      [{ tenantId, toolId, plan: 'pro', limits: { runsPerMonth: 1.5 } }, ['limits.runsPerMonth']],
      [{ tenantId, toolId, plan: 'pro', limits: { 'runs per month': 1 } }, ['limits.runs per month']],
      [{ tenantId, toolId, plan: 'pro', limits: [1] }, ['limits']],
      [{ tenantId, toolId, plan: 'pro', validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-05-01T00:00:00Z' }, ['validUntil']],
      [{ tenantId, toolId, plan: 'Pro Plan!' }, ['plan']],
    ];
    for (const [input, fields] of cases) {
      const res = await t.gql(GRANT, { input }, { token: tokens['staff@atrium.test'] });
      expect({ input, code: codeOf(res), fields: fieldsOf(res) }).toEqual({ input, code: 'BAD_USER_INPUT', fields });
    }
    const missingTool = await t.gql(GRANT, { input: { tenantId, toolId: gid('Tool', randomUUID()), plan: 'pro' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(missingTool)).toBe('NOT_FOUND');
    const missingTenant = await t.gql(GRANT, { input: { tenantId: gid('Tenant', randomUUID()), toolId, plan: 'pro' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(missingTenant)).toBe('NOT_FOUND');
    const retired = await t.gql(GRANT, { input: { tenantId, toolId: gid('Tool', tools['ent.retired'].id), plan: 'pro' } }, { token: tokens['staff@atrium.test'] });
    expect(retired.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOOL_RETIRED' });
    expect(await t.count('select count(*) as n from entitlements')).toBe(before);
    expect(await t.count('select count(*) as n from audit_logs')).toBe(auditBefore);
  });

  it('refuses an overlapping grant, accepts a later non-overlapping one', async () => {
    const tenantId = gid('Tenant', acmeId);
    const toolId = gid('Tool', tools['ent.beta'].id);
    const token = tokens['staff@atrium.test'];
    const first = await t.gql(GRANT, { input: { tenantId, toolId, plan: 'trial', validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' } }, { token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.grantEntitlement.active).toBe(false);
    const overlap = await t.gql(GRANT, { input: { tenantId, toolId, plan: 'pro', validFrom: '2026-01-31T00:00:00Z' } }, { token });
    expect(overlap.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENTITLEMENT_EXISTS' });
    const after = await t.gql(GRANT, { input: { tenantId, toolId, plan: 'pro', validFrom: '2026-02-01T00:00:00Z' } }, { token });
    expect(after.errors).toBeUndefined();
    expect(after.data?.grantEntitlement.active).toBe(true);
  });

  it('lets exactly one of two concurrent identical grants through', async () => {
    const input = { tenantId: gid('Tenant', acmeId), toolId: gid('Tool', tools['ent.race'].id), plan: 'pro' };
    const results = await Promise.all([1, 2, 3].map(() => t.gql(GRANT, { input }, { token: tokens['staff@atrium.test'] })));
    expect(results.filter((r) => !r.errors)).toHaveLength(2 - 1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(2);
    expect(await t.count('select count(*) as n from entitlements where tool_id = ?', [tools['ent.race'].id])).toBe(1);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'entitlement.granted' and diff->'after'->>'tool' = ?`, [tools['ent.race'].id])).toBe(1);
  });

  it('is a staff action only', async () => {
    for (const email of ['owner@acme.test', 'member@acme.test']) {
      const res = await t.gql(GRANT, { input: { tenantId: gid('Tenant', acmeId), toolId: gid('Tool', tools['ent.gamma'].id), plan: 'pro' } }, { token: tokens[email] });
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    expect(await t.count('select count(*) as n from entitlements where tool_id = ?', [tools['ent.gamma'].id])).toBe(0);
  });
});

describe('revoking and me.entitlements', () => {
  it('revokes (audited once), after which me.entitlements and the gate no longer count it', async () => {
    const staff = tokens['staff@atrium.test'];
    const granted = await t.gql(GRANT, { input: { tenantId: gid('Tenant', acmeId), toolId: gid('Tool', tools['ent.gamma'].id), plan: 'pro' } }, { token: staff });
    const id = granted.data?.grantEntitlement.id as string;
    const ME = '{ me { entitlements { id feature active } } }';
    const before = await t.gql(ME, {}, { token: tokens['member@acme.test'] });
    expect(before.data?.me.entitlements).toContainEqual({ id, feature: 'ent.gamma', active: true });
    const em = t.orm.em.fork();
    await expect(requireActiveEntitlement(em, acmeId, tools['ent.gamma'], new Date())).resolves.toMatchObject({ feature: 'ent.gamma' });

    const res = await t.gql(REVOKE, { input: { id, reason: 'Contract ended' } }, { token: staff });
    expect(res.errors).toBeUndefined();
    expect(res.data?.revokeEntitlement).toMatchObject({ id, revokeReason: 'Contract ended', active: false });
    expect(res.data?.revokeEntitlement.revokedAt).toBeTruthy();
    const again = await t.gql(REVOKE, { input: { id } }, { token: staff });
    expect(again.data?.revokeEntitlement.revokedAt).toBe(res.data?.revokeEntitlement.revokedAt);
    const rows = await auditRows('entitlement.revoked', id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tenant_id).toBe(acmeId);
    expect(rows[0]?.diff.after.reason).toBe('Contract ended');

    const after = await t.gql(ME, {}, { token: tokens['member@acme.test'] });
    expect(after.data?.me.entitlements.map((e: { id: string }) => e.id)).not.toContain(id);
    await expect(requireActiveEntitlement(t.orm.em.fork(), acmeId, tools['ent.gamma'], new Date())).rejects.toMatchObject({ code: 'FORBIDDEN', extensions: { reason: 'ENTITLEMENT_REQUIRED' } });
    const denied = await t.gql(REVOKE, { input: { id } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(denied)).toBe('FORBIDDEN');
  });

  it('me.entitlements lists exactly the active ones (not expired, future or revoked), sorted by feature', async () => {
    const me = await t.gql('{ me { entitlements { feature active } } }', {}, { token: tokens['viewer@acme.test'] });
    const listed = me.data?.me.entitlements as { feature: string; active: boolean }[];
    const expected = await t.sql<{ feature: string }>(
      `select feature from entitlements where tenant_id = ? and revoked_at is null and valid_from <= now() and (valid_until is null or valid_until > now()) order by feature`,
      [acmeId],
    );
    expect(listed.map((e) => e.feature)).toEqual(expected.map((r) => r.feature));
    expect(listed.every((e) => e.active)).toBe(true);
    // The expired trial of ent.beta is in the table but not listed.
    expect(await t.count(`select count(*) as n from entitlements where tenant_id = ? and feature = 'ent.beta' and valid_until < now()`, [acmeId])).toBe(1);
  });

  it('the gate refuses a tool with no grant, a future grant or another tenant’s grant', async () => {
    const em = t.orm.em.fork();
    const refused = async (tenantId: string, tool: Tool, now = new Date()) => {
      const err = await requireActiveEntitlement(em, tenantId, tool, now).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).extensions.reason).toBe('ENTITLEMENT_REQUIRED');
      expect((err as AppError).message).toContain(tool.key);
    };
    await refused(acmeId, tools['ent.globex']);
    await refused(globexId, tools['ent.alpha']);
    // The ent.beta trial covered January only.
    await requireActiveEntitlement(em, acmeId, tools['ent.beta'], new Date('2026-01-15T00:00:00Z'));
    await refused(acmeId, tools['ent.beta'], new Date('2025-12-31T00:00:00Z'));
  });
});

describe('tenant isolation', () => {
  describeCrossTenant('globex grants', {
    app: () => t,
    as: 'owner@acme.test',
    owner: { email: 'owner@globex.test', tenant: 'globex' },
    foreign: () => ({ grant: globexGrantId, tool: gid('Tool', tools['ent.globex'].id), tenant: gid('Tenant', globexId) }),
    unchanged: () => t.sql('select id, feature, plan, limits, valid_from, valid_until, revoked_at from entitlements where tenant_id = ? order by id', [globexId]),
    reads: [
      {
        name: "entitlements lists acme's grants only",
        query: '{ entitlements(first: 100) { totalCount nodes { feature tenant { slug } } } }',
        expect: (list) => {
          expect(list.errors).toBeUndefined();
          const nodes = list.data?.entitlements.nodes as { feature: string; tenant: { slug: string } }[];
          expect(nodes.length).toBe(list.data?.entitlements.totalCount);
          expect(nodes.every((n) => n.tenant.slug === 'acme')).toBe(true);
          expect(nodes.map((n) => n.feature)).not.toContain('ent.globex');
        },
      },
      { name: 'entitlements filtered by the globex tenant', query: 'query($t: ID!) { entitlements(first: 100, filter: { tenantId: $t }) { totalCount } }', variables: (c) => ({ t: c.foreign.tenant }), expect: 'empty' },
      {
        name: 'entitlement(id) on a globex grant, which globex reads',
        query: 'query($id: ID!) { entitlement(id: $id) { feature } }',
        variables: (c) => ({ id: c.foreign.grant }),
        expect: 'NOT_FOUND',
        control: {
          as: 'owner',
          query: 'query($id: ID!) { entitlement(id: $id) { feature plan limits } }',
          expect: (own) => expect(own.data?.entitlement).toEqual({ feature: 'ent.globex', plan: 'enterprise', limits: { runsPerMonth: 50 } }),
        },
      },
      { name: 'node(id) on a globex grant', query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.foreign.grant }), expect: 'NOT_FOUND' },
      { name: "tool(id).entitlement of the globex-only tool", query: 'query($id: ID!) { tool(id: $id) { entitlement { id } } }', variables: (c) => ({ id: c.foreign.tool }), at: 'tool.entitlement', expect: 'null' },
    ],
  });

  it('filters by activity and tool; staff read any tenant, audited', async () => {
    const token = tokens['owner@acme.test'];
    const inactive = await t.gql('{ entitlements(first: 100, filter: { active: false }) { nodes { feature active } } }', {}, { token });
    const features = (inactive.data?.entitlements.nodes as { feature: string; active: boolean }[]);
    expect(features.map((n) => n.feature).sort()).toEqual(['ent.beta', 'ent.gamma']);
    expect(features.every((n) => !n.active)).toBe(true);
    const byTool = await t.gql('query($id: ID!) { entitlements(first: 100, filter: { toolId: $id }) { totalCount } }', { id: gid('Tool', tools['ent.beta'].id) }, { token });
    expect(byTool.data?.entitlements.totalCount).toBe(2);

    const staffBefore = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const staff = await t.gql('query($t: ID!) { entitlements(first: 100, filter: { tenantId: $t }) { nodes { id tenant { slug } } } }', { t: gid('Tenant', globexId) }, { token: tokens['staff@atrium.test'] });
    expect(staff.errors).toBeUndefined();
    const staffNodes = staff.data?.entitlements.nodes as { id: string; tenant: { slug: string } }[];
    expect(staffNodes.map((n) => n.id)).toContain(globexGrantId);
    expect(staffNodes.every((n) => n.tenant.slug === 'globex')).toBe(true);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(staffBefore + 1);
    expect(fromGlobalId(globexGrantId).type).toBe('Entitlement');
  });

  it('resolves tool and tenant of a page of grants in a fixed number of statements', async () => {
    const q = 'query($n: Int) { entitlements(first: $n) { nodes { feature tool { key } tenant { slug } } } }';
    const counts: number[] = [];
    for (const n of [1, 6]) {
      const { count } = await t.countQueries(async () => {
        const res = await t.gql(q, { n }, { token: tokens['owner@acme.test'] });
        expect(res.errors).toBeUndefined();
        expect(res.data?.entitlements.nodes.length).toBe(n);
      });
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe('quota usage', () => {
  const USAGE = 'query($t: ID) { quotaUsage(tenantId: $t) { entitlementId feature label plan used limit resetsAt } }';

  it("counts this month's runs of each active grant against its limit; staff name the tenant and are audited", async () => {
    const em = t.orm.em.fork();
    const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
    makeRun(em, globex, tools['ent.globex']);
    makeRun(em, globex, tools['ent.globex']);
    // Last month's run does not count.
    makeRun(em, globex, tools['ent.globex'], { createdAt: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) - 60_000) });
    await em.flush();

    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'quotaUsage'`);
    const res = await t.gql(USAGE, { t: gid('Tenant', globexId) }, { token: tokens['staff@atrium.test'] });
    expect(res.errors).toBeUndefined();
    const rows = res.data?.quotaUsage as { entitlementId: string; feature: string; used: number; limit: number | null; resetsAt: string }[];
    const row = rows.find((r) => r.entitlementId === globexGrantId);
    expect(row).toMatchObject({ feature: 'ent.globex', used: 2, limit: 50 });
    expect(new Date(row?.resetsAt ?? 0).getUTCDate()).toBe(1);
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access' and diff->>'operation' = 'quotaUsage'`)).toBe(before + 1);

    // The tenant itself sees the same, without naming itself.
    const own = await t.gql(USAGE, {}, { token: tokens.globex });
    expect((own.data?.quotaUsage as { entitlementId: string; used: number }[]).find((r) => r.entitlementId === globexGrantId)?.used).toBe(2);
  });

  it("answers NOT_FOUND for another tenant's id and for an unknown tenant; staff must name one", async () => {
    const other = await t.gql(USAGE, { t: gid('Tenant', globexId) }, { token: tokens['owner@acme.test'] });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const unknown = await t.gql(USAGE, { t: gid('Tenant', randomUUID()) }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const none = await t.gql(USAGE, {}, { token: tokens['staff@atrium.test'] });
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    const acme = await t.gql(USAGE, {}, { token: tokens['owner@acme.test'] });
    expect(acme.errors).toBeUndefined();
    expect((acme.data?.quotaUsage as { entitlementId: string }[]).map((r) => r.entitlementId)).not.toContain(globexGrantId);
  });
});
