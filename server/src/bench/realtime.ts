import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createClient } from 'graphql-ws';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../common/logger';
import { toGlobalId } from '../common/global-id';
import { startEmbeddedPostgres } from '../database/embedded';
import { createOrmConfig } from '../database/orm.config';
import { Ticket } from '../modules/tickets/ticket.entity';
import { signAccessToken } from '../modules/auth/tokens';
import { DEMO_PASSWORD, seedDemoData } from '../seeders/demo.seeder';

/**
 * Real-time benchmark (not a test): `npm run bench:realtime` (-- --subscribers 1000 --changes 100
 * --users 1000). One instance on a throwaway embedded PostgreSQL (REDIS_URL: through Redis, else in
 * memory), N idle subscribers of ticketChanged (graphql-ws clients in this process), signed in as
 * U distinct viewers of acme made for the run (by default one person per socket), then M comments
 * added one after another through HTTP. Each delivery's latency runs from sending the mutation to
 * the event arriving at a subscriber. Each change is read again (ticket and comment) once per set
 * of sockets with the same rights: U reads per change (shared-reads.ts). Prints median and p99,
 * the reads made, and the RSS of this process (server and clients) idle and after the burst.
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const SUBSCRIBERS = arg('subscribers', 1000);
const CHANGES = arg('changes', 100);
/** Distinct people among the subscribers (viewers of acme made for the run); 1: every socket is one person's. */
const USERS = Math.min(arg('users', SUBSCRIBERS), SUBSCRIBERS);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const logger = createLogger('silent');
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-rt-'));
  const pgDir = mkdtempSync(join(tmpdir(), 'atrium-bench-rt-pg-'));
  const pg = await startEmbeddedPostgres({ dir: pgDir, port: 54000 + Math.floor(Math.random() * 900), password: 'bench', database: 'atrium', logger, persistent: false });
  const orm = await MikroORM.init(createOrmConfig(pg.url));
  const clients: ReturnType<typeof createClient>[] = [];
  try {
    await orm.getMigrator().up();
    await seedDemoData(orm, logger, { kycStorageDir: join(dir, 'kyc') });
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'r'.repeat(48),
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      THROTTLE_ENABLED: 'false',
      REALTIME_MAX_CONNECTIONS_PER_USER: String(SUBSCRIBERS + 10),
      REALTIME_MAX_CONNECTIONS_PER_TENANT: String(SUBSCRIBERS + 10),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `atrium-bench-${process.pid}:` } : {}),
    });
    const app = await createApp(config, orm, logger);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: { login?: { accessToken: string } }; errors?: unknown[] };
    };
    const login = async (email: string) => (await post('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: DEMO_PASSWORD } })).data?.login?.accessToken ?? '';
    const agent = await login('agent@acme.test');
    // U viewers of acme, each with a live session and an access token (no sign-in: the limiter
    // and argon2 are not what this measures).
    const people = await orm.em.getConnection().execute<{ id: string; user_id: string; tenant_id: string }[]>(
      `with made as (
         insert into users (id, email, name, password_hash)
         select gen_random_uuid(), 'bench-' || g || '@acme.test', 'Bench viewer ' || g, (select password_hash from users where email = 'member@acme.test')
           from generate_series(1, ?) g
         returning id),
       joined as (
         insert into memberships (id, tenant_id, user_id, role_id)
         select gen_random_uuid(), t.id, made.id, r.id from made, tenants t join roles r on r.tenant_id = t.id and r.name = 'viewer' where t.slug = 'acme'
         returning user_id, tenant_id)
       insert into sessions (id, user_id, tenant_id, expires_at)
       select gen_random_uuid(), user_id, tenant_id, now() + interval '1 day' from joined
       returning id, user_id, tenant_id`,
      [USERS],
    );
    const tokens = people.map((p) => signAccessToken(config, { sub: p.user_id, sid: p.id, tid: p.tenant_id, gen: 0 }).token);
    const ticket = await orm.em.fork().findOneOrFail(Ticket, { tenant: { slug: 'acme' } }, { filters: false, orderBy: { number: 'asc' } });
    const ticketId = toGlobalId('Ticket', ticket.id);

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let received = 0;
    const startedSubs = Date.now();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const client = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens[i % tokens.length]}` }, lazy: false, retryAttempts: 0 });
      clients.push(client);
      client.subscribe<{ ticketChanged: { comment: { body: string } | null } }>(
        { query: 'subscription { ticketChanged { kind ticket { id status } comment { body } } }' },
        {
          next: (r) => {
            const body = r.data?.ticketChanged.comment?.body;
            const at = body ? sentAt.get(body) : undefined;
            if (at !== undefined) latencies.push(Date.now() - at);
            received++;
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    while (app.realtime.subscriptions() < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 50));
    global.gc?.();
    const idleRss = process.memoryUsage().rss;
    process.stdout.write(`${SUBSCRIBERS} subscribers listening after ${((Date.now() - startedSubs) / 1000).toFixed(1)} s; RSS idle ${mb(idleRss)}\n`);

    const readsBefore = app.realtime.eventReads();
    const burst = Date.now();
    for (let i = 0; i < CHANGES; i++) {
      const body = `bench change ${i}`;
      sentAt.set(body, Date.now());
      const res = await post('mutation($i: AddTicketCommentInput!) { addTicketComment(input: $i) { id } }', { i: { ticketId, body } }, agent);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    const expected = SUBSCRIBERS * CHANGES;
    let peakRss = process.memoryUsage().rss;
    const deadline = Date.now() + 600_000;
    while (received < expected && Date.now() < deadline) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 50));
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    process.stdout.write(
      [
        `${CHANGES} changes, ${received}/${expected} deliveries in ${((Date.now() - burst) / 1000).toFixed(1)} s (${config.redisUrl ? 'Redis' : 'in memory'})`,
        `delivery latency: median ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1] ?? NaN} ms`,
        `${USERS} distinct people: ${app.realtime.eventReads() - readsBefore} event reads (sockets with the same rights share one)`,
        `RSS: idle ${mb(idleRss)}, peak during the burst ${mb(peakRss)} (this process: server and clients)`,
        '',
      ].join('\n'),
    );
    for (const c of clients) void c.dispose();
    await app.close();
  } finally {
    await orm.close(true);
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
