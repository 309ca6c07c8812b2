import { createLogger } from '../../common/logger';
import { startTestApp, type TestApp } from '../../../test/harness';
import { seedLargeData } from '../large.seeder';

/** The bulk seeder at a small scale: same code path as `--scale large`, numbers a test can check. */
describe('large seeder', () => {
  let t: TestApp;
  const scale = { tenants: 3, tickets: 301, events: 1_003, runs: 602, kycCases: 61, auditLogs: 92, messages: 31 };

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedLargeData(t.orm, createLogger('silent'), scale, null)).toBe(true);
  });
  afterAll(() => t.close());

  it('builds the requested numbers of tenants, members, tickets, events and runs', async () => {
    expect(await t.count(`select count(*) as n from tenants where slug like 'large-%'`)).toBe(3);
    expect(await t.count(`select count(*) as n from memberships m join tenants t on t.id = m.tenant_id where t.slug like 'large-%'`)).toBe(15);
    expect(await t.count(`select count(*) as n from tickets k join tenants t on t.id = k.tenant_id where t.slug like 'large-%'`)).toBe(301);
    expect(await t.count(`select count(*) as n from system_events where source = 'bench'`)).toBe(1_003);
    expect(await t.count(`select count(*) as n from automation_runs where correlation_id like 'large-run-%'`)).toBe(602);
    expect(await t.count(`select count(*) as n from kyc_cases k join tenants t on t.id = k.tenant_id where t.slug like 'large-%'`)).toBe(61);
    expect(await t.count(`select count(*) as n from audit_logs a join tenants t on t.id = a.tenant_id where t.slug like 'large-%'`)).toBe(92);
    expect(await t.count(`select count(*) as n from inbound_messages m join tenants t on t.id = m.tenant_id where t.slug like 'large-%'`)).toBe(31);
  });

  it('makes the KYC cases, audit log and messages readable through the API as a tenant owner pages them', async () => {
    const { accessToken } = await t.login('owner0@large-03.test');
    const res = await t.gql<{ kycCases: { totalCount: number }; auditLogs: { totalCount: number }; messages: { totalCount: number } }>(
      '{ kycCases(first: 5) { totalCount } auditLogs(first: 5) { totalCount } messages(first: 5) { totalCount } }',
      {},
      { token: accessToken },
    );
    expect(res.errors).toBeUndefined();
    // The last tenant takes the remainder of each share; its own sign-in adds one audit entry.
    expect(res.data).toEqual({ kycCases: { totalCount: 21 }, auditLogs: { totalCount: 32 + 1 }, messages: { totalCount: 11 } });
  });

  it('writes only finished runs, spread over the large tenants, so the executor has no backlog', async () => {
    const rows = await t.sql<{ status: string; n: string }>(
      `select status, count(*) as n from automation_runs where correlation_id like 'large-run-%' group by status order by status`,
    );
    expect(rows.map((r) => r.status)).toEqual(['CANCELLED', 'FAILED', 'SUCCEEDED']);
    expect(await t.count(`select count(distinct r.tenant_id) as n from automation_runs r join tenants t on t.id = r.tenant_id where t.slug like 'large-%'`)).toBe(3);
  });

  it('numbers tickets 1..n per tenant without gaps and leaves the sequence at n', async () => {
    const rows = await t.sql<{ slug: string; n: string; max: number; seq: number }>(
      `select t.slug, count(*) as n, max(k.number) as max, t.ticket_seq as seq
         from tickets k join tenants t on t.id = k.tenant_id where t.slug like 'large-%' group by t.slug, t.ticket_seq order by t.slug`,
    );
    expect(rows.map((r) => [r.slug, Number(r.n), r.max, r.seq])).toEqual([
      ['large-01', 100, 100, 100],
      ['large-02', 100, 100, 100],
      ['large-03', 101, 101, 101],
    ]);
  });

  it('makes the data usable through the API: a seeded member signs in and pages their tickets', async () => {
    const { accessToken } = await t.login('member2@large-02.test');
    const res = await t.gql<{ tickets: { totalCount: number; nodes: { number: number }[] } }>(
      '{ tickets(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount nodes { number } } }',
      {},
      { token: accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.tickets.totalCount).toBe(100);
    expect(res.data?.tickets.nodes.map((n) => n.number)).toEqual([100, 99, 98, 97, 96]);
  });

  it('is idempotent: a second run adds nothing', async () => {
    expect(await seedLargeData(t.orm, createLogger('silent'), scale, null)).toBe(false);
    expect(await t.count(`select count(*) as n from tenants where slug like 'large-%'`)).toBe(3);
  });
});
