import { toGlobalId } from '../src/common/global-id';
import { codeOf, expectError, expectOk, type GqlResponse, startTestApp, type TestApp } from './harness';

/*
 * The read path with the session cache on (as in production; the harness turns it off elsewhere so
 * that statement counts do not depend on what ran before):
 * - a page of tickets with requester and assignee is one statement once the session is known (the
 *   people joined, each read once); a ticket's comments bring their authors in the same statement;
 * - a session look-up is remembered, and forgotten the moment anything it read changes, by any
 *   path: a mutation on this instance, or a committed change the database notifies (raw SQL,
 *   another instance); with the listening connection gone, nothing is remembered.
 */

let t: TestApp;

const cache = () => {
  const c = t.app.services.sessionCache;
  if (!c) throw new Error('the session cache is off');
  return c;
};

/** Waits (bounded) for a condition that a database notification brings about. */
async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for: ${what}`);
}

const PAGE = '{ tickets(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id number requester { id email name } assignee { id name } } pageInfo { hasNextPage } } }';
const SESSION_SQL = /from sessions s/;
/** The pool's raw side: a connection of its own, and the statements it reports. */
interface RawPool {
  on(event: 'query', listener: (q: { sql: string; bindings?: unknown[] }) => void): void;
  removeListener(event: 'query', listener: (q: { sql: string; bindings?: unknown[] }) => void): void;
  client: {
    acquireConnection(): Promise<{ query(q: string | { name: string; text: string; values: unknown[] }, values?: unknown[]): Promise<{ rows: { generic: number; custom: number }[] }> }>;
    releaseConnection(conn: unknown): Promise<void>;
  };
}
/** The statements a request sent apart from a session look-up. */
const pageReads = (sql: string[]) => sql.filter((s) => !SESSION_SQL.test(s));

/**
 * How many requests of `token` looked its session up before one found it remembered (bounded).
 * Any change notified to the cache empties it, and a sign-in's own notification may arrive after
 * the first look-up: statement counts that are about pages leave session look-ups out (pageReads).
 */
async function requestsUntilRemembered(token: string): Promise<number> {
  for (let looked = 0; looked < 50; looked++) {
    const { sql } = await t.countQueries(() => t.gql('{ me { role } }', {}, { token }));
    if (!sql.some((s) => SESSION_SQL.test(s))) return looked;
  }
  return 50;
}

/** A query for acme's ticket with the most comments: the ticket and its first 20 comments with their authors. */
async function busiestTicketQuery(): Promise<string> {
  const acme = await t.tenantId('acme');
  const [busiest] = await t.sql<{ id: string }>(
    'select c.ticket_id as id from ticket_comments c where c.tenant_id = ? group by c.ticket_id order by count(*) desc limit 1',
    [acme],
  );
  return '{ ticket(id: "' + toGlobalId('Ticket', busiest?.id ?? '') + '") { id comments(first: 20) { nodes { id body author { id name } } } } }';
}

/** The statements `fn` made the server send apart from session look-ups, as it sent them: text with $n placeholders, and their values. */
async function sentDuring(fn: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const knex = t.orm.em.getConnection().getKnex() as unknown as RawPool;
  const sent: { sql: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => sent.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return sent.filter((q) => !SESSION_SQL.test(q.sql));
}

beforeAll(async () => {
  t = await startTestApp({ env: { SESSION_CACHE_ENABLED: 'true' } });
  await until('the session cache to hear its own test notification', () => cache().enabled);
});

afterAll(async () => {
  await t.close();
});

describe('statements per list page', () => {
  it('reads a page of tickets with requester and assignee in one statement once the session is remembered, in the page\'s order', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    // The first request looks the session up; every later one finds it remembered.
    const first = await t.countQueries(() => t.gql(PAGE, {}, { token }));
    expect(first.sql.filter((s) => SESSION_SQL.test(s))).toHaveLength(1);
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const again = await t.countQueries(async () => {
      res = await t.gql(PAGE, {}, { token });
    });
    expect(res?.errors).toBeUndefined();
    // The page with the people it names joined (each person's row read on the first ticket that
    // names them only); no users batch.
    const reads = pageReads(again.sql);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "tickets"/);
    expect(reads[0]).toMatch(/left join lateral \(select \* from "users" where "id" = "p"\."requester_id" and "p"\."__j0_first"\)/);
    expect(reads[0]).toMatch(/left join lateral \(select \* from "users" where "id" = "p"\."assignee_id" and "p"\."__j1_first"\)/);
    // And no session look-up once it is remembered: the sign-in's own change notification may
    // arrive after the first look-up and empty the cache once, so it is remembered within a few requests.
    expect(await requestsUntilRemembered(token)).toBeLessThan(5);
    expectOk(res as never);

    // The same people the users loader would have read, in the page's order.
    const acme = await t.tenantId('acme');
    const expected = await t.sql<{ id: string; requester_email: string; assignee_id: string | null }>(
      `select t.id, r.email as requester_email, t.assignee_id from tickets t join users r on r.id = t.requester_id
        where t.tenant_id = ? order by t.created_at desc, t.id desc limit 10`,
      [acme],
    );
    const nodes = (res?.data as { tickets: { nodes: { id: string; requester: { email: string }; assignee: { id: string } | null }[] } }).tickets.nodes;
    expect(nodes.map((n) => n.id)).toEqual(expected.map((e) => toGlobalId('Ticket', e.id)));
    // Every ticket has its requester, also those after the first ticket naming the same person.
    expect(new Set(expected.map((e) => e.requester_email)).size).toBeLessThan(expected.length);
    expect(nodes.map((n) => n.requester.email)).toEqual(expected.map((e) => e.requester_email));
    expect(nodes.map((n) => n.assignee?.id ?? null)).toEqual(expected.map((e) => (e.assignee_id ? toGlobalId('User', e.assignee_id) : null)));
  });

  it('reads a page of runs with their tools in one statement: the tools of the global catalog joined to the page', async () => {
    const { accessToken: token } = await t.login('owner@acme.test');
    const RUNS = '{ runs(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id status tool { id key name } } } }';
    await t.gql(RUNS, {}, { token });
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const again = await t.countQueries(async () => {
      res = await t.gql(RUNS, {}, { token });
    });
    expectOk(res as never);
    const nodes = (res?.data as { runs: { nodes: { tool: { key: string } }[] } }).runs.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => typeof n.tool.key === 'string')).toBe(true);
    // A database notification (another test's writes) may make the cache look the session up again: not counted here.
    const reads = pageReads(again.sql);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "automation_runs"/);
    expect(reads[0]).toMatch(/left join lateral \(select \* from "tools" where "id" = "p"\."tool_id"/);
  });

  it('reads only the columns a page\'s selection needs, and every column when a selected field is computed', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    const page = (fields: string) => `{ tickets(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id number subject status ${fields} } } }`;
    const read = async (fields: string) => {
      let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
      const { sql } = await t.countQueries(async () => {
        res = await t.gql(page(fields), {}, { token });
      });
      expectOk(res as never);
      const nodes = (res?.data as { tickets: { nodes: Record<string, unknown>[] } }).tickets.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      // The page's own select (inside the statement that joins its people).
      const ticketSql = sql.map((s) => /select ((?:(?!select ).)*) from "tickets"/s.exec(s)?.[0]).find(Boolean);
      if (!ticketSql) throw new Error(`no tickets statement in ${sql.join('\n')}`);
      return { ticketSql, nodes };
    };
    // Plain fields and a relation read ahead: their columns, the primary key and the sort column.
    const narrow = await read('requester { id }');
    expect(narrow.ticketSql).not.toMatch(/\.\*/);
    expect(narrow.ticketSql).toMatch(/"subject"/);
    expect(narrow.ticketSql).toMatch(/"requester_id"/);
    expect(narrow.ticketSql).toMatch(/"created_at"/);
    expect(narrow.ticketSql).not.toMatch(/"body"|"assignee_id"|"updated_at"/);
    const withBody = await read('requester { id } body');
    expect(withBody.ticketSql).toMatch(/"body"/);
    expect(withBody.ticketSql).not.toMatch(/\.\*/);
    // A computed field (the upload limits read several properties) reads every column.
    const computed = await read('requester { id } attachmentUpload { maxFiles }');
    expect(computed.ticketSql).toMatch(/\.\*/);
    // The same answers, however many columns were read.
    const strip = (nodes: Record<string, unknown>[]) => nodes.map(({ id, number, subject, status, requester }) => ({ id, number, subject, status, requester }));
    expect(strip(narrow.nodes)).toEqual(strip(computed.nodes));
    expect(strip(withBody.nodes)).toEqual(strip(computed.nodes));
  });

  it('reads ahead only the relations a page selects: KYC cases with their creators, then with their tenant too, then neither', async () => {
    const { accessToken: token } = await t.login('owner@acme.test');
    const page = (fields: string) => `{ kycCases(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id ${fields} } } }`;
    const statements = async (fields: string) => {
      await t.gql(page(fields), {}, { token });
      let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
      const counted = await t.countQueries(async () => {
        res = await t.gql(page(fields), {}, { token });
      });
      expectOk(res as never);
      const nodes = (res?.data as { kycCases: { nodes: { createdBy?: { email: string }; tenant?: { slug: string } }[] } }).kycCases.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      return { sql: pageReads(counted.sql), nodes };
    };
    // The creators are joined to the page; tenants (filtered per caller) come in a batch of their own.
    const withCreators = await statements('createdBy { id email }');
    expect(withCreators.sql).toHaveLength(1);
    expect(withCreators.sql[0]).toMatch(/left join lateral \(select \* from "users"/);
    expect(withCreators.nodes.every((n) => typeof n.createdBy?.email === 'string')).toBe(true);
    const withTenant = await statements('createdBy { id email } tenant { slug }');
    expect(withTenant.sql).toHaveLength(2);
    expect(withTenant.sql[1]).toMatch(/from "tenants"/);
    expect(withTenant.nodes.every((n) => n.tenant?.slug === 'acme')).toBe(true);
    expect((await statements('status')).sql).toHaveLength(1);
  });

  it('reads a ticket with its first comments and their authors in one statement (each comment may name another person)', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    const q = await busiestTicketQuery();
    await t.gql(q, {}, { token });
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const { sql } = await t.countQueries(async () => {
      res = await t.gql(q, {}, { token });
    });
    expectOk(res as never);
    // The ticket with its comments and their authors joined laterally: no comments statement, no users batch.
    const reads = pageReads(sql);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "tickets" p\s+left join lateral \(/);
    expect(reads[0]).toMatch(/ticket_comments c/);
    const nodes = (res?.data as { ticket: { comments: { nodes: { author: { name: string } | null }[] } } }).ticket.comments.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n.author?.name).toEqual(expect.any(String));
  });

  it('sends a page, a ticket and its comments so that PostgreSQL plans each statement once per connection and reuses the plan', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    const q = await busiestTicketQuery();
    await t.gql(q, {}, { token });
    const reads = await sentDuring(async () => {
      expectOk(await t.gql(q, {}, { token }));
      expectOk(await t.gql(PAGE, {}, { token }));
    });
    const knex = t.orm.em.getConnection().getKnex() as unknown as RawPool;
    // The ticket with its comments, the page with its people.
    expect(reads).toHaveLength(2);
    const [ticket, page] = reads;
    // The ticket is named as one value, not as an array: on data of real size,
    // `id = any($1::uuid[])` was planned afresh at every execution.
    expect(ticket?.sql).toMatch(/p\.id = \$\d+::uuid and/);
    expect(ticket?.sql).not.toMatch(/any\(/);
    // A page's size is written in the statement (first: 10, and one more to see if more follow):
    // PostgreSQL re-plans a statement whose LIMIT is a parameter at every execution.
    expect(page?.sql).toMatch(/ limit 11\) as "p0"/);
    expect(page?.bindings).not.toContain(11);
    // Run each as a named prepared statement, as the server does, past PostgreSQL's five trial
    // plans: from then on it reuses one plan (generic).
    const conn = await knex.client.acquireConnection();
    try {
      for (const [i, s] of [ticket, page].entries()) {
        if (!s) throw new Error('a statement is missing');
        const name = `plan_probe_${i}`;
        for (let n = 0; n < 8; n++) await conn.query({ name, text: s.sql, values: s.bindings });
        const { rows } = await conn.query('select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name = $1', [name]);
        expect({ statement: s.sql.slice(0, 60), generic: (rows[0]?.generic ?? 0) > 0 }).toEqual({ statement: s.sql.slice(0, 60), generic: true });
        await conn.query(`deallocate ${name}`);
      }
    } finally {
      await knex.client.releaseConnection(conn);
    }

    // Several tickets' comments are still one statement, their ids one array.
    const many = await t.countQueries(() => t.gql('{ tickets(first: 5) { nodes { id comments(first: 2) { nodes { id author { id } } } } } }', {}, { token }));
    const batched = pageReads(many.sql).filter((s) => /ticket_comments/.test(s));
    expect(batched).toHaveLength(1);
    expect(batched[0]).toMatch(/c\.ticket_id = any\('\{[^}]+,[^}]+\}'::uuid\[\]\)/);
  });

  it('writes only a page size the server chose into the statement, keeps an offset bound, and answers the same rows', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    await t.gql('{ me { role } }', {}, { token });
    const offsetPage = '{ tickets(first: 3, offset: 4, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { number } } }';
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const [page] = await sentDuring(async () => {
      res = await t.gql(offsetPage, {}, { token });
    });
    expectOk(res as never);
    expect(page?.sql).toMatch(/ limit 4 offset \$(\d+)$/);
    const offsetAt = Number(/offset \$(\d+)$/.exec(page?.sql ?? '')?.[1]);
    expect(page?.bindings).toHaveLength(offsetAt);
    expect(page?.bindings[offsetAt - 1]).toBe(4);
    const acme = await t.tenantId('acme');
    const expected = await t.sql<{ number: number }>('select number from tickets where tenant_id = ? order by created_at asc, id asc limit 3 offset 4', [acme]);
    expect((res?.data as { tickets: { nodes: { number: number }[] } }).tickets.nodes.map((n) => n.number)).toEqual(expected.map((e) => e.number));
    // Out of range is refused before any SQL, as before.
    const refused = await t.countQueries(() => t.gql('{ tickets(first: 1000) { nodes { id } } }', {}, { token }));
    expect(pageReads(refused.sql)).toHaveLength(0);
  });

  it('starts a page after a cursor with one row comparison on the sort index, binding the cursor, and walks every ticket once in both directions', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    await t.gql('{ me { role } }', {}, { token });
    const acme = await t.tenantId('acme');
    const all = (await t.sql<{ id: string }>('select id from tickets where tenant_id = ? order by created_at desc, id desc', [acme])).map((r) => toGlobalId('Ticket', r.id));
    expect(all.length).toBeGreaterThan(6);
    type Page = { tickets: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; startCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean } } };
    const walked: string[] = [];
    let after: string | null = null;
    const statements: { sql: string; bindings: unknown[] }[] = [];
    for (let i = 0; i < all.length; i++) {
      let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
      statements.push(...(await sentDuring(async () => {
        res = await t.gql(`query($after: String) { tickets(first: 3, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id } pageInfo { endCursor startCursor hasNextPage hasPreviousPage } } }`, { after }, { token });
      })));
      const page = (res?.data as Page).tickets;
      walked.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
    const cursorPages = statements.filter((s) => /from "tickets"/.test(s.sql) && / < /.test(s.sql));
    expect(cursorPages.length).toBeGreaterThan(0);
    for (const s of cursorPages) {
      expect(s.sql).toMatch(/\("t0"\."created_at", "t0"\."id"\) < \(\$2, \$3\)/);
      expect(s.sql).not.toMatch(/ or /);
      expect(s.bindings).toHaveLength(3);
    }
    // Backwards from the end: the same rows, last first (the comparison turns round).
    const back: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < all.length; i++) {
      const res: GqlResponse<Page> = await t.gql<Page>(`query($before: String) { tickets(last: 3, before: $before, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { id } pageInfo { endCursor startCursor hasNextPage hasPreviousPage } } }`, { before }, { token });
      const page: Page['tickets'] | undefined = res.data?.tickets;
      back.unshift(...(page?.nodes.map((n) => n.id) ?? []));
      if (!page?.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(back).toEqual(all);
  });

  it('joins nothing when the selection reads no person', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    await t.gql('{ me { role } }', {}, { token });
    const { sql } = await t.countQueries(() => t.gql('{ tickets(first: 5) { nodes { id subject } } }', {}, { token }));
    const reads = pageReads(sql);
    expect(reads).toHaveLength(1);
    expect(reads[0]).not.toMatch(/lateral/);
  });

  it('counts a page\'s total in the page\'s own statement when totalCount is selected: filtered, after a cursor, at an offset, and apart when the page is empty', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    await t.gql('{ me { role } }', {}, { token });
    const acme = await t.tenantId('acme');
    type Totalled = { tickets: { totalCount: number; nodes: { id: string; requester: { email: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const LIST = `query($f: TicketFilter, $after: String, $offset: Int) {
      tickets(first: 3, after: $after, offset: $offset, filter: $f, orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount nodes { id requester { email } } pageInfo { endCursor hasNextPage } } }`;
    const read = async (vars: Record<string, unknown>) => {
      let res: GqlResponse<Totalled> | undefined;
      const sent = await sentDuring(async () => {
        res = await t.gql<Totalled>(LIST, vars, { token });
      });
      expectOk(res as GqlResponse<Totalled>);
      return { page: (res as GqlResponse<Totalled>).data?.tickets as Totalled['tickets'], sent };
    };
    const [{ n: all }] = await t.sql<{ n: number }>('select count(*)::int as n from tickets where tenant_id = ?', [acme]);
    const [{ n: open }] = await t.sql<{ n: number }>("select count(*)::int as n from tickets where tenant_id = ? and status = 'OPEN'", [acme]);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(all ?? 0);

    // The first page: its rows, their people and the total in one statement, the count as a subquery beside the page.
    const first = await read({});
    expect(first.page.totalCount).toBe(all);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]?.sql).toMatch(/\(select count\(\*\) as "count" from "tickets" as "t0" where .*\) as "__total"/);
    expect(first.sent[0]?.sql).toMatch(/left join lateral \(select \* from "users"/);
    // The count names only the page's first parameters (the tenant), with the page's values.
    expect(first.sent[0]?.bindings).toEqual([acme]);
    expect(first.page.nodes.every((n) => typeof n.requester.email === 'string')).toBe(true);

    // Filtered: the filter's values are counted too, still one statement.
    const filtered = await read({ f: { status: ['OPEN'] } });
    expect(filtered.page.totalCount).toBe(open);
    expect(filtered.sent).toHaveLength(1);

    // After a cursor: the total is of the whole list, not of what follows the cursor.
    const second = await read({ after: first.page.pageInfo.endCursor });
    expect(second.page.totalCount).toBe(all);
    expect(second.sent).toHaveLength(1);
    expect(second.page.nodes[0]?.id).not.toBe(first.page.nodes[0]?.id);

    // At an offset: the same.
    const later = await read({ offset: 3 });
    expect(later.page.totalCount).toBe(all);
    expect(later.page.nodes.map((n) => n.id)).toEqual(second.page.nodes.map((n) => n.id));

    // A page with no rows has none to carry the total: it is counted apart, and still right.
    const beyond = await read({ offset: (all ?? 0) + 5 });
    expect(beyond.page.nodes).toHaveLength(0);
    expect(beyond.page.totalCount).toBe(all);
    expect(beyond.sent).toHaveLength(2);
    expect(beyond.sent[1]?.sql).toMatch(/^select count\(\*\) as "count" from "tickets"/);
    // The count built for the page runs as it is: the tenant's value only.
    expect(beyond.sent[1]?.bindings).toEqual([acme]);

    // Another tenant's total counts its own tickets only.
    const globex = await t.login('owner@globex.test', 'globex');
    const theirs = await t.gql<Totalled>(LIST, {}, { token: globex.accessToken });
    expectOk(theirs);
    const [{ n: globexTotal }] = await t.sql<{ n: number }>('select count(*)::int as n from tickets where tenant_id = ?', [await t.tenantId('globex')]);
    expect(theirs.data?.tickets.totalCount).toBe(globexTotal);
    expect(globexTotal).not.toBe(all);
  });

  it('still scopes the page to the token\'s tenant: globex reads none of acme\'s tickets through the joined path', async () => {
    const { accessToken: token } = await t.login('owner@globex.test', 'globex');
    const res = await t.gql<{ tickets: { nodes: { id: string; requester: { email: string } }[] } }>(PAGE, {}, { token });
    expectOk(res);
    const acme = await t.tenantId('acme');
    const acmeIds = new Set((await t.sql<{ id: string }>('select id from tickets where tenant_id = ?', [acme])).map((r) => toGlobalId('Ticket', r.id)));
    expect(res.data?.tickets.nodes.length).toBeGreaterThan(0);
    for (const n of res.data?.tickets.nodes ?? []) expect(acmeIds.has(n.id)).toBe(false);
  });
});

describe('a ticket with its first comments in one statement', () => {
  interface CommentsAnswer {
    ticket: { id: string; comments: { nodes: { id: string; body: string; internal: boolean; author: { email: string } | null }[]; pageInfo: { hasNextPage: boolean } } } | null;
  }
  const ONE = 'query($id: ID!, $n: Int) { ticket(id: $id) { id comments(first: $n) { nodes { id body internal author { email } } pageInfo { hasNextPage } } } }';
  // The same page through the other path (an offset page is not read with the ticket).
  const APART = 'query($id: ID!, $n: Int) { ticket(id: $id) { id comments(first: $n, offset: 0) { nodes { id body internal author { email } } pageInfo { hasNextPage } } } }';
  let ticketId = '';
  let emptyId = '';
  let member = '';
  let agent = '';

  const comment = async (token: string, body: string, internal = false) =>
    expectOk(await t.gql('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId, body, internal } }, { token }));
  const open = async (subject: string) => {
    const res = await t.gql<{ createTicket: { id: string } }>('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', { input: { subject, body: 'Details follow.' } }, { token: member });
    expectOk(res);
    return res.data?.createTicket.id ?? '';
  };
  /** The answer and the statements it took (session look-ups aside). */
  const read = async (token: string, query: string, variables: Record<string, unknown>) => {
    await t.gql('{ me { role } }', {}, { token });
    let res: GqlResponse<CommentsAnswer> | undefined;
    const { sql } = await t.countQueries(async () => {
      res = await t.gql<CommentsAnswer>(query, variables, { token });
    });
    if (!res) throw new Error('no answer');
    return { res, statements: pageReads(sql) };
  };

  beforeAll(async () => {
    member = (await t.login('member@acme.test')).accessToken;
    agent = (await t.login('agent@acme.test')).accessToken;
    ticketId = await open('Invoice shows the wrong address');
    emptyId = await open('Nobody has answered yet');
    await comment(agent, 'Which address should it show?');
    await comment(agent, 'Internal: the customer moved last month.', true);
    await comment(member, 'The one in Berlin.');
    await comment(agent, 'Fixed; the next invoice shows it.');
  });

  it('answers the page the separate read answers, internal notes only for the agent, in one statement', async () => {
    for (const [token, notes] of [[agent, 1], [member, 0]] as const) {
      const together = await read(token, ONE, { id: ticketId, n: 20 });
      const apart = await read(token, APART, { id: ticketId, n: 20 });
      expectOk(together.res);
      expectOk(apart.res);
      expect(together.statements).toHaveLength(1);
      expect(apart.statements.length).toBeGreaterThan(1);
      expect(together.res.data).toEqual(apart.res.data);
      const nodes = together.res.data?.ticket?.comments.nodes ?? [];
      expect(nodes.map((n) => n.body)).toEqual(
        notes ? ['Which address should it show?', 'Internal: the customer moved last month.', 'The one in Berlin.', 'Fixed; the next invoice shows it.'] : ['Which address should it show?', 'The one in Berlin.', 'Fixed; the next invoice shows it.'],
      );
      expect(nodes.filter((n) => n.internal)).toHaveLength(notes);
      expect(nodes.map((n) => n.author?.email)).toContain('member@acme.test');
    }
  });

  it('says whether more follow, and answers a ticket without comments with an empty page', async () => {
    const first = await read(agent, ONE, { id: ticketId, n: 2 });
    expect(first.statements).toHaveLength(1);
    expect(first.res.data?.ticket?.comments).toEqual((await read(agent, APART, { id: ticketId, n: 2 })).res.data?.ticket?.comments);
    expect(first.res.data?.ticket?.comments.nodes).toHaveLength(2);
    expect(first.res.data?.ticket?.comments.pageInfo.hasNextPage).toBe(true);
    const all = await read(agent, ONE, { id: ticketId, n: 4 });
    expect(all.res.data?.ticket?.comments.pageInfo.hasNextPage).toBe(false);

    const empty = await read(member, ONE, { id: emptyId, n: 20 });
    expectOk(empty.res);
    expect(empty.statements).toHaveLength(1);
    expect(empty.res.data?.ticket).toEqual({ id: emptyId, comments: { nodes: [], pageInfo: { hasNextPage: false } } });
  });

  it('answers another tenant NOT_FOUND and reads none of its comments', async () => {
    const globex = (await t.login('owner@globex.test', 'globex')).accessToken;
    const { res, statements } = await read(globex, ONE, { id: ticketId, n: 20 });
    expectError(res, 'NOT_FOUND');
    expect(res.data?.ticket ?? null).toBeNull();
    expect(statements).toHaveLength(1);
  });

  it('reads two pages of one ticket apart (aliases), and refuses a page too large as the comments field does', async () => {
    const two = await t.gql<{ ticket: { a: { nodes: { id: string }[] }; b: { nodes: { id: string }[] } } }>(
      'query($id: ID!) { ticket(id: $id) { a: comments(first: 1) { nodes { id } } b: comments(first: 3) { nodes { id } } } }',
      { id: ticketId },
      { token: agent },
    );
    expectOk(two);
    expect(two.data?.ticket.a.nodes).toHaveLength(1);
    expect(two.data?.ticket.b.nodes).toHaveLength(3);
    expect(two.data?.ticket.b.nodes[0]).toEqual(two.data?.ticket.a.nodes[0]);
    const tooMany = await t.gql(ONE, { id: ticketId, n: 1000 }, { token: agent });
    expectError(tooMany, 'BAD_USER_INPUT');
  });

  it('reads a page written in the document (no variables) with the ticket on every request, and refuses a bad one every time', async () => {
    // What the document alone decides is learned on its first request: the second must answer the same, in one statement too.
    const literal = (n: number) => `query($id: ID!) { ticket(id: $id) { id comments(first: ${n}) { nodes { id body internal author { email } } pageInfo { hasNextPage } } } }`;
    const apart = (await read(agent, APART, { id: ticketId, n: 3 })).res.data;
    for (let i = 0; i < 2; i++) {
      const { res, statements } = await read(agent, literal(3), { id: ticketId });
      expectOk(res);
      expect(statements).toHaveLength(1);
      expect(res.data).toEqual(apart);
      expect(res.data?.ticket?.comments.pageInfo.hasNextPage).toBe(true);
    }
    for (let i = 0; i < 2; i++) expectError(await t.gql(literal(1000), { id: ticketId }, { token: agent }), 'BAD_USER_INPUT');
  });
});

describe('the session cache', () => {
  const ME = '{ me { role permissions } }';

  it('forgets a revoked session at once: revokeSession from another session of the same user', async () => {
    const a = await t.login('member@acme.test');
    const b = await t.login('member@acme.test');
    expectOk(await t.gql(ME, {}, { token: a.accessToken }));
    expectOk(await t.gql(ME, {}, { token: a.accessToken }));
    const sessions = await t.gql<{ mySessions: { nodes: { id: string; current: boolean }[] } }>('{ mySessions(first: 50) { nodes { id current } } }', {}, { token: a.accessToken });
    const aId = sessions.data?.mySessions.nodes.find((s) => s.current)?.id;
    expect(aId).toBeDefined();
    expectOk(await t.gql('mutation($id: ID!) { revokeSession(id: $id) { id } }', { id: aId }, { token: b.accessToken }));
    const after = await t.gql(ME, {}, { token: a.accessToken });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('forgets a session revoked by raw SQL (another instance, an operator) when the database notifies it', async () => {
    const { accessToken: token } = await t.login('viewer@acme.test');
    // The sign-in's own notification may arrive after the first look-up and empty the cache again.
    await until('the look-up to be remembered', () => {
      void t.gql(ME, {}, { token });
      return cache().size > 0;
    });
    // Straight to the database, not through this app: only the notification can tell the cache.
    await t.sql("update sessions set revoked_at = now() where user_id = ? and revoked_at is null", [await t.userId('viewer@acme.test')]);
    await until('the notification to empty the cache', () => cache().size === 0);
    expect(codeOf(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('sees a role\'s permissions change by raw SQL on the next request after the notification', async () => {
    const { accessToken: token } = await t.login('agent@acme.test');
    const before = await t.gql<{ me: { permissions: string[] } }>(ME, {}, { token });
    expect(before.data?.me.permissions).toContain('ticket:write');
    const acme = await t.tenantId('acme');
    const [role] = await t.sql<{ id: string; permissions: string[] }>(
      "select r.id, r.permissions from roles r join memberships m on m.role_id = r.id join users u on u.id = m.user_id where u.email = 'agent@acme.test' and m.tenant_id = ?",
      [acme],
    );
    try {
      await t.sql('update roles set permissions = array_remove(permissions, ?) where id = ?', ['ticket:write', role?.id]);
      await until('the notification to empty the cache', () => cache().size === 0);
      const after = await t.gql<{ me: { permissions: string[] } }>(ME, {}, { token });
      expect(after.data?.me.permissions).not.toContain('ticket:write');
    } finally {
      await t.sql("update roles set permissions = array_append(permissions, 'ticket:write') where id = ?", [role?.id]);
    }
  });

  it('forgets a deactivated account at once (a staff mutation on this instance)', async () => {
    const { accessToken: token } = await t.login('viewer@acme.test');
    expectOk(await t.gql(ME, {}, { token }));
    const staff = await t.login('staff@atrium.test');
    const viewerId = toGlobalId('User', await t.userId('viewer@acme.test'));
    expectOk(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: viewerId }, { token: staff.accessToken }));
    expect(codeOf(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('remembers nothing while its listening connection is gone, and turns itself on again when it is back', async () => {
    const { accessToken: token } = await t.login('owner@acme.test');
    await t.gql(ME, {}, { token });
    await t.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'atrium-session-cache' and datname = current_database()");
    await until('the cache to turn off', () => !cache().enabled);
    expect(cache().size).toBe(0);
    for (let i = 0; i < 2; i++) {
      const { sql } = await t.countQueries(() => t.gql(ME, {}, { token }));
      expect(sql.filter((s) => SESSION_SQL.test(s))).toHaveLength(1);
    }
    await until('the cache to reconnect and hear its test notification', () => cache().enabled);
    await t.gql(ME, {}, { token });
    const { sql } = await t.countQueries(() => t.gql(ME, {}, { token }));
    expect(sql.filter((s) => SESSION_SQL.test(s))).toHaveLength(0);
  });
});
