import { AppError } from '../../errors';
import { toGlobalId } from '../../global-id';
import { decodeCursor, encodeCursor } from '../cursor';
import { connectionOf, dateSort } from '../paginate';
import { SortDirection } from '../connection';
import { hashPassword } from '../../../modules/auth/password';
import { addMember, provisionTenant } from '../../../modules/tenancy/tenant.factory';
import { makeTicket } from '../../../modules/tickets/ticket.factory';
import { TicketPriority } from '../../../modules/tickets/ticket.entity';
import { User } from '../../../modules/users/user.entity';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';

/* ------------------------------------------------------------------ */
/* Cursor encode/decode (pure unit tests, no database)                 */
/* ------------------------------------------------------------------ */

describe('connectionOf', () => {
  const rows = [
    { id: '01890a5d-ac96-774b-bcce-b302099a8057', createdAt: new Date('2026-09-01T09:00:00.123Z') },
    { id: '01890a5d-ac96-774b-bcce-b302099a8058', createdAt: new Date('2026-09-01T08:00:00.000Z') },
  ];
  /** A date ordering that counts how often a cursor value is read. */
  function counted() {
    const sort = dateSort<(typeof rows)[number]>('createdAt', SortDirection.DESC);
    const calls = { n: 0 };
    return { calls, sort: { ...sort, valueOf: (row: (typeof rows)[number]) => (calls.n++, sort.valueOf(row)) } };
  }

  it('writes a cursor only when it is read, once, and the same one an edge has', async () => {
    const { calls, sort } = counted();
    const page = connectionOf(rows, sort, { hasNextPage: true, hasPreviousPage: false }, () => Promise.resolve(2));
    expect(page.nodes).toBe(rows);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(calls.n).toBe(0);
    const end = page.pageInfo.endCursor;
    expect(page.pageInfo.endCursor).toBe(end);
    expect(calls.n).toBe(1);
    expect(decodeCursor(end ?? '', 'createdAt:DESC', 'after')).toEqual({ value: '2026-09-01T08:00:00.000Z', id: rows[1]?.id });
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
    expect(page.edges[1]?.cursor).toBe(end);
    expect(await page.countTotal()).toBe(2);
  });

  it('answers null cursors for an empty page', () => {
    const { calls, sort } = counted();
    const page = connectionOf([], sort, { hasNextPage: false, hasPreviousPage: false }, () => Promise.resolve(0));
    expect(page.pageInfo.startCursor).toBeNull();
    expect(page.pageInfo.endCursor).toBeNull();
    expect(calls.n).toBe(0);
  });
});


describe('cursor encode/decode', () => {
  const id = '01890a5d-ac96-774b-bcce-b302099a8057';

  function codeOfThrown(fn: () => unknown): string | undefined {
    try {
      fn();
    } catch (err) {
      return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
    }
    return undefined;
  }

  it('round-trips string and number values and stays opaque base64url', () => {
    const a = encodeCursor('createdAt:DESC', '2026-09-01T09:00:00.123Z', id);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('createdAt');
    expect(decodeCursor(a, 'createdAt:DESC', 'after')).toEqual({ value: '2026-09-01T09:00:00.123Z', id });

    const b = encodeCursor('priority:ASC', 3, id);
    expect(decodeCursor(b, 'priority:ASC', 'before')).toEqual({ value: 3, id });
  });

  it('rejects a cursor of another ordering with BAD_USER_INPUT naming the argument', () => {
    const c = encodeCursor('createdAt:DESC', '2026-09-01T09:00:00.000Z', id);
    let thrown: unknown;
    try {
      decodeCursor(c, 'createdAt:ASC', 'before');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('BAD_USER_INPUT');
    expect((thrown as AppError).extensions).toEqual({ fields: [{ field: 'before', message: 'Cursor does not match the ordering.' }] });
    expect(codeOfThrown(() => decodeCursor(c, 'priority:DESC', 'after'))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['empty', ''],
    ['non-base64url characters', '!!'],
    ['padding', `${encodeCursor('k', 1, id)}=`],
    ['not JSON', Buffer.from('not json', 'utf8').toString('base64url')],
    ['JSON null', Buffer.from('null', 'utf8').toString('base64url')],
    ['JSON array', Buffer.from('[1,2]', 'utf8').toString('base64url')],
    ['id not a uuid', Buffer.from(JSON.stringify({ k: 'k', v: 1, id: 'abc' }), 'utf8').toString('base64url')],
    ['value an object', Buffer.from(JSON.stringify({ k: 'k', v: { x: 1 }, id }), 'utf8').toString('base64url')],
    ['value missing', Buffer.from(JSON.stringify({ k: 'k', id }), 'utf8').toString('base64url')],
    ['key missing', Buffer.from(JSON.stringify({ v: 1, id }), 'utf8').toString('base64url')],
    ['too long', 'A'.repeat(513)],
  ])('rejects a malformed cursor (%s)', (_label, cursor) => {
    expect(codeOfThrown(() => decodeCursor(cursor, 'k', 'after'))).toBe('BAD_USER_INPUT');
  });
});

/* ------------------------------------------------------------------ */
/* Keyset and offset pagination through GraphQL `tickets`              */
/* ------------------------------------------------------------------ */

const SLUG = 'paging-co';
const EMAIL = 'pager@paging.test';
const PASSWORD = 'pw-123456';
const TICKET_COUNT = 47;
const BASE = Date.UTC(2026, 9, 1, 12, 0, 0);

interface RefRow {
  gid: string;
  id: string;
  createdAt: number;
  updatedAt: number;
  priority: number;
}

type Field = 'CREATED_AT' | 'UPDATED_AT' | 'PRIORITY';
type Dir = 'ASC' | 'DESC';

interface PageNode {
  id: string;
  priority: string;
  createdAt: string;
  updatedAt: string;
}
interface Page {
  edges: { cursor: string; node: PageNode }[];
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const TICKETS_QUERY = `query Tickets($first: Int, $after: String, $last: Int, $before: String, $offset: Int, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, offset: $offset, orderBy: $orderBy) {
    edges { cursor node { id priority createdAt updatedAt } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

let t: TestApp;
let token: string;
let rows: RefRow[];

/** Deterministic shuffle so insertion (and so uuidv7 id) order is unrelated to the sort keys. */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const user = em.create(User, { email: EMAIL, name: 'Paula Pager', passwordHash: await hashPassword(PASSWORD) });
  em.persist(user);
  const provisioned = provisionTenant(em, { slug: SLUG, name: 'Paging Co' });
  addMember(em, provisioned, user, 'agent');
  await em.flush();

  // Insert in shuffled order: createdAt in groups of 5 identical timestamps, updatedAt in groups
  // of 3 (a different grouping), priorities repeating.
  const priorities = [TicketPriority.LOW, TicketPriority.NORMAL, TicketPriority.HIGH, TicketPriority.URGENT, TicketPriority.NORMAL];
  for (const i of shuffled([...Array(TICKET_COUNT).keys()], 7)) {
    const ticket = makeTicket(em, provisioned.tenant, user, {
      subject: `Paging ticket ${i}`,
      createdAt: new Date(BASE + Math.floor(i / 5) * 60_000),
      priority: priorities[(i * 7) % priorities.length],
    });
    ticket.updatedAt = new Date(BASE + 3_600_000 + ((Math.floor(i / 3) * 7) % 16) * 1_000 + 123);
  }
  await em.flush();

  const raw: { id: string; created_at: Date; updated_at: Date; priority: number }[] = await em
    .getConnection()
    .execute('select t.id, t.created_at, t.updated_at, t.priority from tickets t join tenants n on n.id = t.tenant_id where n.slug = ?', [SLUG]);
  rows = raw.map((r) => ({
    id: r.id,
    gid: toGlobalId('Ticket', r.id),
    createdAt: new Date(r.created_at).getTime(),
    updatedAt: new Date(r.updated_at).getTime(),
    priority: Number(r.priority),
  }));
  token = (await t.login(EMAIL, SLUG, PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

function keyOf(row: RefRow, field: Field): number {
  return field === 'CREATED_AT' ? row.createdAt : field === 'UPDATED_AT' ? row.updatedAt : row.priority;
}

/** The expected order: by the sort key, then by id, both in the requested direction. */
function referenceOrder(field: Field, direction: Dir): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const ka = keyOf(a, field);
      const kb = keyOf(b, field);
      if (ka !== kb) return sign * (ka - kb);
      return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    })
    .map((r) => r.gid);
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const res = await t.gql<{ tickets: Page }>(TICKETS_QUERY, variables, { token });
  expect(res.errors).toBeUndefined();
  const p = res.data?.tickets as Page;
  // Edges and nodes describe the same rows; the cursors bracket the page.
  expect(p.nodes.map((n) => n.id)).toEqual(p.edges.map((e) => e.node.id));
  expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
  expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
  return p;
}

const ORDERINGS: [Field, Dir][] = [
  ['CREATED_AT', 'DESC'],
  ['CREATED_AT', 'ASC'],
  ['PRIORITY', 'DESC'],
  ['UPDATED_AT', 'ASC'],
];

it('has a dataset with many ties on every sort key', () => {
  expect(rows).toHaveLength(TICKET_COUNT);
  for (const field of ['CREATED_AT', 'UPDATED_AT', 'PRIORITY'] as Field[]) {
    const distinct = new Set(rows.map((r) => keyOf(r, field))).size;
    expect(distinct).toBeLessThan(TICKET_COUNT / 2);
  }
  // The three orderings really differ, so a wrong sort column cannot pass by accident.
  expect(referenceOrder('CREATED_AT', 'ASC')).not.toEqual(referenceOrder('UPDATED_AT', 'ASC'));
  expect(referenceOrder('PRIORITY', 'ASC')).not.toEqual(referenceOrder('CREATED_AT', 'ASC'));
  expect(referenceOrder('PRIORITY', 'ASC')).not.toEqual(referenceOrder('UPDATED_AT', 'ASC'));
});

describe.each(ORDERINGS)('orderBy %s %s', (field, direction) => {
  const orderBy = { field, direction };

  it('walks forward with first/after: every ticket once, in reference order', async () => {
    const expected = referenceOrder(field, direction);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const p = await page({ first: 10, after, orderBy });
      pages += 1;
      expect(p.totalCount).toBe(TICKET_COUNT);
      expect(p.pageInfo.hasPreviousPage).toBe(pages > 1);
      seen.push(...p.edges.map((e) => e.node.id));
      // Every edge's cursor resumes right after that edge.
      if (pages === 1 && p.edges.length > 3) {
        const resumed = await page({ first: 2, after: p.edges[2]?.cursor, orderBy });
        expect(resumed.edges.map((e) => e.node.id)).toEqual(p.edges.slice(3, 5).map((e) => e.node.id));
      }
      if (!p.pageInfo.hasNextPage) {
        expect(p.edges).toHaveLength(TICKET_COUNT % 10);
        break;
      }
      expect(p.edges).toHaveLength(10);
      after = p.pageInfo.endCursor ?? undefined;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(Math.ceil(TICKET_COUNT / 10));
    expect(new Set(seen).size).toBe(TICKET_COUNT);
    expect(seen).toEqual(expected);
  });

  it('walks backward with last/before: the forward order reversed', async () => {
    const expected = referenceOrder(field, direction);
    const chunks: string[][] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const p = await page({ last: 10, before, orderBy });
      pages += 1;
      expect(p.totalCount).toBe(TICKET_COUNT);
      expect(p.pageInfo.hasNextPage).toBe(pages > 1);
      chunks.push(p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) {
        expect(p.edges).toHaveLength(TICKET_COUNT % 10);
        break;
      }
      expect(p.edges).toHaveLength(10);
      before = p.pageInfo.startCursor ?? undefined;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(Math.ceil(TICKET_COUNT / 10));
    // Each page is itself in forward order; collected from the end, reversed they give the walk.
    const backward = chunks.flatMap((c) => [...c].reverse());
    expect(new Set(backward).size).toBe(TICKET_COUNT);
    expect([...backward].reverse()).toEqual(expected);
    expect(chunks[0]).toEqual(expected.slice(-10));
  });

  it('walks by offset pages in the same order, with totalCount', async () => {
    const expected = referenceOrder(field, direction);
    const seen: string[] = [];
    for (let offset = 0; offset < TICKET_COUNT; offset += 10) {
      const p = await page({ first: 10, offset, orderBy });
      expect(p.totalCount).toBe(TICKET_COUNT);
      expect(p.pageInfo.hasPreviousPage).toBe(offset > 0);
      expect(p.pageInfo.hasNextPage).toBe(offset + 10 < TICKET_COUNT);
      expect(p.edges).toHaveLength(Math.min(10, TICKET_COUNT - offset));
      seen.push(...p.edges.map((e) => e.node.id));
    }
    expect(seen).toEqual(expected);
    const beyond = await page({ first: 10, offset: 50, orderBy });
    expect(beyond.edges).toEqual([]);
    expect(beyond.totalCount).toBe(TICKET_COUNT);
    expect(beyond.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('mixes directions: last/before from a cursor in the middle returns the rows just before it', async () => {
    const expected = referenceOrder(field, direction);
    const first = await page({ first: 25, orderBy });
    const cursor = first.edges[19]?.cursor;
    const p = await page({ last: 5, before: cursor, orderBy });
    expect(p.edges.map((e) => e.node.id)).toEqual(expected.slice(14, 19));
    expect(p.pageInfo.hasPreviousPage).toBe(true);
    expect(p.pageInfo.hasNextPage).toBe(true);
  });
});

it('pageInfo on a first and last page of the default ordering (CREATED_AT DESC)', async () => {
  const expected = referenceOrder('CREATED_AT', 'DESC');
  const first = await page({ first: 10 });
  expect(first.edges.map((e) => e.node.id)).toEqual(expected.slice(0, 10));
  expect(first.pageInfo.hasPreviousPage).toBe(false);
  expect(first.pageInfo.hasNextPage).toBe(true);

  const last = await page({ last: 10 });
  expect(last.edges.map((e) => e.node.id)).toEqual(expected.slice(-10));
  expect(last.pageInfo.hasNextPage).toBe(false);
  expect(last.pageInfo.hasPreviousPage).toBe(true);

  const all = await page({ first: 100 });
  expect(all.edges).toHaveLength(TICKET_COUNT);
  expect(all.pageInfo.hasNextPage).toBe(false);
  expect(all.pageInfo.hasPreviousPage).toBe(false);

  // An empty page still says whether rows exist beyond it.
  const none = await page({ first: 0 });
  expect(none.edges).toHaveLength(0);
  expect(none.pageInfo.hasNextPage).toBe(true);
  expect(none.pageInfo.startCursor).toBeNull();

  const exact = await page({ first: TICKET_COUNT });
  expect(exact.pageInfo.hasNextPage).toBe(false);
  const oneShort = await page({ first: TICKET_COUNT - 1 });
  expect(oneShort.pageInfo.hasNextPage).toBe(true);
});

it('sees only the caller tenant: acme tickets never appear', async () => {
  const acme = await t.login('agent@acme.test');
  const res = await t.gql<{ tickets: Page }>(TICKETS_QUERY, { first: 100 }, { token: acme.accessToken });
  expect(res.errors).toBeUndefined();
  const mine = new Set(rows.map((r) => r.gid));
  expect(res.data?.tickets.totalCount).toBeGreaterThan(0);
  expect(res.data?.tickets.edges.some((e) => mine.has(e.node.id))).toBe(false);
});

describe('bad input answers BAD_USER_INPUT', () => {
  function expectBadInput(res: GqlResponse) {
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.data?.tickets ?? null).toBeNull();
  }

  it('first above the maximum page size, and negative sizes', async () => {
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 101 }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { last: 101 }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { first: -1 }, { token }));
    // 100 itself is allowed.
    const ok = await t.gql(TICKETS_QUERY, { first: 100 }, { token });
    expect(ok.errors).toBeUndefined();
  });

  it('first and last together', async () => {
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, last: 5 }, { token }));
  });

  it('a malformed cursor', async () => {
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, after: '!!' }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { last: 5, before: '!!' }, { token }));
    const badDate = encodeCursor('createdAt:DESC', 'not a date', rows[0]?.id);
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, after: badDate }, { token }));
    const badNumber = encodeCursor('priority:DESC', 'two', rows[0]?.id);
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, after: badNumber, orderBy: { field: 'PRIORITY', direction: 'DESC' } }, { token }));
  });

  it('a cursor from another ordering', async () => {
    const p = await page({ first: 5, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const cursor = p.pageInfo.endCursor;
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, after: cursor, orderBy: { field: 'PRIORITY', direction: 'DESC' } }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, after: cursor, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { last: 5, before: cursor, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } }, { token }));
  });

  it('offset with a cursor or with last', async () => {
    const p = await page({ first: 5 });
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, offset: 5, after: p.pageInfo.endCursor }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { last: 5, offset: 5 }, { token }));
    expectBadInput(await t.gql(TICKETS_QUERY, { first: 5, offset: -1 }, { token }));
  });

  it('an unknown enum value in variables', async () => {
    const res = await t.gql(TICKETS_QUERY, { first: 5, orderBy: { field: 'NOPE' } }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });

  it('a malformed global id in ticket(id:)', async () => {
    const res = await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: 'x' }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.data?.ticket ?? null).toBeNull();
    // A well-formed id of another type is refused too, but a real ticket id works.
    const wrongType = await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: toGlobalId('User', rows[0]?.id) }, { token });
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    const ok = await t.gql<{ ticket: { id: string } }>('query($id: ID!) { ticket(id: $id) { id } }', { id: rows[0]?.gid }, { token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.ticket.id).toBe(rows[0]?.gid);
  });
});
