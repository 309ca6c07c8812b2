import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApolloClient } from '../../shared/apollo/create-apollo-client';
import { AppProviders } from '../../shared/runtime';
import { createRefreshTransport, SessionStore } from '../../shared/session';
import { createFakeServer, type FakeHandler, fakeMe, unauthenticated } from '../../test/fake-graphql';
import { portalRoutes } from '../routes';

export const SESSION_KEY = 'atrium.portal.session';
export const ACME_ID = 'VGVuYW50OmFjbWU=';
export type Role = Parameters<typeof fakeMe>[0];

export const tokensFor = (accessToken: string, tenantId = ACME_ID) => ({
  __typename: 'AuthPayload',
  accessToken,
  accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
  refreshToken: `refresh-for-${accessToken}`,
  tenant: { __typename: 'Tenant', id: tenantId },
  user: { __typename: 'User', id: 'VXNlcjpuZXc=', staffRole: null },
});

const emptyPage = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/**
 * The portal's real routes over an in-memory API. `me` answers SessionMe for any token the
 * server handed out (access-1 from a stored session or a sign-in); handlers add or override
 * operations. Returns the router, the fake server (its calls) and a user-event instance.
 */
export function renderPortal(
  url: string,
  opts: { role?: Role; me?: () => Record<string, unknown>; stored?: boolean; handlers?: Record<string, FakeHandler>; validTokens?: Set<string> } = {},
) {
  const role = opts.role ?? 'member';
  const valid = opts.validTokens ?? new Set(['access-1']);
  const me = opts.me ?? (() => fakeMe(role));
  const server = createFakeServer({
    RefreshSession: (v) => (v.refreshToken === 'refresh-ok' ? { data: { refreshSession: tokensFor('access-1') } } : unauthenticated('Your session has ended. Please sign in again.')),
    SessionMe: (_v, token) => (token && valid.has(token) ? { data: { me: me() } } : unauthenticated()),
    MySessions: () => ({ data: { mySessions: { __typename: 'SessionConnection', totalCount: 0, nodes: [] } } }),
    TicketList: () => ({ data: { tickets: { __typename: 'TicketConnection', totalCount: 0, pageInfo: emptyPage, nodes: [] } } }),
    ...opts.handlers,
  });
  if (opts.stored) localStorage.setItem(SESSION_KEY, JSON.stringify({ refreshToken: 'refresh-ok', tenantId: ACME_ID }));
  const store = new SessionStore({ storageKey: SESSION_KEY, refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  const client = createApolloClient({ store, fetch: server.fetch, subscriptions: server.live.link });
  const router = createMemoryRouter(portalRoutes, { initialEntries: [url] });
  render(
    <AppProviders runtime={{ store, client }}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const location = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { router, location, server, store, user: userEvent.setup() };
}
