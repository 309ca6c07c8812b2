import { ReferenceKind } from '@mikro-orm/core';
import pg from 'pg';
import { paginate } from '../src/common/pagination/paginate';
import { SortDirection } from '../src/common/pagination/connection';
import { dateSort } from '../src/common/pagination/paginate';
import { TENANT_FILTER } from '../src/database/tenant-filter';
import { leanCount, leanFind, preparedRows } from '../src/database/lean-find';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { AutomationRun } from '../src/modules/runs/run.entity';
import { READ_TIMEOUT_MESSAGE, watchReads } from '../src/database/read-watchdog';
import { startTestApp, type TestApp } from './harness';

/*
 * List pages answer GraphQL and nothing else, so they are read lean: the rows are instances of
 * the entity class (their methods and GraphQL type work) but nothing enters the identity map or
 * the unit of work, and the tenant filter still applies and still fails closed.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function tenantEm(tenantId: string) {
  const em = t.orm.em.fork();
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

describe('lean list reads', () => {
  it('returns a page of entity-class instances and leaves the identity map empty', async () => {
    const acme = await t.tenantId('acme');
    const em = tenantEm(acme);
    const page = await paginate({ em, entity: Ticket, where: {}, args: { first: 5 }, sort: dateSort<Ticket>('createdAt', SortDirection.DESC) });
    expect(page.nodes.length).toBeGreaterThan(0);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    for (const ticket of page.nodes) {
      expect(ticket).toBeInstanceOf(Ticket);
      expect(ticket.constructor.name).toBe('Ticket');
      expect(ticket.globalId()).toBe(Buffer.from(`Ticket:${ticket.id}`).toString('base64url'));
      expect(ticket.createdAt).toBeInstanceOf(Date);
      expect(typeof ticket.requester.id).toBe('string');
      expect(ticket.tenant.id).toBe(acme);
    }
    const sql = await t.sql<{ id: string }>('select id from tickets where tenant_id = ? order by created_at desc, id desc limit 5', [acme]);
    expect(page.nodes.map((n) => n.id)).toEqual(sql.map((r) => r.id));
  });

  it('maps every column as the ORM hydrates it, for every tenant-owned entity with rows', async () => {
    const acme = await t.tenantId('acme');
    const checked: string[] = [];
    for (const meta of Object.values(t.orm.getMetadata().getAll())) {
      if (meta.embeddable || meta.virtual || !meta.properties.tenant || meta.abstract) continue;
      const lean = await leanFind<Record<string, unknown>>(tenantEm(acme), meta.className, {}, { limit: 3 });
      if (!lean.length) continue;
      const em = tenantEm(acme);
      const hydrated = await em.find<Record<string, unknown>>(meta.className, { id: { $in: lean.map((r) => r.id) } });
      for (const row of lean) {
        expect(row).toBeInstanceOf(meta.class);
        expect(row.constructor).toBe(meta.class);
        const entity = hydrated.find((h) => h.id === row.id);
        for (const prop of meta.props) {
          if (prop.persist === false || (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE)) continue;
          const mine = row[prop.name];
          const theirs = entity?.[prop.name];
          if (prop.kind === ReferenceKind.MANY_TO_ONE) expect([meta.className, prop.name, (mine as { id?: string } | null)?.id ?? null]).toEqual([meta.className, prop.name, (theirs as { id?: string } | null)?.id ?? null]);
          else expect([meta.className, prop.name, mine]).toEqual([meta.className, prop.name, theirs]);
        }
      }
      checked.push(meta.className);
    }
    // The demo tenant has tickets, comments, runs and events at least: the comparison covered them.
    expect(checked).toEqual(expect.arrayContaining(['Ticket', 'TicketComment', 'AutomationRun', 'SystemEvent', 'KycCase', 'Membership']));
  });

  it('reads inside a transaction on its connection: a change the transaction has not committed is seen there and nowhere else', async () => {
    const acme = await t.tenantId('acme');
    const [row] = await t.sql<{ id: string; subject: string }>('select id, subject from tickets where tenant_id = ? limit 1', [acme]);
    if (!row) throw new Error('acme has no tickets');
    await expect(
      tenantEm(acme).transactional(async (tem) => {
        await tem.getConnection().execute(`update tickets set subject = 'changed in the transaction' where id = ?`, [row.id], 'run', tem.getTransactionContext());
        const [inside] = await leanFind(tem, Ticket, { id: row.id });
        expect(inside).toBeInstanceOf(Ticket);
        expect(inside?.subject).toBe('changed in the transaction');
        expect(inside?.createdAt).toBeInstanceOf(Date);
        expect(tem.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
        const [outside] = await leanFind(tenantEm(acme), Ticket, { id: row.id });
        expect(outside?.subject).toBe(row.subject);
        // totalCount reads the same way: the transaction counts its change, others do not.
        expect(await leanCount(tem, Ticket, { subject: 'changed in the transaction' })).toBe(1);
        expect(await leanCount(tenantEm(acme), Ticket, { subject: 'changed in the transaction' })).toBe(0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const [after] = await leanFind(tenantEm(acme), Ticket, { id: row.id });
    expect(after?.subject).toBe(row.subject);
  });

  it('keeps the tenant filter: another tenant sees none of these rows, and no tenant at all is refused', async () => {
    const acme = await t.tenantId('acme');
    const globex = await t.tenantId('globex');
    const ids = (await t.sql<{ id: string }>('select id from tickets where tenant_id = ? limit 3', [acme])).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(await leanFind(tenantEm(globex), Ticket, { id: { $in: ids } })).toEqual([]);
    expect(await leanFind(tenantEm(acme), Ticket, { id: { $in: ids } })).toHaveLength(ids.length);
    // The filter declares its argument: a fork without a tenant throws instead of reading every tenant.
    await expect(leanFind(t.orm.em.fork(), Ticket, { id: { $in: ids } })).rejects.toThrow();
  });

  it('sends a page as a prepared statement with bound values, not with the values inlined', async () => {
    const acme = await t.tenantId('acme');
    const knex = t.orm.em.getConnection().getKnex();
    const seen: { sql: string; bindings?: unknown[] }[] = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push(q);
    knex.on('query', listener);
    try {
      for (let i = 0; i < 2; i++) await paginate({ em: tenantEm(acme), entity: Ticket, where: {}, args: { first: 3 }, sort: dateSort<Ticket>('createdAt', SortDirection.DESC) });
    } finally {
      knex.removeListener('query', listener);
    }
    // One statement per page, the tenant bound as a value.
    expect(seen).toHaveLength(2);
    for (const q of seen) {
      expect(q.sql).toMatch(/\$1/);
      expect(q.sql).not.toContain(acme);
      expect(q.bindings).toContain(acme);
    }
    // Reads run one after another reuse one pooled connection, which now holds the named statement.
    const client = (await (knex.client as { acquireConnection(): Promise<unknown> }).acquireConnection()) as { query(sql: string): Promise<{ rows: { name: string; statement: string }[] }> };
    try {
      const { rows } = await client.query('select name, statement from pg_prepared_statements');
      expect(rows.some((r) => r.name.startsWith('lean_') && r.statement === seen[0]?.sql)).toBe(true);
    } finally {
      await (knex.client as { releaseConnection(c: unknown): Promise<void> }).releaseConnection(client);
    }
  });

  it('builds a page\'s statement (and its count) once per shape: later pages, cursors and tenants only bind their values', async () => {
    const acme = await t.tenantId('acme');
    const globex = await t.tenantId('globex');
    const sort = dateSort<Ticket>('createdAt', SortDirection.DESC);
    // The page size (7, and one more) is written into the statement and names it with the rest of the
    // shape: an earlier test's first page of that size may have taught this shape already.
    const page = async (tenantId: string, after?: string) => {
      const em = tenantEm(tenantId);
      const builds = jest.spyOn(em, 'createQueryBuilder');
      const result = await paginate({ em, entity: Ticket, where: {}, args: { first: 7, after }, sort });
      const built = builds.mock.calls.length;
      builds.mockRestore();
      return { result, built };
    };
    const expected = (tenantId: string) => t.sql<{ id: string }>('select id from tickets where tenant_id = ? order by created_at desc, id desc', [tenantId]);
    const acmeIds = (await expected(acme)).map((r) => r.id);
    const globexIds = (await expected(globex)).map((r) => r.id);

    const first = await page(acme);
    expect(first.result.nodes.map((n) => n.id)).toEqual(acmeIds.slice(0, 7));
    // Same shape, another tenant: no builder, and globex's rows only.
    const other = await page(globex);
    expect(other.built).toBe(0);
    expect(other.result.nodes.map((n) => n.id)).toEqual(globexIds.slice(0, 7));
    // A cursor is another shape (learned once); its next pages bind the cursor's date and id.
    let after = first.result.pageInfo.endCursor ?? undefined;
    const second = await page(acme, after);
    expect(second.result.nodes.map((n) => n.id)).toEqual(acmeIds.slice(7, 14));
    after = second.result.pageInfo.endCursor ?? undefined;
    const third = await page(acme, after);
    expect(third.built).toBe(0);
    expect(third.result.nodes.map((n) => n.id)).toEqual(acmeIds.slice(14, 21));
    // totalCount is learned the same way: the second tenant's count builds nothing and counts only its rows.
    const counted = async (tenantId: string) => {
      const em = tenantEm(tenantId);
      const result = await paginate({ em, entity: Ticket, where: {}, args: { first: 7 }, sort });
      const builds = jest.spyOn(em, 'createQueryBuilder');
      const total = await result.countTotal();
      const built = builds.mock.calls.length;
      builds.mockRestore();
      return { total, built };
    };
    expect((await counted(acme)).total).toBe(acmeIds.length);
    expect(await counted(globex)).toEqual({ total: globexIds.length, built: 0 });
    // The learned statement still fails closed: a fork without a tenant is refused before any SQL.
    await expect(paginate({ em: t.orm.em.fork(), entity: Ticket, where: {}, args: { first: 7 }, sort })).rejects.toThrow();
  });
  it('reads a page\'s included people in its statement, each mapped once, and refuses to join a tenant-owned entity before any SQL', async () => {
    const acme = await t.tenantId('acme');
    const sort = dateSort<Ticket>('createdAt', SortDirection.DESC);
    const primed: string[] = [];
    const include = { property: 'requester', prime: (id: string) => void primed.push(id) };
    const { count, sql } = await t.countQueries(() => paginate({ em: tenantEm(acme), entity: Ticket, where: {}, args: { first: 20 }, sort, includes: [include] }));
    expect(count).toBe(1);
    expect(sql[0]).toMatch(/left join lateral \(select \* from "users"/);
    const expected = await t.sql<{ requester_id: string }>('select requester_id from tickets where tenant_id = ? order by created_at desc, id desc limit 20', [acme]);
    const distinct = [...new Set(expected.map((r) => r.requester_id))];
    // Several tickets name the same requester; each is handed over once.
    expect(distinct.length).toBeLessThan(expected.length);
    expect([...primed].sort()).toEqual([...distinct].sort());
    // A run's ticket is tenant-owned: plain SQL would skip the tenant filter, so it is refused.
    const runs = await t.countQueries(async () => {
      await expect(
        paginate({ em: tenantEm(acme), entity: AutomationRun, where: {}, args: { first: 5 }, sort: dateSort<AutomationRun>('createdAt', SortDirection.DESC), includes: [{ property: 'ticket', prime: () => undefined }] }),
      ).rejects.toThrow(/tenant-owned and cannot be included/);
    });
    expect(runs.count).toBe(0);
  });
});

describe('the read watchdog (read-watchdog.ts)', () => {
  type PooledConnection = { query: { name: string }; connectionParameters: Record<string, unknown> };
  type KnexPool = { client: { acquireConnection(): Promise<PooledConnection>; releaseConnection(c: PooledConnection): Promise<void> } };
  const clientOf = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: t.orm.config.get('clientUrl') });
    await client.connect();
    client.on('error', () => undefined);
    return client;
  };
  /** A statement sent with a callback (the form the watchdog watches), as a promise. */
  const answer = (client: pg.Client, text: string, values?: unknown[]) =>
    new Promise<pg.QueryResult>((resolve, reject) => {
      const cb = (err: Error | null, res: pg.QueryResult) => (err ? reject(err) : resolve(res));
      if (values) client.query(text, values, cb);
      else client.query(text, cb);
    });

  it("watches the API's pooled connections instead of pg's query_timeout, and lean reads still answer rows and errors", async () => {
    const knex = t.orm.em.getConnection().getKnex() as unknown as KnexPool;
    const conn = await knex.client.acquireConnection();
    try {
      // pg's own timeout (a timer per query that kept results from being collected young) is off.
      expect(conn.connectionParameters.query_timeout).toBeFalsy();
      expect(conn.query.name).toBe('watchedQuery');
    } finally {
      await knex.client.releaseConnection(conn);
    }
    expect(await preparedRows(t.orm.em.fork(), 'select g from generate_series(1, $1::int) g', [3])).toEqual([{ g: 1 }, { g: 2 }, { g: 3 }]);
    await expect(preparedRows(t.orm.em.fork(), 'select 1/$1::int', [0])).rejects.toThrow(/division by zero/);
  });

  it('destroys a connection whose statement has had no answer past the limit, with Query read timeout', async () => {
    const client = await clientOf();
    watchReads(client, 100);
    const ended = new Promise<void>((resolve) => client.on('end', () => resolve()));
    // The server answers after 5 s; the watchdog gives up on it long before.
    await expect(answer(client, 'select pg_sleep(5)')).rejects.toThrow(READ_TIMEOUT_MESSAGE);
    await ended;
    await expect(client.query('select 1')).rejects.toThrow();
  });

  it('counts statements queued on one connection: answers that keep coming keep it, a stuck one behind an answered one does not', async () => {
    const client = await clientOf();
    watchReads(client, 1000);
    // Five statements of 300 ms queued at once: 1.5 s in all, but an answer every 300 ms.
    await Promise.all([1, 2, 3, 4, 5].map(() => answer(client, 'select pg_sleep(0.3)')));
    // A quick statement answered, then one the server sits on behind it: still watched.
    const quick = answer(client, 'select 1');
    const stuck = answer(client, 'select pg_sleep(10)');
    await quick;
    await expect(stuck).rejects.toThrow(READ_TIMEOUT_MESSAGE);
  });

  it('leaves a connection alone once its statements are answered, however long it then sits idle', async () => {
    const client = await clientOf();
    try {
      watchReads(client, 100);
      expect((await answer(client, 'select $1::int as n', [7])).rows).toEqual([{ n: 7 }]);
      await expect(answer(client, 'select 1/0')).rejects.toThrow(/division by zero/);
      // Several of the watchdog's rounds pass with the connection idle: it must not be taken for a stuck one.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await answer(client, 'select 2 as n')).rows).toEqual([{ n: 2 }]);
      // Promises (and streams) pass through unwatched.
      expect((await client.query('select 3 as n')).rows).toEqual([{ n: 3 }]);
    } finally {
      await client.end();
    }
  });
});
