import { fromGlobalId } from '../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/harness';
import { RunStatus } from '../../modules/runs/run.entity';
import { canTransition } from '../../modules/runs/run.transitions';
import { checkVatNumber } from '../../modules/runs/handlers/vat';
import { quotaUsage } from '../../modules/entitlements/quota.widgets';
import { seedDemoData } from '../demo.seeder';

/**
 * The automation demo data: a catalog in every status, grants and panels, a few hundred runs
 * whose events retell a lawful life, messages linked to the tickets and runs they produced with
 * shared correlation ids, outputs the real tools would give; the same every time, and seeded once.
 */

let t: TestApp;

interface RunRow {
  id: string;
  tenant_id: string;
  status: RunStatus;
  trigger: string;
  tool: string;
  input: any;
  output: any;
  correlation_id: string;
  attempts: number;
  created_at: string;
  ticket_id: string | null;
  locked_until: string | null;
}
let runs: RunRow[];

beforeAll(async () => {
  t = await startTestApp();
  runs = await t.sql<RunRow>(
    `select r.id, r.tenant_id, r.status, r.trigger, tl.key as tool, r.input, r.output, r.correlation_id, r.attempts, r.created_at, r.ticket_id, r.locked_until
       from automation_runs r join tools tl on tl.id = r.tool_id order by r.created_at, r.id`,
  );
});

afterAll(async () => {
  await t?.close();
});

describe('automation seed', () => {
  it('has a catalog in every status, grants and panels for the demo tenants', async () => {
    const tools = await t.sql<{ key: string; status: string }>('select key, status from tools order by key');
    expect(new Set(tools.map((x) => x.status))).toEqual(new Set(['ACTIVE', 'BETA', 'RETIRED']));
    expect(tools.map((x) => x.key)).toEqual(expect.arrayContaining(['ticket.summarise', 'vat.validate']));
    const grants = await t.sql<{ slug: string; key: string; limits: any }>(
      `select tn.slug, tl.key, e.limits from entitlements e join tenants tn on tn.id = e.tenant_id join tools tl on tl.id = e.tool_id order by 1, 2`,
    );
    expect(grants).toEqual([
      { slug: 'acme', key: 'ticket.summarise', limits: { runsPerMonth: 500 } },
      { slug: 'acme', key: 'vat.validate', limits: { runsPerMonth: 1000 } },
      { slug: 'globex', key: 'vat.validate', limits: { runsPerMonth: 200 } },
    ]);
    expect(await t.count('select count(*) as n from tool_panels')).toBe(3);
  });

  it('has hundreds of runs of the last 30 days in every status, each told by events along the transition table', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(Object.values(RunStatus)));
    expect(new Set(runs.map((r) => r.trigger))).toEqual(new Set(['USER', 'MESSAGE', 'SCHEDULE', 'PARTNER']));
    const oldest = Math.min(...runs.map((r) => new Date(r.created_at).getTime()));
    expect(Date.now() - oldest).toBeLessThanOrEqual(31 * 86_400_000);
    const events = await t.sql<{ run_id: string; tenant_id: string; correlation_id: string; from: string | null; to: string; type: string; severity: string }>(
      `select payload->>'runId' as run_id, tenant_id, correlation_id, payload->>'from' as "from", payload->>'to' as "to", type, severity
         from system_events where type like 'run.%' order by occurred_at, id`,
    );
    const byRun = new Map<string, typeof events>();
    for (const e of events) byRun.set(fromGlobalId(e.run_id).id, [...(byRun.get(fromGlobalId(e.run_id).id) ?? []), e]);
    for (const run of runs) {
      const story = byRun.get(run.id) ?? [];
      expect(story[0]).toMatchObject({ type: 'run.queued', from: null, to: 'QUEUED' });
      for (let i = 1; i < story.length; i++) {
        const e = story[i];
        expect({ run: run.id, step: `${e.from}->${e.to}`, ok: canTransition(e.from as RunStatus, e.to as RunStatus) }).toEqual({ run: run.id, step: `${e.from}->${e.to}`, ok: true });
        expect(e.from).toBe(story[i - 1].to);
      }
      expect(story[story.length - 1].to).toBe(run.status);
      expect(story.every((e) => e.tenant_id === run.tenant_id && e.correlation_id === run.correlation_id)).toBe(true);
      expect(story.filter((e) => e.type === 'run.started')).toHaveLength(run.attempts);
      if (run.status === RunStatus.FAILED) expect(story[story.length - 1]).toMatchObject({ type: 'run.failed', severity: 'ERROR' });
      // Seeded RUNNING runs were left by a dead worker: their leases have expired.
      if (run.status === RunStatus.RUNNING) expect(new Date(run.locked_until ?? 0).getTime()).toBeLessThan(Date.now());
    }
  });

  it('stores what the real tools produce', async () => {
    const vat = runs.filter((r) => r.tool === 'vat.validate' && r.status === RunStatus.SUCCEEDED);
    expect(vat.length).toBeGreaterThan(50);
    for (const r of vat) expect(r.output).toEqual({ ...checkVatNumber(r.input.vatNumber) });
    const summaries = runs.filter((r) => r.tool === 'ticket.summarise' && r.status === RunStatus.SUCCEEDED);
    expect(summaries.length).toBeGreaterThan(20);
    for (const r of summaries) {
      expect(fromGlobalId(r.input.ticketId).id).toBe(r.ticket_id);
      expect(r.output.ticket.id).toBe(r.input.ticketId);
      expect(r.output.summary.length).toBeLessThanOrEqual(r.input.maxSentences);
      const [{ comments }] = await t.sql<{ comments: number }>('select count(*)::int as comments from ticket_comments where ticket_id = ?', [r.ticket_id]);
      expect(r.output.counts.comments).toBe(comments);
    }
    // The demo runs stay well inside the quotas, so people can try the tools at once.
    for (const slug of ['acme', 'globex']) {
      for (const point of await quotaUsage(t.orm.em.fork(), await t.tenantId(slug), new Date())) expect(point.value).toBeLessThan(point.limit ?? 0);
    }
  });

  it('links a hundred-odd messages to the tickets and runs they produced, sharing correlation ids', async () => {
    const messages = await t.sql<{ status: string; correlation_id: string; ticket_corr: string | null; run_corr: string | null; run_trigger: string | null; tenant_id: string; ticket_tenant: string | null; run_tenant: string | null; error: string | null }>(
      `select m.status, m.correlation_id, tk.correlation_id as ticket_corr, r.correlation_id as run_corr, r.trigger as run_trigger, m.tenant_id, tk.tenant_id as ticket_tenant, r.tenant_id as run_tenant, m.error
         from inbound_messages m left join tickets tk on tk.id = m.ticket_id left join automation_runs r on r.id = m.run_id`,
    );
    expect(messages.length).toBeGreaterThanOrEqual(100);
    expect(new Set(messages.map((m) => m.status))).toEqual(new Set(['PROCESSED', 'FAILED', 'IGNORED']));
    const withTicket = messages.filter((m) => m.ticket_corr !== null);
    const withRun = messages.filter((m) => m.run_corr !== null);
    expect(withTicket.length).toBeGreaterThanOrEqual(30);
    expect(withRun.length).toBeGreaterThanOrEqual(30);
    for (const m of withTicket) expect({ corr: m.ticket_corr, tenant: m.ticket_tenant }).toEqual({ corr: m.correlation_id, tenant: m.tenant_id });
    for (const m of withRun) expect({ corr: m.run_corr, tenant: m.run_tenant, trigger: m.run_trigger }).toEqual({ corr: m.correlation_id, tenant: m.tenant_id, trigger: 'MESSAGE' });
    for (const m of messages.filter((x) => x.status === 'FAILED')) expect(m.error).toMatch(/^(FORBIDDEN ENTITLEMENT_REQUIRED|BAD_USER_INPUT): /);
    expect(await t.count(`select count(*) as n from system_events where type like 'message.%'`)).toBe(messages.length * 2);
  });

  it('is deterministic and seeds once', async () => {
    const shape = async (x: TestApp) => ({
      runs: await x.sql(`select tl.key, r.status, r.trigger, r.input - 'ticketId' as input, r.attempts from automation_runs r join tools tl on tl.id = r.tool_id order by r.created_at, tl.key, r.status, r.input::text`),
      messages: await x.sql(`select channel, status, sender, subject, error from inbound_messages order by received_at, sender, channel`),
    });
    const second = await startTestApp();
    try {
      expect(await shape(second)).toEqual(await shape(t));
    } finally {
      await second.close();
    }
    const before = { runs: runs.length, messages: await t.count('select count(*) as n from inbound_messages'), events: await t.count('select count(*) as n from system_events') };
    expect(await seedDemoData(t.orm, t.app.services.logger, { kycStorageDir: t.app.services.config.kyc.storageDir })).toBe(false);
    expect({ runs: await t.count('select count(*) as n from automation_runs'), messages: await t.count('select count(*) as n from inbound_messages'), events: await t.count('select count(*) as n from system_events') }).toEqual(before);
  });
});
