import { startTestApp, type TestApp } from '../../../test/harness';
import { purgeExpiredEvents } from '../../modules/events/event-retention';

/*
 * The observability demo data, as every new database gets it (the harness seeds like
 * `npm start` does): a month of events, incidents in each state, default dashboards; the same
 * rows on every run; and usable through the API as a newcomer would try it.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

/** Seeded rows, with times relative to the seed's anchor hour, so two runs can be compared. */
async function fingerprint(app: TestApp): Promise<unknown> {
  const [anchor] = await app.sql<{ at: string }>(
    `select occurred_at + interval '6 hours' as at from system_events where type = 'incident.opened' and correlation_id = 'seed-incident-rate-limit'`,
  );
  const events = await app.sql(
    `select coalesce(t.slug, '-') as tenant, e.type, e.severity, e.source, e.correlation_id, (e.payload - 'incidentId')::text as payload,
            extract(epoch from (?::timestamptz - e.occurred_at))::bigint as ago
       from system_events e left join tenants t on t.id = e.tenant_id
      -- This seed's events; runs, messages and KYC cases have their own seeds and tests.
      where (e.payload->>'runId' is null and e.payload->>'messageId' is null and e.payload->>'caseId' is null)
      order by tenant, ago, e.type, e.correlation_id, payload`,
    [anchor?.at],
  );
  const incidents = await app.sql(
    `select i.title, i.severity, i.status, i.correlation_id, extract(epoch from (i.resolved_at - i.created_at))::bigint as took,
            (select string_agg(e.kind || ':' || e.internal || ':' || coalesce(t.slug, '-') || ':' || e.message, '|' order by e.created_at, e.kind) from incident_timeline_entries e left join tenants t on t.id = e.tenant_id where e.incident_id = i.id) as timeline
       from incidents i order by i.title`,
  );
  const widgets = await app.sql(`select t.slug, w.type, w.title, w.x, w.y, w.w, w.h, w.config::text, w.user_id is null as shared from dashboard_widgets w join tenants t on t.id = w.tenant_id order by t.slug, w.y, w.x, w.title`);
  return { events, incidents, widgets };
}

describe('the observability seed', () => {
  it('inserts thousands of events for acme, globex and the platform, all inside the retention window', async () => {
    const rows = await t.sql<{ tenant: string; n: number; oldest: string }>(
      `select coalesce(t.slug, 'platform') as tenant, count(*)::int as n, min(e.occurred_at) as oldest
         from system_events e left join tenants t on t.id = e.tenant_id group by 1 order by 1`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.tenant, r]));
    expect(by.acme?.n).toBeGreaterThanOrEqual(2_000);
    expect(by.globex?.n).toBeGreaterThanOrEqual(700);
    expect(by.platform?.n).toBeGreaterThanOrEqual(50);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBeGreaterThan(2_700);
    // A retention run right after seeding removes none of this seed's events (the KYC seed's,
    // dated from its fixed demo calendar, may go).
    const own = `select count(*) as n from system_events e where (e.payload->>'runId' is null and e.payload->>'messageId' is null and e.payload->>'caseId' is null)`;
    const ownBefore = await t.count(own);
    await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 5_000 });
    expect(await t.count(own)).toBe(ownBefore);
    // Chains share correlation ids, and every severity occurs.
    expect(await t.count(`select count(distinct correlation_id) as n from system_events where correlation_id like 'seed-acme-%'`)).toBeGreaterThan(500);
    expect((await t.sql<{ severity: string }>(`select distinct severity from system_events order by 1`)).map((r) => r.severity)).toEqual(['CRITICAL', 'DEBUG', 'ERROR', 'INFO', 'WARNING']);
  });

  it('makes incidents in every state, with timelines, linked events and tickets of the affected tenants only', async () => {
    const states = await t.sql<{ status: string; n: number }>(`select status, count(*)::int as n from incidents group by status order by status`);
    expect(states).toEqual([
      { status: 'MITIGATED', n: 1 },
      { status: 'OPEN', n: 2 },
      { status: 'RESOLVED', n: 2 },
    ]);
    expect(await t.count(`select count(*) as n from incidents i where not exists (select 1 from incident_timeline_entries e where e.incident_id = i.id)`)).toBe(0);
    expect(await t.count(`select count(*) as n from incident_tickets`)).toBeGreaterThanOrEqual(4);
    expect(await t.count(`select count(*) as n from incident_events`)).toBeGreaterThanOrEqual(8);
    // Every link's tenant is affected by its incident, and is the linked row's own tenant.
    expect(
      await t.count(`select count(*) as n from incident_tickets l join tickets tk on tk.id = l.ticket_id
                      where l.tenant_id <> tk.tenant_id or not exists (select 1 from incident_tenants a where a.incident_id = l.incident_id and a.tenant_id = l.tenant_id)`),
    ).toBe(0);
    expect(
      await t.count(`select count(*) as n from incident_events l join system_events e on e.id = l.event_id
                      where l.tenant_id is distinct from e.tenant_id or (l.tenant_id is not null and not exists (select 1 from incident_tenants a where a.incident_id = l.incident_id and a.tenant_id = l.tenant_id))`),
    ).toBe(0);
    // Status stamps match the state.
    expect(await t.count(`select count(*) as n from incidents where (status = 'OPEN') <> (mitigated_at is null) or (status = 'RESOLVED') <> (resolved_at is not null)`)).toBe(0);
  });

  it('is the same on every run', async () => {
    const other = await startTestApp();
    try {
      expect(await fingerprint(other)).toEqual(await fingerprint(t));
    } finally {
      await other.close();
    }
  });

  it('gives the demo accounts a dashboard, incidents and a correlation chain to look at', async () => {
    const { accessToken } = await t.login('agent@acme.test');
    const res = await t.gql(
      `{ dashboard { widgets { type title personal data { total points { key value } } } }
         incidents(first: 10) { totalCount nodes { title status affectedTenants { slug } } }
         correlation(id: "seed-incident-sso") { entries { kind title } } }`,
      {},
      { token: accessToken },
    );
    expect(res.errors).toBeUndefined();
    const widgets = res.data?.dashboard.widgets as { type: string; personal: boolean; data: { total: number } | null }[];
    expect(widgets.map((w) => [w.type, w.personal])).toEqual([
      ['OPEN_TICKETS_BY_STATUS', false],
      ['ACTIVE_INCIDENTS', false],
      ['RUNS_LAST_7_DAYS_BY_STATUS', false],
      ['QUOTA_USAGE', false],
      ['KYC_AWAITING_ACTION', false],
      ['OPEN_TICKETS_BY_STATUS', true],
    ]);
    // The agent holds no kyc:read: that widget shows no data to them; the ticket and incident ones have some.
    expect(widgets.filter((w) => w.data === null).map((w) => w.type)).toEqual(['KYC_AWAITING_ACTION']);
    expect(widgets.filter((w) => w.type === 'OPEN_TICKETS_BY_STATUS' || w.type === 'ACTIVE_INCIDENTS').every((w) => (w.data?.total ?? 0) > 0)).toBe(true);
    // acme is affected by four of the five incidents.
    expect(res.data?.incidents.totalCount).toBe(4);
    const kinds = (res.data?.correlation.entries as { kind: string }[]).map((e) => e.kind);
    // What led to the incident (acme's own event; platform ones are staff-only), then the incident.
    expect(kinds).toEqual(['EVENT', 'INCIDENT']);
  });
});
