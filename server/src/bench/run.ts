import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../common/logger';
import { sql, tenantIs, tenantQuery, tenantReach } from '../database/tenant-sql';
import { startEmbeddedPostgres } from '../database/embedded';
import { createOrmConfig } from '../database/orm.config';
import { makeComment, makeTicket } from '../modules/tickets/ticket.factory';
import { type TicketPriority, TicketStatus } from '../modules/tickets/ticket.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { User } from '../modules/users/user.entity';
import { DEMO_PASSWORD, seedDemoData } from '../seeders/demo.seeder';
import { seedLargeData } from '../seeders/large.seeder';

/**
 * Benchmarks the API on this machine: a throwaway embedded PostgreSQL, the demo data plus
 * `--tickets N` extra tickets, and a bounded number of requests over loopback at a fixed
 * concurrency. Prints latency percentiles, throughput and SQL statements per request.
 * Numbers are for comparison between commits on the same machine, never test assertions.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const TICKETS = arg('tickets', 5000);
const REQUESTS = Math.min(arg('requests', 500), 20_000);
const CONCURRENCY = Math.min(arg('concurrency', 8), 64);
/**
 * `--compare-throttle`: what cost analysis and the query-cost throttle add to Q1. Three apps on
 * the same database in this one process (throttle off, in memory, and in Redis when REDIS_URL is
 * set) take turns for `--rounds` rounds of `--requests` Q1 requests each; prints each one's median
 * of the rounds' p50 and the ratio to "off". Taking turns spreads the machine's noise evenly.
 */
const COMPARE_THROTTLE = process.argv.includes('--compare-throttle');
const ROUNDS = Math.min(arg('rounds', 7), 50);
/** `--only <text>`: only the scenarios whose name contains the text (e.g. `--only Q1:`). */
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';

/** A request and who sends it: the agent of acme (default), agent1 of large-01 (runs, events) or large-01's owner (KYC, audit, messages). */
type Scenario = { name: string; query: string; variables?: Record<string, unknown>; as?: 'large' | 'owner' };

/*
 * Q1, Q1c, Q2 and Q4 are the reads the side-by-side comparison with PostGraphile runs (its
 * harness lives outside the repository), here against this project alone, so that a regression
 * shows without PostGraphile installed.
 */
const Q_FIELDS = 'id number subject status priority createdAt requester { id email name } assignee { id email name }';
const q1 = (extra: string, total: boolean) =>
  `{ tickets(first: 50${extra}, orderBy: { field: CREATED_AT, direction: DESC }) { ${total ? 'totalCount ' : ''}nodes { ${Q_FIELDS} } pageInfo { hasNextPage endCursor } } }`;

const SCENARIOS: Scenario[] = [
  { name: 'Q1: newest 50 tickets with requester and assignee', query: q1('', false) },
  { name: 'Q1c: Q1 with totalCount', query: q1('', true) },
  {
    name: 'tickets page of 50 with requester, assignee, first 3 comments',
    query: `{ tickets(first: 50) { totalCount edges { cursor node { id number subject status priority
      requester { id name } assignee { id name } comments(first: 3) { totalCount nodes { body author { name } } } } } pageInfo { hasNextPage endCursor } } }`,
  },
  { name: 'tickets filtered by status, ordered by priority', query: '{ tickets(first: 20, filter: { status: [OPEN, PENDING] }, orderBy: { field: PRIORITY, direction: DESC }) { nodes { id number } } }' },
  { name: 'tickets text search', query: '{ tickets(first: 20, filter: { text: "invoice" }) { nodes { id } } }' },
  { name: 'offset page at offset 1000, 25 per page (react-admin)', query: '{ tickets(first: 25, offset: 1000) { totalCount nodes { id } } }' },
  { name: 'me', query: '{ me { role permissions featureFlags { key enabled } entitlements { feature } } }' },
  // Every other list a partner pages through: a page of 50 with the person each row names.
  { name: 'runs: newest 50 with who asked', as: 'large', query: '{ runs(first: 50) { nodes { id status attempts createdAt finishedAt requestedBy { id name } } pageInfo { hasNextPage endCursor } } }' },
  { name: 'system events: newest 50', as: 'large', query: '{ systemEvents(first: 50) { nodes { id type severity source occurredAt correlationId } pageInfo { hasNextPage endCursor } } }' },
  { name: 'KYC cases: newest 50 with who filed them', as: 'owner', query: '{ kycCases(first: 50) { nodes { id status subjectName createdAt createdBy { id name } } pageInfo { hasNextPage endCursor } } }' },
  { name: 'audit log: newest 50 with the actor', as: 'owner', query: '{ auditLogs(first: 50) { nodes { id action targetType createdAt actor { id name } } pageInfo { hasNextPage endCursor } } }' },
  { name: 'inbound messages: newest 50 with who received them', as: 'owner', query: '{ messages(first: 50) { nodes { id channel sender status receivedAt receivedBy { id name } } pageInfo { hasNextPage endCursor } } }' },
];

/** REQUESTS calls of `send`, CONCURRENCY at a time: the sorted latencies (ms) and the wall time (s). */
async function load(send: () => Promise<Response>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const r0 = process.hrtime.bigint();
        const res = await send();
        await res.arrayBuffer();
        latencies.push(Number(process.hrtime.bigint() - r0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  return { latencies, seconds };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const logger = createLogger(process.env.BENCH_LOG_LEVEL ?? 'silent');
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
  // Its own temp folder: as root, the cluster runs as the postgres user and must own it.
  const pgDir = mkdtempSync(join(tmpdir(), 'atrium-bench-pg-'));
  const pg = await startEmbeddedPostgres({ dir: pgDir, port: 54000 + Math.floor(Math.random() * 900), password: 'bench', database: 'atrium', logger, persistent: false });
  const orm = await MikroORM.init(createOrmConfig(pg.url));
  try {
    await orm.getMigrator().up();
    await seedDemoData(orm, logger, { kycStorageDir: join(dir, 'kyc') });
    const em = orm.em.fork();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
    const users = await em.find(User, { email: { $like: '%@acme.test' } });
    const started = Date.now();
    for (let i = 0; i < TICKETS; i++) {
      const requester = users[i % users.length] as User;
      const ticket = makeTicket(em, acme, requester, {
        subject: i % 7 === 0 ? `Invoice ${i} is wrong` : `Request ${i}`,
        status: [TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED][i % 4],
        priority: (i % 4) as TicketPriority,
        assignee: i % 3 === 0 ? null : (users[(i + 1) % users.length]),
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      });
      for (let c = 0; c < i % 4; c++) makeComment(em, ticket, requester, `Comment ${c}`, new Date(ticket.createdAt.getTime() + (c + 1) * 1000));
      if (i % 1000 === 999) {
        await em.flush();
        em.clear();
        em.merge(acme);
      }
    }
    await em.flush();
    // Runs, system events, KYC cases, audit entries and messages to page through, in tenant
    // large-01 (the large seeder, small scale).
    await seedLargeData(orm, logger, { tenants: 1, tickets: 100, events: 20_000, runs: 5_000, kycCases: 2_000, auditLogs: 5_000, messages: 5_000 }, null);
    process.stdout.write(`dataset: ${TICKETS} extra tickets in acme, built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    // The throttle runs (its cost is part of what is measured), with a bucket one flat-out session
    // cannot drain; THROTTLE_* from the environment override it (THROTTLE_ENABLED=false: off).
    const throttleEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('THROTTLE_')));
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'b'.repeat(48),
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      THROTTLE_USER_MAX: '1000000000',
      THROTTLE_USER_RESTORE_RATE: '1000000000',
      ...throttleEnv,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    });
    const listen = async (c: typeof config) => {
      const started = await createApp(c, orm, logger);
      await new Promise<void>((resolve) => started.server.listen(0, '127.0.0.1', resolve));
      const at = `http://127.0.0.1:${(started.server.address() as AddressInfo).port}/graphql`;
      const send = (body: object, token?: string) =>
        fetch(at, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      return { app: started, post: send };
    };
    const { app, post } = await listen(config);
    const login = (await (await post({ query: `mutation { login(input: { email: "agent@acme.test", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).json()) as {
      data: { login: { accessToken: string } };
    };
    const token = login.data.login.accessToken;
    const signIn = async (email: string) => {
      const res = (await (await post({ query: `mutation { login(input: { email: "${email}", password: "${DEMO_PASSWORD}" }) { accessToken } }` })).json()) as {
        data: { login: { accessToken: string } };
      };
      return res.data.login.accessToken;
    };
    const tokens = { large: await signIn('agent1@large-01.test'), owner: await signIn('owner0@large-01.test') };
    const knex = orm.em.getConnection().getKnex();

    // Q2 reads after the cursor half-way down the list; Q4 one ticket with its first 20 comments.
    const depth = Math.floor(TICKETS / 2);
    const at = (await (await post({ query: `{ tickets(first: 1, offset: ${depth}, orderBy: { field: CREATED_AT, direction: DESC }) { edges { cursor } } }` }, token)).json()) as {
      data: { tickets: { edges: { cursor: string }[] } };
    };
    const [busiest] = await tenantQuery<{ id: string }>(
      orm.em.fork(),
      tenantReach(acme.id),
      (reach) => sql`select t.id from tickets t join ticket_comments c on c.ticket_id = t.id where ${tenantIs(reach, 't', 'c')} group by t.id order by count(*) desc, t.id limit 1`,
    );
    const ticketId = Buffer.from(`Ticket:${busiest?.id ?? ''}`).toString('base64url');
    const scenarios: Scenario[] = [
      ...SCENARIOS.slice(0, 2),
      { name: `Q2: Q1 after the cursor at ${depth}`, query: q1(`, after: ${JSON.stringify(at.data.tickets.edges[0]?.cursor ?? '')}`, false) },
      {
        name: 'Q4: one ticket with its first 20 comments and their authors',
        query: `{ ticket(id: "${ticketId}") { id number subject comments(first: 20) { nodes { id body createdAt author { id email name } } pageInfo { hasNextPage } } } }`,
      },
      ...SCENARIOS.slice(2),
    ];

    if (COMPARE_THROTTLE) {
      const off = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'b'.repeat(48), DATA_DIR: dir, LOG_LEVEL: 'silent', THROTTLE_ENABLED: 'false' });
      const memory = { ...config, redisUrl: undefined };
      const variants = [
        { name: 'off', ...(await listen(off)) },
        { name: 'memory', ...(await listen(memory)) },
        ...(config.redisUrl ? [{ name: 'redis', ...(await listen(config)) }] : []),
      ];
      const body = { query: q1('', false) };
      const p50s = new Map<string, number[]>(variants.map((v) => [v.name, []]));
      // This process's CPU per request (server and client both; the client's share is the same for
      // every variant): steadier than latency on a busy machine.
      const cpus = new Map<string, number[]>(variants.map((v) => [v.name, []]));
      process.stdout.write(`Q1, ${ROUNDS} rounds of ${REQUESTS} requests per variant, concurrency ${CONCURRENCY}, taking turns\n`);
      for (const v of variants) await load(() => v.post(body, token)); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        for (const v of round % 2 ? [...variants].reverse() : variants) {
          const cpu0 = process.cpuUsage();
          const { latencies } = await load(() => v.post(body, token));
          const cpu = process.cpuUsage(cpu0);
          p50s.get(v.name)?.push(percentile(latencies, 50));
          cpus.get(v.name)?.push((cpu.user + cpu.system) / latencies.length);
        }
      }
      const base = median(p50s.get('off') ?? []);
      const cpuBase = median(cpus.get('off') ?? []);
      const versus = (m: number, b: number) => `${m >= b ? '+' : ''}${((m / b - 1) * 100).toFixed(1)} % vs off`;
      for (const [name, values] of p50s) {
        const m = median(values);
        const c = median(cpus.get(name) ?? []);
        process.stdout.write(
          `  throttle ${name.padEnd(6)}  median p50 ${m.toFixed(2)} ms (${versus(m, base)})  CPU ${c.toFixed(0)} µs/request (${versus(c, cpuBase)})  p50 by round: ${values.map((x) => x.toFixed(1)).join(' ')}\n`,
        );
      }
      for (const v of variants) if (v.app !== app) await v.app.close();
      await app.close();
      return;
    }

    process.stdout.write(`requests per scenario: ${REQUESTS}, concurrency: ${CONCURRENCY}, session cache: ${app.services.sessionCache?.enabled ? 'on' : 'off'}\n\n`);
    // `--cpu-profile <file>`: a V8 CPU profile of the measured requests only (not the set-up).
    const profileAt = process.argv.indexOf('--cpu-profile');
    const profiler = profileAt >= 0 ? new Session() : undefined;
    const post_ = (method: string, params?: object) =>
      new Promise<unknown>((resolve, reject) => profiler?.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
    if (profiler) {
      profiler.connect();
      await post_('Profiler.enable');
      await post_('Profiler.start');
    }
    for (const s of scenarios.filter((x) => x.name.includes(ONLY))) {
      let statements = 0;
      const count = () => (statements += 1);
      const as = s.as ? tokens[s.as] : token;
      const check = (await (await post({ query: s.query, variables: s.variables }, as)).json()) as { errors?: unknown };
      if (check.errors) throw new Error(`${s.name}: ${JSON.stringify(check.errors)}`);
      knex.on('query', count);
      const cpu0 = process.cpuUsage();
      const { latencies, seconds } = await load(() => post({ query: s.query, variables: s.variables }, as));
      const cpu = process.cpuUsage(cpu0);
      knex.removeListener('query', count);
      process.stdout.write(
        `${s.name}\n  p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  ` +
          `${(latencies.length / seconds).toFixed(0)} req/s  ${(statements / latencies.length).toFixed(1)} SQL/request  ` +
          `${((cpu.user + cpu.system) / latencies.length).toFixed(0)} µs CPU/request (this process: server and client)\n`,
      );
    }
    if (profiler) {
      const { profile } = (await post_('Profiler.stop')) as { profile: object };
      writeFileSync(process.argv[profileAt + 1] ?? 'bench.cpuprofile', JSON.stringify(profile));
      profiler.disconnect();
    }
    await app.close();
  } finally {
    await orm.close(true);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
