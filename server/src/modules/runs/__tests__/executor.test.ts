import { randomUUID } from 'node:crypto';
import { ConfigError, type ExecutorConfig, loadConfig } from '../../../config';
import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { hashPassword } from '../../auth/password';
import { grantTool } from '../../entitlements/entitlement.factory';
import { addMember, provisionTenant } from '../../tenancy/tenant.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTool } from '../../tools/tool.factory';
import { Tool } from '../../tools/tool.entity';
import { makeComment, makeTicket } from '../../tickets/ticket.factory';
import { User } from '../../users/user.entity';
import { RunStatus } from '../run.entity';
import { backoffMs, RunExecutor } from '../run.executor';
import { makeRun } from '../run.factory';
import { RunError, type ToolHandler, type ToolRunContext } from '../run.handler';
import { createToolRegistry, DEMO_TOOLS } from '../handlers';

/**
 * The run executor against a real database: concurrent workers claim each run once, failed
 * attempts retry with exponential backoff, a run left RUNNING by a dead worker is reclaimed and
 * completed exactly once, cancellation stops a running handler, shutdown lets runs finish or
 * gives them back, and the demo tools do their work in the run's tenant.
 */

const PASSWORD = 'executor-pass';
let t: TestApp;
let tenantId: string;
let token: string;
let tools: Record<string, Tool>;

const config = (o: Partial<ExecutorConfig> = {}): ExecutorConfig => ({
  enabled: true,
  concurrency: 2,
  pollIntervalMs: 20,
  maxAttempts: 3,
  leaseMs: 1500,
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
  runTimeoutMs: 10_000,
  shutdownGraceMs: 2000,
  ...o,
});

const silent = () => t.app.services.logger;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(25);
  }
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const registry = (handlers: Record<string, ToolHandler>) => new Map(Object.entries(handlers));

/** Queued runs of a tool in the test tenant, created now (due at once). */
async function queue(tool: Tool, n: number, input: Record<string, unknown> = {}): Promise<string[]> {
  const em = t.orm.em.fork();
  const tenant = em.getReference(Tenant, tenantId);
  const runs = Array.from({ length: n }, (_, i) => makeRun(em, tenant, tool, { input: { i, ...input }, createdAt: new Date(Date.now() - 1000), correlationId: `exec-${randomUUID()}` }));
  await em.flush();
  return runs.map((r) => r.id);
}

interface RunRow {
  status: string;
  attempts: number;
  error: string | null;
  output: any;
  next_attempt_at: Date | null;
  lease_owner: string | null;
  locked_until: Date | null;
  finished_at: Date | null;
}
const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
async function row(id: string): Promise<RunRow> {
  const [r] = await t.sql<RunRow>('select status, attempts, error, output, next_attempt_at, lease_owner, locked_until, finished_at from automation_runs where id = ?', [id]);
  if (!r) throw new Error(`no run ${id}`);
  return { ...r, next_attempt_at: asDate(r.next_attempt_at), locked_until: asDate(r.locked_until), finished_at: asDate(r.finished_at) };
}
const events = (id: string) =>
  t.sql<{ type: string; severity: string; payload: any; tenant_id: string; correlation_id: string }>(
    `select type, severity, payload, tenant_id, correlation_id from system_events where payload->>'runId' = ? order by occurred_at, id`,
    [toGlobalId('AutomationRun', id)],
  );
const types = async (id: string) => (await events(id)).map((e) => e.type);

beforeAll(async () => {
  t = await startTestApp();
  // The executor is a system job: it takes due runs of every tenant. Park the seed's queued
  // and running runs so that only this file's runs are in play.
  await t.sql(`update automation_runs set status = 'CANCELLED', locked_until = null, lease_owner = null where status in ('QUEUED', 'RUNNING')`);
  const em = t.orm.em.fork();
  const p = provisionTenant(em, { slug: 'executor-co', name: 'Executor Co' });
  const user = em.create(User, { email: 'member@executor.test', name: 'Exec Member', passwordHash: await hashPassword(PASSWORD) });
  em.persist(user);
  addMember(em, p, user, 'member');
  tools = {};
  for (const key of ['ex.work', 'ex.flaky', 'ex.broken', 'ex.slow', 'ex.nohandler']) tools[key] = makeTool(em, { key, name: key });
  for (const def of DEMO_TOOLS) {
    const existing = await em.findOne(Tool, { key: def.key });
    tools[def.key] = existing ?? makeTool(em, { key: def.key, name: def.name, inputSchema: def.inputSchema });
  }
  for (const tool of Object.values(tools)) grantTool(em, p.tenant, tool);
  await em.flush();
  tenantId = p.tenant.id;
  token = (await t.login('member@executor.test', 'executor-co', PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('configuration', () => {
  it('has working defaults and refuses nonsense at start-up', () => {
    const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).executor).toEqual({
      enabled: true,
      concurrency: 2,
      pollIntervalMs: 1000,
      maxAttempts: 3,
      leaseMs: 30_000,
      backoffBaseMs: 2000,
      backoffMaxMs: 300_000,
      runTimeoutMs: 300_000,
      shutdownGraceMs: 10_000,
    });
    expect(loadConfig({ ...base, EXECUTOR_ENABLED: 'false', EXECUTOR_CONCURRENCY: '8', EXECUTOR_LEASE_SECONDS: '60' }).executor).toMatchObject({ enabled: false, concurrency: 8, leaseMs: 60_000 });
    for (const bad of [{ EXECUTOR_CONCURRENCY: '0' }, { EXECUTOR_MAX_ATTEMPTS: 'many' }, { EXECUTOR_POLL_INTERVAL_MS: '5' }, { EXECUTOR_ENABLED: 'maybe' }]) {
      expect(() => loadConfig({ ...base, ...bad })).toThrow(ConfigError);
    }
  });
});

describe('claiming', () => {
  it('two workers with concurrency 3 and 2 run 14 runs, each exactly once, never more at once than allowed', async () => {
    const ids = await queue(tools['ex.work'], 14);
    const calls = new Map<string, number>();
    const active = { a: 0, b: 0, max: { a: 0, b: 0, both: 0 } };
    const worker = (name: 'a' | 'b'): ToolHandler => async ({ runId, tenantId: tid, em }) => {
      calls.set(runId, (calls.get(runId) ?? 0) + 1);
      active[name] += 1;
      active.max[name] = Math.max(active.max[name], active[name]);
      active.max.both = Math.max(active.max.both, active.a + active.b);
      // Real work in the run's tenant: the EntityManager is pinned to it.
      const tenant = await em.findOneOrFail(Tenant, { id: tid });
      await sleep(40);
      active[name] -= 1;
      return { worker: name, tenant: tenant.slug };
    };
    const a = new RunExecutor(t.orm, config({ concurrency: 3 }), silent(), registry({ 'ex.work': worker('a') }), { workerId: 'a' });
    const b = new RunExecutor(t.orm, config({ concurrency: 2 }), silent(), registry({ 'ex.work': worker('b') }), { workerId: 'b' });
    a.start();
    b.start();
    try {
      await waitFor(async () => (await t.count(`select count(*) as n from automation_runs where id = any(?::uuid[]) and status = 'SUCCEEDED'`, [`{${ids.join(',')}}`])) === 14);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(14);
    expect(active.max.a).toBeLessThanOrEqual(3);
    expect(active.max.b).toBeLessThanOrEqual(2);
    expect(active.max.both).toBeLessThanOrEqual(5);
    // Both workers got work, and each run was started once and finished once.
    const byWorker = await t.sql<{ w: string; n: string }>(
      `select output->>'worker' as w, count(*) as n from automation_runs where id = any(?::uuid[]) group by 1 order by 1`,
      [`{${ids.join(',')}}`],
    );
    expect(byWorker.map((r) => r.w)).toEqual(['a', 'b']);
    for (const id of ids) {
      expect(await types(id)).toEqual(['run.started', 'run.succeeded']);
      const r = await row(id);
      expect(r).toMatchObject({ attempts: 1, lease_owner: null, locked_until: null, output: { tenant: 'executor-co' } });
    }
    const started = await events(ids[0]);
    expect(started[0]).toMatchObject({ tenant_id: tenantId, severity: 'INFO' });
  });
});

describe('retries', () => {
  it('retries a failed attempt after base * 2^(attempt-1), then succeeds', async () => {
    const [id] = await queue(tools['ex.flaky'], 1);
    let attempts = 0;
    const flaky: ToolHandler = async ({ attempt }) => {
      attempts += 1;
      if (attempt === 1) throw new Error('connection reset by peer at 10.0.0.1');
      return { ok: true, attempt };
    };
    let now = new Date(Date.now() + 60_000);
    const ex = new RunExecutor(t.orm, config(), silent(), registry({ 'ex.flaky': flaky }), { clock: () => now });
    expect(await ex.tick()).toBe(1);
    await ex.idle();
    const afterFirst = await row(id);
    expect(afterFirst.status).toBe('QUEUED');
    expect(afterFirst.attempts).toBe(1);
    expect(afterFirst.next_attempt_at?.getTime()).toBe(now.getTime() + 1000);
    // What the run shows is generic: no internals of the failure.
    expect(afterFirst.error).toMatch(/^The tool failed unexpectedly \(reference exec-/);
    expect(afterFirst.error).not.toMatch(/10\.0\.0\.1/);

    now = new Date(now.getTime() + 999);
    expect(await ex.tick()).toBe(0);
    now = new Date(now.getTime() + 1);
    expect(await ex.tick()).toBe(1);
    await ex.idle();
    expect(await row(id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, error: null, output: { ok: true, attempt: 2 } });
    expect(attempts).toBe(2);
    const evs = await events(id);
    expect(evs.map((e) => [e.type, e.severity])).toEqual([
      ['run.started', 'INFO'],
      ['run.requeued', 'WARNING'],
      ['run.started', 'INFO'],
      ['run.succeeded', 'INFO'],
    ]);
    expect(evs[1]?.payload).toMatchObject({ reason: 'ATTEMPT_FAILED', from: 'RUNNING', to: 'QUEUED', attempt: 1 });
  });

  it('backs off exponentially, capped, and fails the run when attempts run out', async () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffMs({ backoffBaseMs: 1000, backoffMaxMs: 5000 }, a))).toEqual([1000, 2000, 4000, 5000, 5000]);
    const [id] = await queue(tools['ex.broken'], 1);
    const broken: ToolHandler = async () => {
      throw new Error('always');
    };
    let now = new Date(Date.now() + 60_000);
    const ex = new RunExecutor(t.orm, config({ maxAttempts: 3 }), silent(), registry({ 'ex.broken': broken }), { clock: () => now });
    const dueTimes: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await ex.tick()).toBe(1);
      await ex.idle();
      const r = await row(id);
      if (attempt < 3) {
        expect(r.status).toBe('QUEUED');
        dueTimes.push(r.next_attempt_at!.getTime() - now.getTime());
        now = new Date(r.next_attempt_at!.getTime());
      } else {
        expect(r).toMatchObject({ status: 'FAILED', attempts: 3, next_attempt_at: null });
        expect(r.finished_at?.getTime()).toBe(now.getTime());
      }
    }
    expect(dueTimes).toEqual([1000, 2000]);
    const evs = await events(id);
    expect(evs.map((e) => e.type)).toEqual(['run.started', 'run.requeued', 'run.started', 'run.requeued', 'run.started', 'run.failed']);
    expect(evs[5]).toMatchObject({ severity: 'ERROR', payload: { retryable: true } });
  });

  it('fails at once on a RunError, on a tool without a handler and on a result that is not an object', async () => {
    const [permanent] = await queue(tools['ex.broken'], 1);
    const [nohandler] = await queue(tools['ex.nohandler'], 1);
    const [notObject] = await queue(tools['ex.work'], 1);
    const ex = new RunExecutor(t.orm, config({ concurrency: 3 }), silent(), registry({
      'ex.broken': async () => {
        throw new RunError('The ticket was not found.');
      },
      'ex.work': async () => ['not', 'an', 'object'] as unknown as Record<string, unknown>,
    }));
    expect(await ex.tick()).toBe(3);
    await ex.idle();
    expect(await row(permanent)).toMatchObject({ status: 'FAILED', attempts: 1, error: 'The ticket was not found.' });
    expect(await row(nohandler)).toMatchObject({ status: 'FAILED', attempts: 1, error: 'This server has no handler for the tool "ex.nohandler".' });
    expect(await row(notObject)).toMatchObject({ status: 'FAILED', attempts: 1, error: 'The tool returned no result object.' });
  });

  it('stops an attempt that outlives the run timeout and retries it', async () => {
    const [id] = await queue(tools['ex.slow'], 1);
    let sawAbort = false;
    const slow: ToolHandler = async ({ signal }) => {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      sawAbort = true;
      return { late: true };
    };
    const ex = new RunExecutor(t.orm, config({ runTimeoutMs: 150 }), silent(), registry({ 'ex.slow': slow }));
    await ex.tick();
    await ex.idle();
    expect(sawAbort).toBe(true);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(r.error).toMatch(/took longer than 0 s/);
    await t.sql(`update automation_runs set status = 'CANCELLED' where id = ?`, [id]);
  });
});

describe('a worker that dies mid-run', () => {
  it('reclaims a run left RUNNING with an expired lease and completes it exactly once', async () => {
    const em = t.orm.em.fork();
    const dead = makeRun(em, em.getReference(Tenant, tenantId), tools['ex.work'], {
      status: RunStatus.RUNNING,
      attempts: 1,
      startedAt: new Date(Date.now() - 120_000),
      lockedUntil: new Date(Date.now() - 60_000),
      leaseOwner: randomUUID(),
      createdAt: new Date(Date.now() - 130_000),
    });
    await em.flush();
    let calls = 0;
    let now = new Date();
    const ex = new RunExecutor(t.orm, config(), silent(), registry({ 'ex.work': async () => ({ calls: ++calls }) }), { clock: () => now });
    // First poll: reclaimed, queued again behind its backoff.
    expect(await ex.tick()).toBe(0);
    expect(await row(dead.id)).toMatchObject({ status: 'QUEUED', attempts: 1, lease_owner: null, error: 'The worker running this attempt stopped responding.' });
    now = new Date(now.getTime() + 1000);
    expect(await ex.tick()).toBe(1);
    await ex.idle();
    expect(await ex.tick()).toBe(0);
    await ex.idle();
    expect(calls).toBe(1);
    expect(await row(dead.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, output: { calls: 1 } });
    const evs = await events(dead.id);
    expect(evs.map((e) => e.type)).toEqual(['run.requeued', 'run.started', 'run.succeeded']);
    expect(evs[0]?.payload).toMatchObject({ reason: 'LEASE_EXPIRED' });
  });

  it('fails a reclaimed run that has no attempts left', async () => {
    const em = t.orm.em.fork();
    const dead = makeRun(em, em.getReference(Tenant, tenantId), tools['ex.work'], {
      status: RunStatus.RUNNING,
      attempts: 3,
      maxAttempts: 3,
      lockedUntil: new Date(Date.now() - 1000),
      leaseOwner: randomUUID(),
    });
    await em.flush();
    const ex = new RunExecutor(t.orm, config(), silent(), registry({ 'ex.work': async () => ({ never: true }) }));
    await ex.tick();
    await ex.idle();
    expect(await row(dead.id)).toMatchObject({ status: 'FAILED', attempts: 3, error: 'The worker running this attempt stopped responding. No attempts are left.' });
    expect((await events(dead.id)).map((e) => [e.type, e.payload.reason])).toEqual([['run.failed', 'LEASE_EXPIRED']]);
  });

  it('never lets the worker that lost its lease write: the reclaiming worker’s result stands', async () => {
    const [id] = await queue(tools['ex.work'], 1);
    const release = deferred();
    let zombieAborted = false;
    const zombie = new RunExecutor(t.orm, config({ leaseMs: 600 }), silent(), registry({
      'ex.work': async ({ signal }) => {
        signal.addEventListener('abort', () => (zombieAborted = true), { once: true });
        await release.promise;
        return { by: 'zombie' };
      },
    }), { workerId: 'zombie' });
    expect(await zombie.tick()).toBe(1);
    // Another worker whose clock is past the zombie's lease reclaims the run and finishes it.
    let now = new Date(Date.now() + 30_000);
    const rescuer = new RunExecutor(t.orm, config(), silent(), registry({ 'ex.work': async () => ({ by: 'rescuer' }) }), { workerId: 'rescuer', clock: () => now });
    // A heartbeat holding the row at that instant makes the poll skip it; the next poll gets it.
    await waitFor(async () => (await rescuer.tick()) === 0 && (await row(id)).status === 'QUEUED', 5000);
    now = new Date(now.getTime() + 1000);
    await waitFor(async () => (await rescuer.tick()) === 1, 5000);
    await rescuer.idle();
    expect(await row(id)).toMatchObject({ status: 'SUCCEEDED', output: { by: 'rescuer' } });
    // The zombie's next heartbeat finds the run gone from it and aborts its handler.
    await waitFor(async () => zombieAborted, 5000);
    release.resolve();
    await zombie.idle();
    expect(await row(id)).toMatchObject({ status: 'SUCCEEDED', output: { by: 'rescuer' } });
    expect((await types(id)).filter((x) => x === 'run.succeeded')).toHaveLength(1);
    expect(await types(id)).toEqual(['run.started', 'run.requeued', 'run.started', 'run.succeeded']);
  });
});

describe('cancellation', () => {
  const CANCEL = 'mutation($id: ID!) { cancelRun(id: $id) { status } }';

  it('a queued run cancelled through the API is never claimed', async () => {
    const [id] = await queue(tools['ex.work'], 1);
    const res = await t.gql(CANCEL, { id: toGlobalId('AutomationRun', id) }, { token });
    expect(res.data?.cancelRun.status).toBe('CANCELLED');
    let called = false;
    const ex = new RunExecutor(t.orm, config(), silent(), registry({ 'ex.work': async () => ((called = true), {}) }));
    expect(await ex.tick()).toBe(0);
    expect(called).toBe(false);
  });

  it('a running run cancelled through the API has its handler aborted and its result discarded', async () => {
    const [id] = await queue(tools['ex.slow'], 1);
    const started = deferred();
    let observed: unknown = null;
    const ex = new RunExecutor(t.orm, config({ leaseMs: 300 }), silent(), registry({
      'ex.slow': async ({ signal }: ToolRunContext) => {
        started.resolve();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        observed = signal.reason;
        return { finished: 'anyway' };
      },
    }));
    await ex.tick();
    await started.promise;
    const res = await t.gql(CANCEL, { id: toGlobalId('AutomationRun', id) }, { token });
    expect(res.data?.cancelRun.status).toBe('CANCELLED');
    await ex.idle();
    expect(observed).toBeTruthy();
    expect(await row(id)).toMatchObject({ status: 'CANCELLED', output: null, lease_owner: null });
    expect(await types(id)).toEqual(['run.started', 'run.cancelled']);
  });
});

describe('shutdown', () => {
  it('waits for a run in flight to finish', async () => {
    const [id] = await queue(tools['ex.work'], 1);
    const ex = new RunExecutor(t.orm, config({ shutdownGraceMs: 3000 }), silent(), registry({ 'ex.work': async () => (await sleep(150), { done: true }) }));
    ex.start();
    await waitFor(async () => (await row(id)).status === 'RUNNING');
    await ex.stop();
    expect(await row(id)).toMatchObject({ status: 'SUCCEEDED', output: { done: true } });
    expect(ex.activeCount).toBe(0);
  });

  it('after the grace period aborts what is left and gives it back to the queue, attempt not counted', async () => {
    const [id] = await queue(tools['ex.slow'], 1);
    const started = deferred();
    let aborted = false;
    const ex = new RunExecutor(t.orm, config({ shutdownGraceMs: 100 }), silent(), registry({
      // Ignores the signal on purpose: shutdown must not wait for it.
      'ex.slow': async ({ signal }) => {
        signal.addEventListener('abort', () => (aborted = true), { once: true });
        started.resolve();
        await new Promise((resolve) => setTimeout(resolve, 5000).unref());
        return { late: true };
      },
    }));
    await ex.tick();
    await started.promise;
    const t0 = Date.now();
    await ex.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(aborted).toBe(true);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'QUEUED', attempts: 0, lease_owner: null });
    expect(r.next_attempt_at).toBeTruthy();
    const evs = await events(id);
    expect(evs.map((e) => [e.type, e.payload.reason])).toEqual([
      ['run.started', undefined],
      ['run.requeued', 'SHUTDOWN'],
    ]);
    // A stopped executor claims nothing more.
    expect(await ex.tick()).toBe(0);
    await t.sql(`update automation_runs set status = 'CANCELLED' where id = ?`, [id]);
  });
});

describe('demo tools', () => {
  const START = 'mutation($input: StartRunInput!) { startRun(input: $input) { id } }';

  async function runThrough(toolKey: string, input: Record<string, unknown>, tok = token): Promise<string> {
    const res = await t.gql(START, { input: { toolKey, input } }, { token: tok });
    expect(res.errors).toBeUndefined();
    const id = fromGlobalId(res.data?.startRun.id).id;
    const ex = new RunExecutor(t.orm, config({ concurrency: 4 }), silent(), createToolRegistry());
    while ((await ex.tick()) > 0) await ex.idle();
    await ex.idle();
    return id;
  }

  it('ticket.summarise summarises a ticket of the run’s tenant: key sentences, counts and participants', async () => {
    const em = t.orm.em.fork();
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
    const member = await em.findOneOrFail(User, { email: 'member@executor.test' });
    const agent = em.create(User, { email: 'agent@executor.test', name: 'Exec Agent', passwordHash: 'x' });
    em.persist(agent);
    const ticket = makeTicket(em, tenant, member, {
      subject: 'Invoice export fails',
      body: 'The invoice export fails every night. The export stops at 50 invoices. We need the export for our accountant by Friday.',
      assignee: agent,
    });
    makeComment(em, ticket, agent, 'Thanks. Does the invoice export fail for every month?', new Date(Date.now() + 1000));
    makeComment(em, ticket, member, 'Yes, the export fails for October and November. Other reports work fine.', new Date(Date.now() + 2000));
    makeComment(em, ticket, agent, 'We found the cause: invoices with a long address break the export. A fix ships tomorrow.', new Date(Date.now() + 3000));
    await em.flush();

    const id = await runThrough('ticket.summarise', { ticketId: toGlobalId('Ticket', ticket.id), maxSentences: 3 });
    const r = await row(id);
    expect(r.status).toBe('SUCCEEDED');
    const out = r.output;
    expect(out.ticket).toEqual({ id: toGlobalId('Ticket', ticket.id), number: ticket.number, subject: 'Invoice export fails', status: 'OPEN' });
    expect(out.summary).toHaveLength(3);
    // Extractive: every key sentence is a sentence of the thread, in thread order, about the export.
    const thread = [ticket.body, 'Thanks. Does the invoice export fail for every month?', 'Yes, the export fails for October and November. Other reports work fine.', 'We found the cause: invoices with a long address break the export. A fix ships tomorrow.'].join(' ');
    for (const s of out.summary as string[]) {
      expect(thread).toContain(s);
      expect(s.toLowerCase()).toMatch(/export|invoice/);
    }
    expect(out.summary[0]).toBe('The invoice export fails every night.');
    expect(out.counts).toEqual({ comments: 3, sentences: 9, words: expect.any(Number), participants: 2 });
    expect(out.counts.words).toBe(thread.split(/\s+/).length);
    expect(out.participants).toEqual([
      { id: toGlobalId('User', agent.id), name: 'Exec Agent', roles: ['assignee', 'commenter'], comments: 2 },
      { id: toGlobalId('User', member.id), name: 'Exec Member', roles: ['commenter', 'requester'], comments: 1 },
    ]);
    expect(await types(id)).toEqual(['run.queued', 'run.started', 'run.succeeded']);
  });

  it('ticket.summarise cannot read another tenant’s ticket: the run fails without retrying', async () => {
    const [globexTicket] = await t.sql<{ id: string }>(`select t.id from tickets t join tenants n on n.id = t.tenant_id where n.slug = 'globex' limit 1`);
    const id = await runThrough('ticket.summarise', { ticketId: toGlobalId('Ticket', globexTicket.id) });
    expect(await row(id)).toMatchObject({ status: 'FAILED', attempts: 1, error: 'The ticket was not found in your organisation.', output: null });
    const notATicket = await runThrough('ticket.summarise', { ticketId: toGlobalId('Tool', tools['ex.work'].id) });
    expect(await row(notATicket)).toMatchObject({ status: 'FAILED', error: 'ticketId is not the id of a ticket.' });
  });

  it('vat.validate checks the number and reports, valid or not', async () => {
    const good = await runThrough('vat.validate', { vatNumber: 'DE 136 695 976' });
    expect(await row(good)).toMatchObject({ status: 'SUCCEEDED', output: { normalized: 'DE136695976', country: 'Germany', checksum: 'VALID', valid: true } });
    const typo = await runThrough('vat.validate', { vatNumber: 'DE136695975' });
    expect(await row(typo)).toMatchObject({ status: 'SUCCEEDED', output: { checksum: 'INVALID', valid: false } });
    const bad = await t.gql(START, { input: { toolKey: 'vat.validate', input: { vat: 'DE136695976' } } }, { token });
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
