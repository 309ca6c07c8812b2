import { screen } from '@testing-library/react';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { renderPortal, SESSION_KEY, tokensFor } from './portal-harness';

const preview = (overrides: Record<string, unknown> = {}) => ({
  data: {
    invitationPreview: {
      __typename: 'InvitationPreview',
      email: 'nina@acme.test',
      name: null,
      tenantName: 'Acme Corporation',
      roleName: 'agent',
      existingAccount: false,
      expiresAt: '2030-01-08T09:00:00.000Z',
      ...overrides,
    },
  },
});

beforeEach(() => localStorage.clear());

describe('the invitation page', () => {
  it('shows a clear dead end for an unknown, used or expired token', async () => {
    renderPortal('/invite/nope', { handlers: { InvitationPreview: () => gqlError('NOT_FOUND', 'Invitation not found.') } });
    expect(await screen.findByRole('heading', { name: 'This invitation is no longer valid' })).toBeInTheDocument();
    expect(screen.getByText(/expired, been revoked, or already been used/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });

  it('offers a retry when the preview could not be loaded for another reason', async () => {
    let calls = 0;
    const { user } = renderPortal('/invite/tok', { handlers: { InvitationPreview: () => (++calls === 1 ? gqlError('SERVICE_UNAVAILABLE', 'Atrium is busy; try again.') : preview()) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Atrium is busy; try again.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Your name')).toBeInTheDocument();
  });

  it('lets a new colleague choose a name and password, keeps the form on a policy error, then signs them in to the tenant', async () => {
    let attempts = 0;
    const { server, location, user } = renderPortal('/invite/tok-new', {
      role: 'agent',
      validTokens: new Set(['access-new']),
      me: () => fakeMe('agent', { user: { __typename: 'User', id: 'VXNlcjpuZXc=', name: 'Nina New', email: 'nina@acme.test', staffRole: null } }),
      handlers: {
        InvitationPreview: () => preview({ name: 'Nina' }),
        AcceptInvitation: () =>
          ++attempts === 1
            ? gqlError('BAD_USER_INPUT', 'Invalid input.', { fields: [{ field: 'password', message: 'The password must not contain your email address.' }] })
            : { data: { acceptInvitation: tokensFor('access-new') } },
      },
    });
    expect(await screen.findByRole('heading', { name: 'Join Acme Corporation' })).toBeInTheDocument();
    expect(screen.getByText('nina@acme.test')).toBeInTheDocument();

    // The field starts with the name the inviter gave.
    expect(screen.getByLabelText('Your name')).toHaveValue('Nina');
    await user.type(screen.getByLabelText('Your name'), ' New');
    await user.type(screen.getByLabelText('Password'), 'nina@acme.test!');
    await user.type(screen.getByLabelText('Confirm password'), 'nina@acme.test!');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));
    expect(await screen.findByText('The password must not contain your email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Your name')).toHaveValue('Nina New');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    // Signed in like a sign-in: the dashboard, in the tenant, with the new session stored.
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('Acme Corporation');
    expect(location()).toBe('/');
    expect(JSON.parse(localStorage.getItem(SESSION_KEY) ?? '{}')).toEqual({ refreshToken: 'refresh-for-access-new', tenantId: 'VGVuYW50OmFjbWU=' });
    expect(server.callsOf('AcceptInvitation').at(-1)?.variables).toEqual({ input: { token: 'tok-new', name: 'Nina New', password: 'correct horse battery staple' } });
    expect(server.callsOf('SessionMe').at(-1)?.token).toBe('access-new');
  });

  it('sends a signed-out user with an account to sign in, then back here to join with their session', async () => {
    const globex = { __typename: 'Tenant', id: 'VGVuYW50Omdsb2JleA==', slug: 'globex', name: 'Globex' };
    const joined = { value: false };
    const user0 = { __typename: 'User', id: 'VXNlcjpnbG9yaWE=', name: 'Gloria Globex', email: 'nina@acme.test', staffRole: null };
    const { server, location, user } = renderPortal('/invite/tok-existing', {
      validTokens: new Set(['access-1', 'access-joined']),
      me: () =>
        joined.value
          ? fakeMe('agent', { user: user0 })
          : fakeMe('owner', { user: user0, tenant: globex, memberships: [{ __typename: 'Membership', id: 'TTox', tenant: globex, role: { __typename: 'Role', id: 'Ujox', name: 'owner' } }] }),
      handlers: {
        InvitationPreview: () => preview({ existingAccount: true }),
        Login: () => ({ data: { login: tokensFor('access-1', globex.id) } }),
        AcceptInvitation: (_v, token) => {
          if (token !== 'access-1') return gqlError('UNAUTHENTICATED', 'Sign in to accept.', { reason: 'SIGN_IN_TO_ACCEPT' });
          joined.value = true;
          return { data: { acceptInvitation: tokensFor('access-joined') } };
        },
      },
    });
    const signIn = await screen.findByRole('link', { name: 'Sign in to accept' });
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
    await user.click(signIn);
    expect(location()).toBe(`/login?next=${encodeURIComponent('/invite/tok-existing')}`);

    await user.type(await screen.findByLabelText('Email'), 'nina@acme.test');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const join = await screen.findByRole('button', { name: 'Join Acme Corporation' });
    expect(location()).toBe('/invite/tok-existing');
    await user.click(join);

    await screen.findByRole('navigation', { name: 'Main' });
    expect(location()).toBe('/');
    expect(server.callsOf('AcceptInvitation').map((c) => [c.variables, c.token])).toEqual([[{ input: { token: 'tok-existing' } }, 'access-1']]);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY) ?? '{}')).toMatchObject({ refreshToken: 'refresh-for-access-joined' });
  });

  it('tells a user signed in as someone else whom the invitation is for, and never accepts it for them', async () => {
    const { server, user } = renderPortal('/invite/tok', { role: 'member', stored: true, handlers: { InvitationPreview: () => preview(), Logout: () => ({ data: { logout: true } }) } });
    expect(await screen.findByText(/but this invitation is for/)).toHaveTextContent('You are signed in as member@acme.test, but this invitation is for nina@acme.test.');
    expect(screen.queryByRole('button', { name: /^Join/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out and continue' }));
    expect(await screen.findByLabelText('Your name')).toBeInTheDocument();
    expect(server.callsOf('AcceptInvitation')).toHaveLength(0);
  });
});
