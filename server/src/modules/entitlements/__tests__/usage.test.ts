import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTool } from '../../tools/tool.factory';
import { makeRun } from '../../runs/run.factory';
import { grantTool } from '../entitlement.factory';
import { monthStart } from '../entitlement.gate';

/**
 * Entitlement.runsUsedThisMonth: the server counts a grant's use this month (the tools page shows
 * it instead of counting runs itself): this month's runs of the grant's tool, or all the tenant's
 * runs for a feature grant; last month's runs and other tenants' runs never count.
 */

let t: TestApp;
const ids: Record<string, string> = {};
let acmeId: string;

const LIST = '{ entitlements(first: 100, filter: { active: true }) { nodes { id feature runsUsedThisMonth } } }';

beforeAll(async () => {
  t = await startTestApp();
  acmeId = await t.tenantId('acme');
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
  const alpha = makeTool(em, { key: 'usage.alpha' });
  const other = makeTool(em, { key: 'usage.other' });
  const shared = makeTool(em, { key: 'usage.shared' });
  ids.alpha = grantTool(em, acme, alpha, { limits: { runsPerMonth: 5 } }).id;
  ids.other = grantTool(em, acme, other).id;
  ids.acmeShared = grantTool(em, acme, shared).id;
  ids.globexShared = grantTool(em, globex, shared, { limits: { runsPerMonth: 10 } }).id;
  const now = new Date();
  const lastMonth = new Date(monthStart(now).getTime() - 5 * 86_400_000);
  for (let i = 0; i < 3; i++) makeRun(em, acme, alpha, { createdAt: new Date(now.getTime() - i * 1000) });
  makeRun(em, acme, alpha, { createdAt: lastMonth });
  for (let i = 0; i < 2; i++) makeRun(em, acme, other);
  // The same tool run in another tenant: acme's grant of it must not count these.
  for (let i = 0; i < 4; i++) makeRun(em, globex, shared);
  makeRun(em, acme, shared);
  await em.flush();
});

afterAll(async () => {
  await t?.close();
});

async function usageAs(email: string, tenant?: string): Promise<Map<string, number>> {
  const { accessToken } = await t.login(email, tenant);
  const res = await t.gql<{ entitlements: { nodes: { id: string; feature: string; runsUsedThisMonth: number }[] } }>(LIST, {}, { token: accessToken });
  expect(res.errors).toBeUndefined();
  return new Map((res.data?.entitlements.nodes ?? []).map((n) => [n.id, n.runsUsedThisMonth]));
}

describe('Entitlement.runsUsedThisMonth', () => {
  it('counts this month’s runs of each tool grant, in the caller’s tenant only', async () => {
    const used = await usageAs('member@acme.test');
    expect(used.get(toGlobalId('Entitlement', ids.alpha ?? ''))).toBe(3);
    expect(used.get(toGlobalId('Entitlement', ids.other ?? ''))).toBe(2);
    expect(used.get(toGlobalId('Entitlement', ids.acmeShared ?? ''))).toBe(1);
    expect(used.has(toGlobalId('Entitlement', ids.globexShared ?? ''))).toBe(false);

    const globex = await usageAs('owner@globex.test', 'globex');
    expect(globex.get(toGlobalId('Entitlement', ids.globexShared ?? ''))).toBe(4);
  });

  it('a feature grant counts every run of its tenant this month, as the quota gate does', async () => {
    const { accessToken } = await t.login('viewer@acme.test');
    const res = await t.gql<{ entitlements: { nodes: { feature: string; runsUsedThisMonth: number }[] } }>(LIST, {}, { token: accessToken });
    expect(res.errors).toBeUndefined();
    const feature = res.data?.entitlements.nodes.find((n) => n.feature === 'automation');
    const expected = await t.count('select count(*) as n from automation_runs where tenant_id = ? and created_at >= ?', [acmeId, monthStart(new Date())]);
    expect(expected).toBeGreaterThanOrEqual(6);
    expect(feature?.runsUsedThisMonth).toBe(expected);
  });

  it('staff read any tenant’s grant with its use; another tenant’s id answers NOT_FOUND', async () => {
    const staff = await t.login('staff@atrium.test');
    const one = await t.gql<{ entitlement: { runsUsedThisMonth: number } }>('query($id: ID!) { entitlement(id: $id) { runsUsedThisMonth } }', { id: toGlobalId('Entitlement', ids.globexShared ?? '') }, { token: staff.accessToken });
    expect(one.errors).toBeUndefined();
    expect(one.data?.entitlement.runsUsedThisMonth).toBe(4);

    const member = await t.login('member@acme.test');
    const foreign = await t.gql('query($id: ID!) { entitlement(id: $id) { runsUsedThisMonth } }', { id: toGlobalId('Entitlement', ids.globexShared ?? '') }, { token: member.accessToken });
    expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
