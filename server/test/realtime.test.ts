import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Client, createClient, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import jwt from 'jsonwebtoken';
import { toGlobalId } from '../src/common/global-id';
import { type AccessClaims, signAccessToken } from '../src/modules/auth/tokens';
import { stageRealtimeEvent } from '../src/modules/realtime/stage';
import { startTestApp, type TestApp } from './harness';
import { testRedisUrl, uniqueRedisPrefix } from './redis-server';

/**
 * Real time over real WebSockets: graphql-ws clients against real servers (in process, and two
 * API processes sharing PostgreSQL and Redis), each event read again with the subscriber's rights.
 */

type Result = ExecutionResult<Record<string, any>, Record<string, unknown>>;

/** One subscription: its results in order, and a way to wait for the next. */
interface Feed {
  next(): Promise<Result>;
  /** Results received and not yet taken by next(). */
  pending(): number;
  /** The socket's close event (code, reason), when it closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

const clients: Client[] = [];

/** Waits until `app` has one more subscription listening than now (in-process instances). */
function listeningOn(app: TestApp | undefined): ((stopped: () => boolean) => Promise<void>) | null {
  if (!app) return null;
  const before = app.app.realtime.subscriptions();
  return async (stopped) => {
    while (!stopped() && app.app.realtime.subscriptions() <= before) await new Promise((r) => setTimeout(r, 10));
  };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 10));
}

function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** Connects with `authorization` and subscribes to `query`; resolves once the server acknowledged. */
async function subscribe(
  httpUrl: string,
  authorization: string,
  query: string,
  variables: Record<string, unknown> = {},
  ready: ((stopped: () => boolean) => Promise<void>) | null = listeningOn(t),
): Promise<Feed> {
  const results: Result[] = [];
  const waiters: ((r: Result) => void)[] = [];
  let closedResolve!: (e: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedResolve = resolve));
  let acked!: () => void;
  const ack = new Promise<void>((resolve) => (acked = resolve));
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: false,
    // A refused connection is what some tests expect: it arrives through `closed` below.
    onNonLazyError: () => undefined,
    on: {
      connected: () => acked(),
      closed: (e) => {
        const ev = e as { code: number; reason: string };
        closedResolve({ code: ev.code, reason: String(ev.reason) });
        acked();
      },
    },
  });
  clients.push(client);
  await ack;
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const push = (r: Result) => {
    answer();
    const w = waiters.shift();
    if (w) w(r);
    else results.push(r);
  };
  const unsubscribe = client.subscribe<Record<string, any>>(
    { query, variables },
    {
      next: (r) => push(r as Result),
      error: (err) => push({ errors: Array.isArray(err) ? err : [{ message: String((err as { reason?: string }).reason ?? err) }] } as Result),
      complete: () => undefined,
    },
  );
  // Returns once the server listens for it (or has answered, or closed the socket).
  if (ready) {
    let settled = false;
    await Promise.race([ready(() => settled), answered, closed]);
    settled = true;
  }
  return {
    pending: () => results.length,
    next: () => {
      const r = results.shift();
      return r ? Promise.resolve(r) : new Promise<Result>((resolve) => waiters.push(resolve));
    },
    closed,
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
}

const TICKET_SUB = `subscription($id: ID) { ticketChanged(id: $id) { kind ticket { id subject status tenant { slug } } comment { id body } } }`;

let t: TestApp;
let member: string;
let agent: string;
let globexOwner: string;
let staff: string;
let acmeTicket: { id: string; version: number };
let globexTicket: { id: string; version: number };

async function ticketOf(slug: string, requester?: string): Promise<{ id: string; version: number }> {
  const [row] = await t.sql<{ id: string; version: number }>(
    `select tk.id, tk.version from tickets tk join tenants tn on tn.id = tk.tenant_id join users u on u.id = tk.requester_id
      where tn.slug = ? ${requester ? 'and u.email = ?' : ''} order by tk.number limit 1`,
    requester ? [slug, requester] : [slug],
  );
  if (!row) throw new Error(`no ticket in ${slug}`);
  return { id: toGlobalId('Ticket', row.id), version: row.version };
}

async function comment(token: string, ticketId: string, body: string): Promise<string> {
  const res = await t.gql<{ addTicketComment: { id: string } }>('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId, body } }, { token });
  if (!res.data?.addTicketComment) throw new Error(JSON.stringify(res.errors));
  return res.data.addTicketComment.id;
}

beforeAll(async () => {
  // With the session cache on (as in production): its database listener is what tells open
  // sockets at once that a session or key ended.
  t = await startTestApp({ env: { SESSION_CACHE_ENABLED: 'true' } });
  member = (await t.login('member@acme.test')).accessToken;
  agent = (await t.login('agent@acme.test')).accessToken;
  globexOwner = (await t.login('owner@globex.test', 'globex')).accessToken;
  staff = (await t.login('staff@atrium.test')).accessToken;
  acmeTicket = await ticketOf('acme', 'member@acme.test');
  globexTicket = await ticketOf('globex');
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose()).catch(() => undefined)));
  // Each test counts the subscriptions it adds from zero.
  if (t) await until(() => t.app.realtime.subscriptions() === 0 && t.app.realtime.connections() === 0);
});

afterAll(async () => {
  await t?.close();
});

describe('ticketChanged', () => {
  it("delivers a member's ticket changes and nothing of globex", async () => {
    const feed = await subscribe(t.url, `Bearer ${member}`, TICKET_SUB);
    // globex first: if anything of it reached acme's member, it would come before acme's comment.
    await comment(globexOwner, globexTicket.id, 'A globex reply nobody in acme may see');
    const commentId = await comment(agent, acmeTicket.id, 'We are looking into it.');
    const first = await feed.next();
    expect(first.errors).toBeUndefined();
    expect(first.data?.ticketChanged).toEqual({
      kind: 'COMMENTED',
      ticket: expect.objectContaining({ id: acmeTicket.id, tenant: { slug: 'acme' } }),
      comment: { id: commentId, body: 'We are looking into it.' },
    });

    const res = await t.gql('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { status version } }', { input: { id: acmeTicket.id, version: acmeTicket.version, status: 'PENDING' } }, { token: agent });
    expect(res.errors).toBeUndefined();
    acmeTicket.version = (res.data as { updateTicket: { version: number } }).updateTicket.version;
    const second = await feed.next();
    expect(second.data?.ticketChanged).toMatchObject({ kind: 'UPDATED', ticket: { id: acmeTicket.id, status: 'PENDING' }, comment: null });
  });

  it("answers NOT_FOUND for another tenant's ticket, and one ticket's subscription hears only that ticket", async () => {
    const foreign = await subscribe(t.url, `Bearer ${member}`, TICKET_SUB, { id: globexTicket.id });
    const refused = await foreign.next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const other = await ticketOf('acme', 'owner@acme.test');
    const one = await subscribe(t.url, `Bearer ${agent}`, TICKET_SUB, { id: acmeTicket.id });
    await comment(agent, other.id, 'on another ticket');
    await comment(agent, acmeTicket.id, 'on this ticket');
    expect((await one.next()).data?.ticketChanged.comment.body).toBe('on this ticket');
  });

  it('refuses a subscriber whose role cannot read tickets (an API key without ticket:read)', async () => {
    const created = await t.gql<{ createApiKey: { secret: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'runs only', permissions: ['run:read'] } },
      { token: (await t.login('owner@acme.test')).accessToken },
    );
    const secret = created.data?.createApiKey.secret;
    if (!secret) throw new Error(JSON.stringify(created.errors));
    const refused = await subscribe(t.url, `Bearer ${secret}`, TICKET_SUB);
    const answer = await refused.next();
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The same key may follow runs (an API key signs in like a bearer token over HTTP).
    const runs = await subscribe(t.url, `Bearer ${secret}`, 'subscription { runChanged { id status } }');
    const started = await t.gql<{ startRun: { id: string } }>(
      'mutation { startRun(input: {toolKey: "vat.validate", input: {vatNumber: "DE136695976"}}) { id } }',
      {},
      { token: member },
    );
    expect(started.errors).toBeUndefined();
    expect((await runs.next()).data?.runChanged).toEqual({ id: started.data?.startRun.id, status: 'QUEUED' });
  });

  it('shares one read of each change among sockets with the same rights (two sign-ins of one person), and reads every change again', async () => {
    const secondSignIn = (await t.login('member@acme.test')).accessToken;
    const feeds = [await subscribe(t.url, `Bearer ${member}`, TICKET_SUB), await subscribe(t.url, `Bearer ${secondSignIn}`, TICKET_SUB), await subscribe(t.url, `Bearer ${agent}`, TICKET_SUB)];
    for (const body of ['first change', 'second change']) {
      const before = t.app.realtime.eventReads();
      await comment(agent, acmeTicket.id, body);
      for (const feed of feeds) expect((await feed.next()).data?.ticketChanged).toMatchObject({ kind: 'COMMENTED', comment: { body } });
      // One read for the member's two sockets, one for the agent's.
      expect(t.app.realtime.eventReads() - before).toBe(2);
    }
    for (const feed of feeds) expect(feed.pending()).toBe(0);
  });

  it('publishes nothing for a rolled-back change', async () => {
    const feed = await subscribe(t.url, `Bearer ${member}`, TICKET_SUB);
    const acmeId = await t.tenantId('acme');
    const rawTicketId = (await t.sql<{ id: string }>(`select id from tickets where tenant_id = ? order by number limit 1`, [acmeId]))[0]?.id ?? '';
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        await em.getConnection().execute(`update tickets set subject = 'rolled back' where id = ?`, [rawTicketId], 'run', em.getTransactionContext());
        stageRealtimeEvent(em, { type: 'ticket', tenantId: acmeId, ticketId: rawTicketId, kind: 'UPDATED' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const commentId = await comment(agent, acmeTicket.id, 'after the rollback');
    const first = await feed.next();
    expect(first.data?.ticketChanged).toMatchObject({ kind: 'COMMENTED', comment: { id: commentId } });
  });
});

describe('incidentChanged', () => {
  it('tells a member of incidents affecting their tenant only; staff hear every one', async () => {
    const memberFeed = await subscribe(t.url, `Bearer ${member}`, 'subscription { incidentChanged { title status } }');
    const staffFeed = await subscribe(t.url, `Bearer ${staff}`, 'subscription { incidentChanged { title status } }');
    const globexId = toGlobalId('Tenant', await t.tenantId('globex'));
    const acmeId = toGlobalId('Tenant', await t.tenantId('acme'));
    const open = async (title: string, tenantId: string) => {
      const res = await t.gql<{ createIncident: { id: string } }>(
        'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
        { input: { title, severity: 'SEV2', summary: 'Payments are slow.', tenantIds: [tenantId] } },
        { token: staff },
      );
      if (!res.data?.createIncident) throw new Error(JSON.stringify(res.errors));
      return res.data.createIncident.id;
    };
    await open('Globex only', globexId);
    const acmeIncident = await open('Acme too', acmeId);
    expect((await memberFeed.next()).data?.incidentChanged).toEqual({ title: 'Acme too', status: 'OPEN' });
    expect((await staffFeed.next()).data?.incidentChanged).toEqual({ title: 'Globex only', status: 'OPEN' });
    expect((await staffFeed.next()).data?.incidentChanged).toEqual({ title: 'Acme too', status: 'OPEN' });

    const moved = await t.gql('mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { status } }', { input: { id: acmeIncident, to: 'MITIGATED' } }, { token: staff });
    expect(moved.errors).toBeUndefined();
    expect((await memberFeed.next()).data?.incidentChanged).toEqual({ title: 'Acme too', status: 'MITIGATED' });
  });
});

describe('connections', () => {
  it('refuses a socket without a valid token', async () => {
    const feed = await subscribe(t.url, 'Bearer not-a-token', TICKET_SUB);
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED INVALID' });
  });

  it("closes a socket when its session is revoked", async () => {
    const login = await t.login('viewer@acme.test');
    const feed = await subscribe(t.url, `Bearer ${login.accessToken}`, TICKET_SUB);
    const out = await t.gql('mutation { logout }', {}, { token: login.accessToken });
    expect(out.errors).toBeUndefined();
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED SESSION_ENDED' });
    await until(() => t.app.realtime.connections() === 0);
  });

  it('closes a socket whose session was revoked straight in the database (another instance, an operator)', async () => {
    const login = await t.login('viewer@acme.test');
    const feed = await subscribe(t.url, `Bearer ${login.accessToken}`, TICKET_SUB);
    const [session] = await t.sql<{ id: string }>('select id from sessions where user_id = ? and revoked_at is null order by created_at desc limit 1', [await t.userId('viewer@acme.test')]);
    await t.sql('update sessions set revoked_at = now() where id = ?', [session?.id]);
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED SESSION_ENDED' });
    await until(() => t.app.realtime.connections() === 0);
  });

  it('closes the sockets of a revoked API key', async () => {
    const owner = (await t.login('owner@acme.test')).accessToken;
    const created = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
      { input: { name: 'revoked while listening', permissions: ['run:read'] } },
      { token: owner },
    );
    const secret = created.data?.createApiKey.secret;
    if (!secret) throw new Error(JSON.stringify(created.errors));
    const feed = await subscribe(t.url, `Bearer ${secret}`, 'subscription { runChanged { id } }');
    const revoked = await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: created.data?.createApiKey.apiKey.id }, { token: owner });
    expect(revoked.errors).toBeUndefined();
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED SESSION_ENDED' });
  });

  it("closes a socket when its user's role changes, and the socket that connects again gets the new role's rights", async () => {
    const login = await t.login('viewer@acme.test');
    const feed = await subscribe(t.url, `Bearer ${login.accessToken}`, TICKET_SUB);
    const [membership] = await t.sql<{ id: string; role_id: string }>(
      `select m.id, m.role_id from memberships m join tenants tn on tn.id = m.tenant_id where tn.slug = 'acme' and m.user_id = ?`,
      [await t.userId('viewer@acme.test')],
    );
    try {
      // Straight in the database, as another instance or an operator would.
      await t.sql(`update memberships set role_id = (select id from roles where tenant_id = memberships.tenant_id and name = 'member') where id = ?`, [membership?.id]);
      expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED ACCESS_CHANGED' });
      await until(() => t.app.realtime.connections() === 0);
      // The same token is still good: the new connection holds the rights of the new role.
      const again = await subscribe(t.url, `Bearer ${login.accessToken}`, TICKET_SUB);
      await t.app.realtime.checkAccess();
      await comment(agent, acmeTicket.id, 'after the role change');
      expect((await again.next()).data?.ticketChanged.comment.body).toBe('after the role change');
    } finally {
      await t.sql('update memberships set role_id = ? where id = ?', [membership?.role_id, membership?.id]);
    }
  });

  it('closes a socket whose session moved on to another tenant (its token\'s generation is past)', async () => {
    const login = await t.login('viewer@acme.test');
    const feed = await subscribe(t.url, `Bearer ${login.accessToken}`, TICKET_SUB);
    const { sid } = jwt.decode(login.accessToken) as AccessClaims;
    await t.sql('update sessions set generation = generation + 1 where id = ?', [sid]);
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED SESSION_ENDED' });
  });

  it('closes a socket when its access token expires', async () => {
    const login = await t.login('viewer@acme.test');
    const claims = jwt.decode(login.accessToken) as AccessClaims;
    const config = t.app.services.config;
    // A token of the same session, issued long enough ago that it has 1.5 s left.
    const { token, expiresAt } = signAccessToken(config, claims, Date.now() + 1500 - config.jwt.accessTtlSeconds * 1000);
    const feed = await subscribe(t.url, `Bearer ${token}`, TICKET_SUB);
    expect(t.app.realtime.connections()).toBe(1);
    expect(await feed.closed).toEqual({ code: 4403, reason: 'UNAUTHENTICATED EXPIRED' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 1000);
  });

  it('refuses one socket more than REALTIME_MAX_CONNECTIONS_PER_USER (10 by default) for one user', async () => {
    const token = (await t.login('viewer@acme.test')).accessToken;
    const feeds: Feed[] = [];
    for (let i = 0; i < 10; i++) feeds.push(await subscribe(t.url, `Bearer ${token}`, TICKET_SUB));
    expect(t.app.realtime.connections()).toBe(10);
    const refused = await subscribe(t.url, `Bearer ${token}`, TICKET_SUB, {}, null);
    expect(await refused.closed).toEqual({ code: 1013, reason: 'Too many connections; try again later' });
    // Another user is not affected.
    const other = await subscribe(t.url, `Bearer ${member}`, TICKET_SUB);
    await comment(agent, acmeTicket.id, 'still delivered');
    expect((await other.next()).data?.ticketChanged.comment.body).toBe('still delivered');
    expect((await feeds[9]?.next())?.data?.ticketChanged.comment.body).toBe('still delivered');
  });

  it('holds subscription documents to the same depth limit as queries, and takes subscriptions only', async () => {
    const deep = await subscribe(
      t.url,
      `Bearer ${member}`,
      'subscription { ticketChanged { ticket { requester { memberships { nodes { tenant { tickets { nodes { requester { memberships { nodes { tenant { id } } } } } } } } } } } } }',
    );
    const refused = await deep.next();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' } });

    const query = await subscribe(t.url, `Bearer ${member}`, 'query { me { id } }');
    expect((await query.next()).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('bounds (an instance with REALTIME_MAX_QUEUED_EVENTS=2 and REALTIME_MAX_CONNECTIONS_PER_TENANT=2)', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ env: { REALTIME_MAX_QUEUED_EVENTS: '2', REALTIME_MAX_CONNECTIONS_PER_TENANT: '2' } });
  }, 60_000);
  afterAll(async () => {
    await small?.close();
  });

  it('drops a subscriber that falls more than REALTIME_MAX_QUEUED_EVENTS behind, rather than buffering', async () => {
    const token = (await small.login('member@acme.test')).accessToken;
    const feed = await subscribe(small.url, `Bearer ${token}`, TICKET_SUB, {}, listeningOn(small));
    const acmeId = await small.tenantId('acme');
    const rows = await small.sql<{ id: string }>('select id from tickets where tenant_id = ? order by number limit 20', [acmeId]);
    expect(rows.length).toBeGreaterThan(5);
    // Changes to many tickets committed at once: each is read again before it is sent, so they queue.
    await small.orm.em.fork().transactional(async (em) => {
      for (const row of rows) stageRealtimeEvent(em, { type: 'ticket', tenantId: acmeId, ticketId: row.id, kind: 'UPDATED' });
    });
    expect(await feed.closed).toEqual({ code: 4008, reason: 'Too slow: events were not read in time' });
    await until(() => small.app.realtime.connections() === 0 && small.app.realtime.subscriptions() === 0);
  });

  it("refuses a tenant's socket beyond REALTIME_MAX_CONNECTIONS_PER_TENANT; another tenant still connects", async () => {
    const feeds = [];
    for (const email of ['member@acme.test', 'agent@acme.test']) {
      feeds.push(await subscribe(small.url, `Bearer ${(await small.login(email)).accessToken}`, TICKET_SUB, {}, listeningOn(small)));
    }
    const third = await subscribe(small.url, `Bearer ${(await small.login('viewer@acme.test')).accessToken}`, TICKET_SUB, {}, null);
    expect(await third.closed).toEqual({ code: 1013, reason: 'Too many connections; try again later' });
    const globex = await subscribe(small.url, `Bearer ${(await small.login('owner@globex.test', 'globex')).accessToken}`, TICKET_SUB, {}, listeningOn(small));
    expect(small.app.realtime.connections()).toBe(3);
    await Promise.all([...feeds, globex].map((f) => f.dispose()));
    await until(() => small.app.realtime.connections() === 0);
  });
});

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** An API process (server/src/main.ts, compiled on the fly by swc) on `port`; resolves once it answers /healthz. */
async function startInstance(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', join(__dirname, 'support', 'swc-register.cjs'), join(root, 'server', 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two API instances sharing PostgreSQL and Redis', () => {
  let a: ChildProcess | undefined;
  let b: ChildProcess | undefined;
  let shared: TestApp | undefined;

  afterAll(async () => {
    for (const p of [a, b]) if (p && p.exitCode === null) p.kill('SIGKILL');
    await shared?.close();
  });

  it("delivers a change made through A to a subscriber on B, and B's subscribers outlive A", async () => {
    const jwtSecret = randomBytes(32).toString('hex');
    const redis = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix() };
    // A third, in-process instance owns the database (cloned and seeded) and shares Redis too.
    shared = await startTestApp({ env: { JWT_SECRET: jwtSecret, ...redis } });
    const admin = new URL(process.env.ATRIUM_TEST_ADMIN_URL ?? '');
    admin.pathname = `/${shared.orm.config.get('dbName')}`;
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: admin.toString(),
      JWT_SECRET: jwtSecret,
      ...redis,
      SEED_DEMO_DATA: 'false',
      EXECUTOR_ENABLED: 'false',
      MAIL_WORKER_ENABLED: 'false',
      WEBHOOK_WORKER_ENABLED: 'false',
      EVENT_RETENTION_INTERVAL_MINUTES: '0',
      CLIENT_DIST_DIR: '',
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'http://localhost:4000',
    };
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([startInstance(env, portA), startInstance(env, portB)]);
    const urlA = `http://127.0.0.1:${portA}`;
    const urlB = `http://127.0.0.1:${portB}`;

    const login = async (url: string, email: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: { email, password: 'atrium-demo' } } }),
      });
      return ((await res.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    };
    const memberOnB = await login(urlB, 'member@acme.test');
    const agentOnA = await login(urlA, 'agent@acme.test');
    const ticket = await ticketOfIn(shared);
    const feed = await subscribe(urlB, `Bearer ${memberOnB}`, TICKET_SUB, { id: ticket }, null);
    const commentViaA = async (body: string) => {
      const res = await fetch(`${urlA}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentOnA}` },
        body: JSON.stringify({ query: 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', variables: { input: { ticketId: ticket, body } } }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    /** The next result whose comment says `body` (earlier probes are skipped). */
    const commentSaying = async (body: string) => {
      for (;;) {
        const r = await feed.next();
        expect(r.errors).toBeUndefined();
        if (r.data?.ticketChanged.comment?.body === body) return r.data.ticketChanged;
      }
    };
    // B's subscription listens once B has read the ticket and subscribed in Redis: probe until
    // a comment through A arrives (B is another process; nothing here can ask it).
    for (let i = 0; feed.pending() === 0; i++) {
      await commentViaA(`probe ${i}`);
      const until = Date.now() + 1000;
      while (feed.pending() === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    }
    await commentViaA('sent through A');
    expect(await commentSaying('sent through A')).toMatchObject({ kind: 'COMMENTED', ticket: { id: ticket } });

    a.kill('SIGKILL');
    await new Promise((resolve) => a?.once('exit', resolve));
    // A change through yet another instance still reaches B's subscriber.
    const agentHere = (await shared.login('agent@acme.test')).accessToken;
    const viaShared = await shared.gql('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket, body: 'after A died' } }, { token: agentHere });
    expect(viaShared.errors).toBeUndefined();
    expect(await commentSaying('after A died')).toMatchObject({ kind: 'COMMENTED', ticket: { id: ticket } });
  }, 180_000);
});

async function ticketOfIn(app: TestApp): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `select tk.id from tickets tk join tenants tn on tn.id = tk.tenant_id join users u on u.id = tk.requester_id where tn.slug = 'acme' and u.email = 'member@acme.test' order by tk.number limit 1`,
  );
  if (!row) throw new Error('no ticket');
  return toGlobalId('Ticket', row.id);
}

describe('notificationReceived and internal notes', () => {
  const NOTE = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id internal } }';

  it("delivers the requester's notification of a reply, and an internal note reaches neither their ticket feed nor their inbox", async () => {
    const tickets = await subscribe(t.url, `Bearer ${member}`, TICKET_SUB, { id: acmeTicket.id });
    const inbox = await subscribe(t.url, `Bearer ${member}`, 'subscription { notificationReceived { id kind title } }');
    const agentInbox = await subscribe(t.url, `Bearer ${agent}`, 'subscription { notificationReceived { id kind } }');

    const replies = async () =>
      (await t.sql<{ n: number }>("select count(*)::int as n from notifications n join users u on u.id = n.recipient_id where u.email = 'member@acme.test' and n.kind = 'TICKET_REPLY'"))[0]?.n ?? 0;
    const before = await replies();
    // The note first: had it reached the member, it would come before the public reply.
    const note = await t.gql(NOTE, { input: { ticketId: acmeTicket.id, body: 'Internal: customer is on the legacy plan', internal: true } }, { token: agent });
    expect(note.errors).toBeUndefined();
    const replyId = await comment(agent, acmeTicket.id, 'We have found the cause.');

    const change = await tickets.next();
    expect(change.data?.ticketChanged).toMatchObject({ kind: 'COMMENTED', comment: { id: replyId, body: 'We have found the cause.' } });
    const received = await inbox.next();
    expect(received.errors).toBeUndefined();
    expect(received.data?.notificationReceived).toMatchObject({ kind: 'TICKET_REPLY' });
    // One notification for the reply, none for the note.
    expect(await replies()).toBe(before + 1);
    expect(tickets.pending()).toBe(0);
    expect(inbox.pending()).toBe(0);
    // The agent wrote both: they are notified of neither.
    expect(agentInbox.pending()).toBe(0);
  });

  it('refuses an API key: an inbox belongs to a person', async () => {
    const created = await t.gql<{ createApiKey: { secret: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'no inbox', permissions: ['ticket:read'] } },
      { token: (await t.login('owner@acme.test')).accessToken },
    );
    const secret = created.data?.createApiKey.secret;
    if (!secret) throw new Error(JSON.stringify(created.errors));
    const refused = await subscribe(t.url, `Bearer ${secret}`, 'subscription { notificationReceived { id } }');
    const answer = await refused.next();
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('runChanged(id)', () => {
  it('sends the run as it is first, so a run that finished before the subscription started is not missed', async () => {
    const started = await t.gql<{ startRun: { id: string } }>('mutation { startRun(input: {toolKey: "vat.validate", input: {vatNumber: "DE136695976"}}) { id } }', {}, { token: member });
    expect(started.errors).toBeUndefined();
    const id = started.data?.startRun.id;
    // Changed behind the subscriber's back, before it subscribes.
    await t.sql("update automation_runs set status = 'CANCELLED', finished_at = now() where id = ?", [Buffer.from(String(id), 'base64url').toString().split(':')[1]]);
    const feed = await subscribe(t.url, `Bearer ${member}`, 'subscription($id: ID) { runChanged(id: $id) { id status } }', { id });
    expect((await feed.next()).data?.runChanged).toEqual({ id, status: 'CANCELLED' });
  });
});
