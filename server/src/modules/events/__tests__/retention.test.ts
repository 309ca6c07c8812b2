import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { ConfigError, loadConfig } from '../../../config';
import { createLogger } from '../../../common/logger';
import { IncidentTimelineKind } from '../../incidents/incident-timeline-entry.entity';
import { linkEvent, makeIncident } from '../../incidents/incident.factory';
import { User } from '../../users/user.entity';
import { purgeExpiredEvents, startEventRetention } from '../event-retention';
import { insertEvents } from '../event.factory';

/*
 * Retention of system events, and the append-only rule it is the only exception to. The events
 * of each test carry their own type, so the counts are exact whatever else is in the table.
 */

let t: TestApp;
const DAY = 86_400_000;
const NOW = new Date('2026-11-20T12:00:00.000Z');

beforeAll(async () => {
  t = await startTestApp({ seed: false });
});

afterAll(async () => {
  await t?.close();
});

async function countOf(type: string): Promise<number> {
  return t.count(`select count(*) as n from system_events where type = ?`, [type]);
}

/** A client of its own: what it does cannot be mistaken for what the app's pool does. */
async function withClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: t.orm.config.getClientUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('purgeExpiredEvents', () => {
  it('deletes events older than the cutoff and keeps the recent ones, in every tenant and the platform', async () => {
    const [tenant] = await t.sql<{ id: string }>(
      `insert into tenants (id, slug, name, created_at, updated_at) values (gen_random_uuid(), 'retention-co', 'Retention Co', now(), now()) returning id`,
    );
    const tenantId = tenant?.id ?? null;
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    const old = [at(400), at(45), at(30.001)].flatMap((occurredAt) => [
      { tenantId, type: 'ret.old', occurredAt },
      { tenantId: null, type: 'ret.old', occurredAt },
    ]);
    const recent = [at(29.999), at(10), at(0)].flatMap((occurredAt) => [
      { tenantId, type: 'ret.recent', occurredAt },
      { tenantId: null, type: 'ret.recent', occurredAt },
    ]);
    const recentIds = await insertEvents(t.orm.em.fork(), recent);
    await insertEvents(t.orm.em.fork(), old);

    const result = await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 1000, now: NOW });
    expect(result).toEqual({ cutoff: new Date(NOW.getTime() - 30 * DAY), deleted: 6, batches: 1 });
    expect(await countOf('ret.old')).toBe(0);
    const left = await t.sql<{ id: string }>(`select id from system_events where type = 'ret.recent' order by id`);
    expect(left.map((r) => r.id)).toEqual([...recentIds].sort());

    // Nothing left to do: a second run deletes nothing.
    expect(await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 1000, now: NOW })).toMatchObject({ deleted: 0, batches: 0 });
  });

  it('works in bounded batches, each its own transaction that switches retention on', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ tenantId: null, type: 'ret.batch', occurredAt: new Date(NOW.getTime() - (40 + i) * DAY) }));
    await insertEvents(t.orm.em.fork(), rows);
    const keep = await insertEvents(t.orm.em.fork(), [{ tenantId: null, type: 'ret.batch', occurredAt: new Date(NOW.getTime() - 5 * DAY) }]);

    let result: Awaited<ReturnType<typeof purgeExpiredEvents>> | undefined;
    const counted = await t.countQueries(async () => {
      result = await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 4, now: NOW });
    });
    expect(result).toMatchObject({ deleted: 11, batches: 3 });
    // 4 + 4 + 3: the short third batch says there is nothing more, so there is no fourth.
    const statements = counted.sql.map((s) => s.trim().split(/[\s;]+/)[0]?.toLowerCase());
    expect(statements).toEqual(['begin', 'set', 'delete', 'commit', 'begin', 'set', 'delete', 'commit', 'begin', 'set', 'delete', 'commit']);
    expect(counted.sql.filter((s) => /limit/.test(s))).toHaveLength(3);
    expect(await t.sql(`select id from system_events where type = 'ret.batch'`)).toEqual([{ id: keep[0] }]);
  });

  it('deletes oldest first, so a run stopped between batches leaves the newest of the expired rows', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ tenantId: null, type: 'ret.order', occurredAt: new Date(NOW.getTime() - (31 + i) * DAY) }));
    await insertEvents(t.orm.em.fork(), rows);
    let calls = 0;
    const result = await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 2, now: NOW, shouldStop: () => calls++ >= 2 });
    expect(result).toMatchObject({ deleted: 4, batches: 2 });
    const left = await t.sql<{ occurred_at: string | Date }>(`select occurred_at from system_events where type = 'ret.order' order by occurred_at`);
    expect(left.map((r) => new Date(r.occurred_at).getTime())).toEqual([NOW.getTime() - 32 * DAY, NOW.getTime() - 31 * DAY]);
    await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 2, now: NOW });
    expect(await countOf('ret.order')).toBe(0);
  });
});

describe('retention and incidents', () => {
  it('takes an expired event out of the incidents it is linked to; the incident and its timeline stay', async () => {
    const [old = ''] = await insertEvents(t.orm.em.fork(), [{ tenantId: null, type: 'ret.linked', occurredAt: new Date(NOW.getTime() - 60 * DAY) }]);
    const em = t.orm.em.fork();
    const staff = em.create(User, { email: 'staff@retention.test', name: 'Staff', passwordHash: 'x' });
    em.persist(staff);
    const incident = makeIncident(em, { title: 'Old incident', tenantIds: [], by: staff, createdAt: new Date(NOW.getTime() - 60 * DAY) });
    linkEvent(em, incident, { id: old, type: 'ret.linked', tenantId: null }, staff, new Date(NOW.getTime() - 60 * DAY));
    await em.flush();
    expect(await t.count(`select count(*) as n from incident_events where event_id = ?`, [old])).toBe(1);

    await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 30, batchSize: 100, now: NOW });
    expect(await countOf('ret.linked')).toBe(0);
    expect(await t.count(`select count(*) as n from incident_events where event_id = ?`, [old])).toBe(0);
    const kinds = await t.sql<{ kind: string }>(`select kind from incident_timeline_entries where incident_id = ? order by created_at, kind`, [incident.id]);
    expect(kinds.map((k) => k.kind)).toEqual([IncidentTimelineKind.CREATED, IncidentTimelineKind.EVENTS_LINKED]);
  });
});

describe('the append-only rule', () => {
  let id: string;

  beforeAll(async () => {
    [id = ''] = await insertEvents(t.orm.em.fork(), [{ tenantId: null, type: 'ret.guarded', occurredAt: new Date(NOW.getTime() - 90 * DAY) }]);
  });

  it('refuses an UPDATE, even inside a retention transaction', async () => {
    await expect(t.sql(`update system_events set type = 'ret.tampered' where id = ?`, [id])).rejects.toThrow(/append-only/);
    await withClient(async (c) => {
      await c.query('begin');
      await c.query(`set local atrium.retention = 'on'`);
      await expect(c.query(`update system_events set severity = 'DEBUG' where id = $1`, [id])).rejects.toThrow(/append-only \(UPDATE refused\)/);
      await c.query('rollback');
    });
    expect(await countOf('ret.guarded')).toBe(1);
    expect(await countOf('ret.tampered')).toBe(0);
  });

  it('refuses a DELETE outside a retention transaction, and TRUNCATE always', async () => {
    await expect(t.sql(`delete from system_events where id = ?`, [id])).rejects.toThrow(/append-only \(DELETE refused\)/);
    await withClient(async (c) => {
      // A transaction that did not switch retention on is refused like a bare statement.
      await c.query('begin');
      await expect(c.query(`delete from system_events where id = $1`, [id])).rejects.toThrow(/DELETE refused/);
      await c.query('rollback');
      // CASCADE gets past the foreign keys (incident links), so it is the trigger that refuses.
      await expect(c.query('truncate system_events cascade')).rejects.toThrow(/append-only/);
    });
    expect(await countOf('ret.guarded')).toBe(1);
  });

  it("does not leak the job's setting: on the same connection, the next transaction is refused again", async () => {
    await withClient(async (c) => {
      await c.query('begin');
      await c.query(`set local atrium.retention = 'on'`);
      await c.query(`delete from system_events where type = 'ret.none-such'`);
      await c.query('commit');
      await expect(c.query(`delete from system_events where id = $1`, [id])).rejects.toThrow(/DELETE refused/);
    });
    // And after a purge through the app's own pool, every pooled connection still refuses.
    await purgeExpiredEvents(t.orm.em.fork(), { retentionDays: 3650, batchSize: 10, now: NOW });
    for (let i = 0; i < 5; i++) await expect(t.sql(`delete from system_events where id = ?`, [id])).rejects.toThrow(/DELETE refused/);
    expect(await countOf('ret.guarded')).toBe(1);
  });
});

describe('the retention schedule', () => {
  it('runs once at start-up, then stops cleanly', async () => {
    const now = Date.now();
    await insertEvents(t.orm.em.fork(), [
      { tenantId: null, type: 'ret.scheduled', occurredAt: new Date(now - 8 * DAY) },
      { tenantId: null, type: 'ret.scheduled', occurredAt: new Date(now - 6 * DAY) },
    ]);
    const job = startEventRetention(t.orm, { days: 7, intervalMinutes: 60, batchSize: 100 }, createLogger('silent'));
    try {
      for (let i = 0; i < 50 && (await countOf('ret.scheduled')) > 1; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await countOf('ret.scheduled')).toBe(1);
    } finally {
      await job.stop();
    }
    expect(await job.runNow()).toBeNull();
  });

  it('with an interval of 0 schedules nothing, but runs on demand', async () => {
    const now = Date.now();
    await insertEvents(t.orm.em.fork(), [{ tenantId: null, type: 'ret.manual', occurredAt: new Date(now - 8 * DAY) }]);
    const job = startEventRetention(t.orm, { days: 7, intervalMinutes: 0, batchSize: 100 }, createLogger('silent'));
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(await countOf('ret.manual')).toBe(1);
      expect(await job.runNow()).toMatchObject({ deleted: 1 });
      expect(await countOf('ret.manual')).toBe(0);
    } finally {
      await job.stop();
    }
  });
});

describe('retention configuration', () => {
  it('defaults to 30 days, hourly, 5,000 rows per batch, and refuses nonsense', () => {
    const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).eventRetention).toEqual({ days: 30, intervalMinutes: 60, batchSize: 5000 });
    expect(loadConfig({ ...base, EVENT_RETENTION_DAYS: '7', EVENT_RETENTION_INTERVAL_MINUTES: '0' }).eventRetention).toMatchObject({ days: 7, intervalMinutes: 0 });
    expect(() => loadConfig({ ...base, EVENT_RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, EVENT_RETENTION_DAYS: 'thirty' })).toThrow(/EVENT_RETENTION_DAYS/);
    expect(() => loadConfig({ ...base, EVENT_RETENTION_BATCH_SIZE: '-1' })).toThrow(/EVENT_RETENTION_BATCH_SIZE/);
  });
});
