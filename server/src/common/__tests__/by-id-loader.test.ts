import { ByIdLoader, preloadSelected, relation } from '../batch-loaders';

/*
 * ByIdLoader answers a row the request already has without a promise (get), and preloads a page's
 * related rows in one batch. The batch function here stands for the database read (byIdLoader's
 * leanFind); what is tested is what the loader remembers and when it asks again.
 */

type Row = { id: string; name: string };

function loaderOver(rows: Row[]) {
  const batches: string[][] = [];
  const loader = new ByIdLoader<Row>(async (ids) => {
    batches.push([...ids]);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  return { loader, batches };
}

const ann = { id: 'a', name: 'Ann' };
const bob = { id: 'b', name: 'Bob' };

describe('ByIdLoader', () => {
  it('answers with a promise until the row is loaded, then with the row itself', async () => {
    const { loader, batches } = loaderOver([ann, bob]);
    const first = loader.get('a');
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBe(ann);
    expect(loader.get('a')).toBe(ann);
    expect(batches).toEqual([['a']]);
  });

  it('remembers an id that has no row as null, and does not ask again', async () => {
    const { loader, batches } = loaderOver([ann]);
    await loader.load('missing');
    expect(loader.get('missing')).toBeNull();
    expect(batches).toEqual([['missing']]);
  });

  it('preloads many ids in one batch, skipping empty ids and those already settled', async () => {
    const { loader, batches } = loaderOver([ann, bob]);
    await loader.load('a');
    await loader.preload(['a', 'b', null, undefined, 'b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(loader.get('b')).toBe(bob);
    expect(loader.get('c')).toBeNull();
  });

  it('answers a primed row at once; a primed promise or error is left to load', async () => {
    const { loader, batches } = loaderOver([ann]);
    loader.prime('a', ann);
    expect(loader.get('a')).toBe(ann);
    loader.prime('p', Promise.resolve(bob));
    expect(loader.get('p')).toBeInstanceOf(Promise);
    loader.prime('e', new Error('gone'));
    await expect(loader.get('e')).rejects.toThrow('gone');
    expect(batches).toEqual([]);
  });

  it('forgets a cleared id (and every id on clearAll), so the next get reads again', async () => {
    const { loader, batches } = loaderOver([ann, bob]);
    await loader.preload(['a', 'b']);
    loader.clear('a');
    expect(loader.get('a')).toBeInstanceOf(Promise);
    expect(loader.get('b')).toBe(bob);
    loader.clearAll();
    await expect(loader.get('b')).resolves.toBe(bob);
    expect(batches).toEqual([['a', 'b'], ['a', 'b']]);
  });
});

describe('preloadSelected', () => {
  type Ticket = { id: string; requester: { id: string }; assignee?: { id: string } };
  const tickets: Ticket[] = [
    { id: 't1', requester: { id: 'a' }, assignee: { id: 'b' } },
    { id: 't2', requester: { id: 'a' } },
  ];

  it('loads only the selected relations, one batch each, after which every row answers at once', async () => {
    const users = loaderOver([ann, bob]);
    const ctx = { users: users.loader };
    const related = {
      requester: relation((c: typeof ctx) => c.users, (t: Ticket) => t.requester.id),
      assignee: relation((c: typeof ctx) => c.users, (t: Ticket) => t.assignee?.id),
    };
    await preloadSelected(ctx, tickets, new Set(['id', 'requester']), related);
    expect(users.batches).toEqual([['a']]);
    expect(tickets.map((t) => related.requester.of(ctx, t))).toEqual([ann, ann]);
    // Not selected: not read ahead; a row that points at nobody answers null.
    expect(related.assignee.of(ctx, tickets[1])).toBeNull();
    expect(related.assignee.of(ctx, tickets[0])).toBeInstanceOf(Promise);
  });

  it('reads nothing for an empty page', async () => {
    const users = loaderOver([ann]);
    const ctx = { users: users.loader };
    await preloadSelected(ctx, [] as Ticket[], new Set(['requester']), { requester: relation((c: typeof ctx) => c.users, (t: Ticket) => t.requester.id) });
    expect(users.batches).toEqual([]);
  });
});
