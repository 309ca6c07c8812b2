import { type ApolloClient, gql, type TypedDocumentNode } from '@apollo/client';
import { createApolloClient } from '../../apollo/create-apollo-client';
import { createFakeServer, type FakeServer, tick, unauthenticated } from '../../../test/fake-graphql';
import { createRefreshTransport } from '../refresh-transport';
import { SessionStore, type SessionSnapshot } from '../session-store';

const KEY = 'atrium.test.session';

// A test-only document (codegen skips tests), so its shape is stated here.
const TICKET_COUNT: TypedDocumentNode<{ tickets: { totalCount: number } }, { first?: number }> = gql`
  query TicketCount($first: Int) {
    tickets(first: $first) {
      totalCount
    }
  }
`;

interface Backend {
  server: FakeServer;
  /** Access tokens the API accepts right now. */
  valid: Set<string>;
  /** The one refresh token the API would accept next (rotation). */
  refresh: { current: string | null; delayMs: number; fail: 'refuse' | 'network' | null };
}

function backend(): Backend {
  const valid = new Set<string>();
  const refresh: Backend['refresh'] = { current: 'refresh-0', delayMs: 0, fail: null };
  let n = 0;
  const server = createFakeServer({
    RefreshSession: async (variables) => {
      if (refresh.delayMs) await tick(refresh.delayMs);
      if (refresh.fail === 'network') throw new TypeError('Failed to fetch');
      if (refresh.fail === 'refuse' || variables.refreshToken !== refresh.current) {
        return unauthenticated('Your session has ended. Please sign in again.');
      }
      n += 1;
      valid.add(`access-${n}`);
      refresh.current = `refresh-${n}`;
      return {
        data: {
          refreshSession: {
            accessToken: `access-${n}`,
            accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
            refreshToken: `refresh-${n}`,
            tenant: { id: 'tenant-acme' },
          },
        },
      };
    },
    TicketCount: (variables, token) =>
      token && valid.has(token) ? { data: { tickets: { __typename: 'TicketConnection', totalCount: Number(variables.first ?? 0) } } } : unauthenticated(),
  });
  return { server, valid, refresh };
}

function setup(b: Backend, opts: { accessToken?: string; signedIn?: boolean } = {}): { store: SessionStore; client: ApolloClient; snapshots: SessionSnapshot[] } {
  if (opts.signedIn !== false) localStorage.setItem(KEY, JSON.stringify({ refreshToken: 'refresh-0', tenantId: 'tenant-acme' }));
  const store = new SessionStore({ storageKey: KEY, refresh: createRefreshTransport('/graphql', b.server.fetch), locks: null });
  if (opts.accessToken) {
    store.setTokens({ accessToken: opts.accessToken, accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'refresh-0', tenantId: 'tenant-acme' });
  }
  const snapshots: SessionSnapshot[] = [];
  store.subscribe((s) => snapshots.push(s));
  return { store, client: createApolloClient({ store, fetch: b.server.fetch }), snapshots };
}

const count = (client: ApolloClient, first: number) => client.query({ query: TICKET_COUNT, variables: { first }, fetchPolicy: 'no-cache' });

beforeEach(() => localStorage.clear());

describe('session link', () => {
  it('sends the in-memory access token and does not refresh while it works', async () => {
    const b = backend();
    b.valid.add('access-live');
    const { client } = setup(b, { accessToken: 'access-live' });
    const { data } = await count(client, 3);
    expect(data?.tickets.totalCount).toBe(3);
    expect(b.server.calls.map((c) => [c.operationName, c.token])).toEqual([['TicketCount', 'access-live']]);
  });

  it('on UNAUTHENTICATED refreshes once, stores the rotated tokens and retries with the new one', async () => {
    const b = backend();
    const { store, client } = setup(b, { accessToken: 'access-expired' });
    const { data } = await count(client, 7);
    expect(data?.tickets.totalCount).toBe(7);
    expect(b.server.calls.map((c) => [c.operationName, c.token])).toEqual([
      ['TicketCount', 'access-expired'],
      ['RefreshSession', null],
      ['TicketCount', 'access-1'],
    ]);
    expect(store.currentAccessToken()).toBe('access-1');
    // The refresh token sits in localStorage, the access token only in memory.
    expect(localStorage.getItem(KEY)).toContain('refresh-1');
    expect(localStorage.getItem(KEY)).not.toContain('access-1');
  });

  it('after a reload (no access token in memory) refreshes before sending anything', async () => {
    const b = backend();
    const { client } = setup(b);
    await count(client, 1);
    expect(b.server.calls.map((c) => [c.operationName, c.token])).toEqual([
      ['RefreshSession', null],
      ['TicketCount', 'access-1'],
    ]);
  });

  it('makes concurrent requests share a single refresh', async () => {
    const b = backend();
    b.refresh.delayMs = 30;
    const { client } = setup(b, { accessToken: 'access-expired' });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => count(client, n)));
    expect(results.map((r) => r.data?.tickets.totalCount)).toEqual([1, 2, 3, 4, 5]);
    expect(b.server.callsOf('RefreshSession')).toHaveLength(1);
    const retried = b.server.callsOf('TicketCount').filter((c) => c.token === 'access-1');
    expect(retried).toHaveLength(5);
  });

  it('a request refused after another one already refreshed uses the new token without refreshing again', async () => {
    const b = backend();
    const { client } = setup(b, { accessToken: 'access-expired' });
    const answer = b.server.handlers.TicketCount;
    // The second request's refusal arrives late, after the first one's refresh has finished.
    b.server.handlers.TicketCount = async (variables, token) => {
      if (variables.first === 2 && token === 'access-expired') await tick(40);
      return answer?.(variables, token) ?? unauthenticated();
    };
    const [one, two] = await Promise.all([count(client, 1), count(client, 2)]);
    expect([one.data?.tickets.totalCount, two.data?.tickets.totalCount]).toEqual([1, 2]);
    expect(b.server.callsOf('RefreshSession')).toHaveLength(1);
    expect(b.server.callsOf('TicketCount').map((c) => c.token)).toEqual(['access-expired', 'access-expired', 'access-1', 'access-1']);
  });

  it('retries only once: a second refusal is returned, not looped on', async () => {
    const b = backend();
    const { store, client } = setup(b, { accessToken: 'access-expired' });
    b.server.handlers.TicketCount = () => unauthenticated('Your session has ended. Please sign in again.');
    await expect(count(client, 1)).rejects.toThrow('Your session has ended');
    expect(b.server.callsOf('RefreshSession')).toHaveLength(1);
    expect(b.server.callsOf('TicketCount')).toHaveLength(2);
    expect(store.hasSession()).toBe(true);
  });

  it('a refused refresh signs out cleanly: tokens gone, listeners told why, the error surfaces', async () => {
    const b = backend();
    b.refresh.fail = 'refuse';
    const { store, client, snapshots } = setup(b, { accessToken: 'access-expired' });
    await expect(Promise.all([count(client, 1), count(client, 2)])).rejects.toThrow('expired');
    expect(b.server.callsOf('RefreshSession')).toHaveLength(1);
    expect(store.hasSession()).toBe(false);
    expect(store.currentAccessToken()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    const last = snapshots.at(-1);
    expect(last).toMatchObject({ signedIn: false, endReason: 'expired', endMessage: 'Your session has ended. Please sign in again.' });
    // Signed out now: later requests go without a token and do not try to refresh again.
    await expect(count(client, 3)).rejects.toThrow();
    expect(b.server.callsOf('RefreshSession')).toHaveLength(1);
    expect(b.server.calls.at(-1)?.token).toBeNull();
  });

  it('a network failure during the refresh keeps the session (no sign-out on a flaky connection)', async () => {
    const b = backend();
    b.refresh.fail = 'network';
    const { store, client } = setup(b, { accessToken: 'access-expired' });
    await expect(count(client, 1)).rejects.toThrow('Failed to fetch');
    expect(store.hasSession()).toBe(true);
    b.refresh.fail = null;
    const { data } = await count(client, 2);
    expect(data?.tickets.totalCount).toBe(2);
  });

  it('signed out: requests carry no token and never refresh', async () => {
    const b = backend();
    const { client } = setup(b, { signedIn: false });
    await expect(count(client, 1)).rejects.toThrow();
    expect(b.server.calls.map((c) => [c.operationName, c.token])).toEqual([['TicketCount', null]]);
  });
});

describe('session store', () => {
  it('ends the session in this tab when another tab signs out', () => {
    const b = backend();
    const { store, snapshots } = setup(b, { accessToken: 'access-live' });
    const stop = store.listenToOtherTabs(window);
    localStorage.removeItem(KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null }));
    stop();
    expect(store.currentAccessToken()).toBeNull();
    expect(snapshots.at(-1)).toMatchObject({ signedIn: false, endReason: 'other-tab' });
  });
});
