import { Client } from 'pg';
import { RequestBudget, withBudget } from '../src/common/request-budget';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { startTestApp, type TestApp } from './harness';

describe('execution budget', () => {
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { REQUEST_BUDGET_MS: '1500', DB_STATEMENT_TIMEOUT_MS: '1000', RETRY_AFTER_SECONDS: '3' } });
    agent = (await t.login('agent@acme.test')).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops a query held up by a lock, answers 503 saying so, and stays responsive meanwhile', async () => {
    // Another session holds the tickets table: every read of it waits.
    const blocker = new Client({ connectionString: t.orm.config.getClientUrl() });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table tickets in access exclusive mode');
      const slow = t.gql('{ tickets(first: 5) { totalCount nodes { id } } }', {}, { token: agent });
      // The process answers other requests while that one waits.
      const health = await fetch(`${t.url}/healthz`);
      expect(health.status).toBe(200);
      const res = await slow;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'EXECUTION_BUDGET_EXCEEDED' });
      expect(res.errors?.[0]?.message).not.toMatch(/canceling statement|statement timeout|select/i);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    const after = await t.gql('{ tickets(first: 5) { totalCount nodes { id } } }', {}, { token: agent });
    expect(after.errors).toBeUndefined();
    expect(after.data?.tickets.nodes).toHaveLength(5);
  });

  it('sends no statement once the budget is spent', async () => {
    const spent = new RequestBudget(10, 3, Date.now() - 1000);
    const em = t.orm.em.fork();
    const { count } = await t.countQueries(async () => {
      await expect(withBudget(spent, () => em.find(Ticket, {}, { filters: false, limit: 1 }))).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        extensions: { reason: 'EXECUTION_BUDGET_EXCEEDED' },
      });
    });
    expect(count).toBe(0);
    // The same read within a budget that is not spent goes through.
    const fresh = new RequestBudget(10_000, 3);
    await expect(withBudget(fresh, () => em.find(Ticket, {}, { filters: false, limit: 1 }))).resolves.toHaveLength(1);
  });

  it('stops working for a client that went away', async () => {
    const budget = new RequestBudget(10_000, 3);
    budget.abandon();
    expect(budget.exhausted).toBe('CLIENT_GONE');
    expect(() => budget.check()).toThrow(/stopped/);
  });
});
