import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApolloClient } from '../../shared/apollo/create-apollo-client';
import { AppProviders } from '../../shared/runtime';
import { createRefreshTransport, SessionStore } from '../../shared/session';
import { createFakeServer, fakeMe, unauthenticated } from '../../test/fake-graphql';
import { portalRoutes } from '../routes';

const KEY = 'atrium.portal.session';
type Role = Parameters<typeof fakeMe>[0];

const ticketList = {
  tickets: {
    __typename: 'TicketConnection',
    totalCount: 1,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'a' },
    nodes: [
      {
        __typename: 'Ticket',
        id: 'VGlja2V0OjE=',
        number: 1,
        subject: 'Cannot export invoices to CSV',
        status: 'OPEN',
        priority: 'HIGH',
        createdAt: '2026-09-01T09:00:00.000Z',
        updatedAt: '2026-09-01T09:00:00.000Z',
        requester: { __typename: 'User', id: 'VXNlcjox', name: 'Mia Member' },
        assignee: null,
      },
    ],
  },
};

/** The portal's real routes over an in-memory API in which `role` is who signs in. */
function renderPortal(url: string, role: Role, opts: { stored?: 'valid' | 'revoked'; me?: Record<string, unknown> } = {}) {
  const tokens = { accessToken: 'access-1', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(), refreshToken: 'refresh-2', tenant: { __typename: 'Tenant', id: 'VGVuYW50OmFjbWU=' } };
  const server = createFakeServer({
    Login: (v) => {
      const input = v.input as { email: string; password: string };
      return input.password === 'right' ? { data: { login: { __typename: 'AuthPayload', ...tokens, user: { __typename: 'User', id: 'u', staffRole: null } } } } : unauthenticated('Invalid email or password.');
    },
    RefreshSession: (v) => (v.refreshToken === 'refresh-ok' ? { data: { refreshSession: { __typename: 'AuthPayload', ...tokens } } } : unauthenticated('Your session has ended. Please sign in again.')),
    SessionMe: (_v, token) => (token === 'access-1' ? { data: { me: fakeMe(role, opts.me) } } : unauthenticated()),
    TicketList: (_v, token) => (token === 'access-1' ? { data: ticketList } : unauthenticated()),
    MySessions: () => ({ data: { mySessions: { __typename: 'SessionConnection', totalCount: 0, nodes: [] } } }),
  });
  if (opts.stored) localStorage.setItem(KEY, JSON.stringify({ refreshToken: opts.stored === 'valid' ? 'refresh-ok' : 'refresh-revoked', tenantId: 'VGVuYW50OmFjbWU=' }));
  const store = new SessionStore({ storageKey: KEY, refresh: createRefreshTransport('/graphql', server.fetch), locks: null });
  const client = createApolloClient({ store, fetch: server.fetch });
  const router = createMemoryRouter(portalRoutes, { initialEntries: [url] });
  render(
    <AppProviders runtime={{ store, client }}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const location = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { router, location, server, user: userEvent.setup() };
}

beforeEach(() => localStorage.clear());

describe('route guards', () => {
  it('sends a signed-out visitor to the login page, then back to the page they wanted', async () => {
    const { location, user } = renderPortal('/tickets?status=OPEN', 'member');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location()).toBe(`/login?next=${encodeURIComponent('/tickets?status=OPEN')}`);

    await user.type(screen.getByLabelText('Email'), 'member@acme.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Tickets' });
    expect(location()).toBe('/tickets?status=OPEN');
  });

  it('refuses to follow a ?next= that leaves the site', async () => {
    const { location, user } = renderPortal(`/login?next=${encodeURIComponent('//evil.example/x')}`, 'member');
    await user.type(await screen.findByLabelText('Email'), 'member@acme.test');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: /, Member/ });
    expect(location()).toBe('/');
  });

  it('shows a viewer a clear "not allowed" page for creating tickets, and no create action on the list', async () => {
    const { router } = renderPortal('/tickets/new', 'viewer', { stored: 'valid' });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByText(/Raising tickets is not available to your role/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Subject')).not.toBeInTheDocument();

    await act(() => router.navigate('/tickets'));
    await screen.findByText('Cannot export invoices to CSV');
    expect(screen.queryByRole('link', { name: 'New ticket' })).not.toBeInTheDocument();
  });

  it('lets a member open the create form and offers the action on the list', async () => {
    const { router } = renderPortal('/tickets/new', 'member', { stored: 'valid' });
    expect(await screen.findByRole('button', { name: 'Create ticket' })).toBeInTheDocument();
    await act(() => router.navigate('/tickets'));
    expect(await screen.findByRole('link', { name: 'New ticket' })).toBeInTheDocument();
  });

  it('hides menu entries the role cannot use, and guards their pages anyway', async () => {
    // A custom role without ticket:read.
    const { router } = renderPortal('/', 'viewer', { stored: 'valid', me: { role: 'auditor', permissions: ['audit:read'] } });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('Dashboard');
    expect(nav).toHaveTextContent('Account');
    expect(nav).not.toHaveTextContent('Tickets');
    await act(() => router.navigate('/tickets'));
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByText(/is not available to your role/)).toHaveTextContent('The ticket list is not available to your role (auditor)');
  });

  it('a stored session the server refuses ends cleanly on the login page, keeping the page wanted', async () => {
    const { location, server } = renderPortal('/account', 'member', { stored: 'revoked' });
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByText(/Sign in again to continue where you left off/)).toBeInTheDocument();
    expect(location()).toBe(`/login?next=${encodeURIComponent('/account')}`);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(server.callsOf('RefreshSession')).toHaveLength(1);
  });
});
