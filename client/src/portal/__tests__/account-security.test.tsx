import { act, screen, within } from '@testing-library/react';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const CODES = Array.from({ length: 10 }, (_, i) => `ABCD-EFGH-JKLM-NP${String.fromCharCode(65 + i)}${i}`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** An API where two-factor starts off for `role`; confirm with 123456 turns it on. */
function twoFactorApi(role: 'owner' | 'member', opts: { required?: boolean } = {}) {
  const state = { enabled: false, required: opts.required ?? false };
  const me = () => fakeMe(role, { twoFactorEnabled: state.enabled, twoFactorEnrollmentRequired: state.required && !state.enabled });
  const handlers = {
    BeginTotpEnrollment: () => ({ data: { beginTotpEnrollment: { __typename: 'TotpEnrollment', secret: SECRET, otpauthUrl: `otpauth://totp/Atrium:${role}%40acme.test?secret=${SECRET}&issuer=Atrium` } } }),
    ConfirmTotpEnrollment: (v: Record<string, unknown>) => {
      if (v.code !== '123456') return gqlError('BAD_USER_INPUT', 'That code is not valid. Enter the current code from your authenticator app.', { fields: [{ field: 'code', message: 'Not the current code.' }] });
      state.enabled = true;
      return { data: { confirmTotpEnrollment: CODES } };
    },
    DisableTotp: (v: Record<string, unknown>) => {
      if (v.code !== '654321') return gqlError('BAD_USER_INPUT', 'That code is not valid.', { fields: [{ field: 'code', message: 'That code is not valid.' }] });
      state.enabled = false;
      return { data: { disableTotp: true } };
    },
    TicketList: () => gqlError('FORBIDDEN', 'Set up two-factor first.', { reason: 'TWO_FACTOR_ENROLLMENT_REQUIRED' }),
    Logout: () => ({ data: { logout: true } }),
  };
  return { state, me, handlers };
}

beforeEach(() => localStorage.clear());

describe('two-factor on the account page', () => {
  it('sends a member who must enrol to the set-up page from every route, then lets them in once enrolled and the codes saved', async () => {
    const api = twoFactorApi('member', { required: true });
    const { router, location, server, user } = renderPortal('/tickets', { role: 'member', stored: true, me: api.me, handlers: api.handlers });
    expect(await screen.findByText('Your organisation requires two-factor sign-in')).toBeInTheDocument();
    expect(location()).toBe('/account/two-factor');
    // Nothing else on offer but the set-up and signing out.
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Tickets');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    await act(() => router.navigate('/team'));
    expect(location()).toBe('/account/two-factor');
    expect(server.callsOf('TicketList')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Set up two-factor sign-in' }));
    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument();
    expect(screen.getByLabelText('Secret key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    await user.type(screen.getByLabelText('Code from the app'), '12345');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('Enter the 6-digit code your app shows now.')).toBeInTheDocument();
    expect(server.callsOf('ConfirmTotpEnrollment')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Code from the app'));
    await user.type(screen.getByLabelText('Code from the app'), '111111');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('That code is not valid. Enter the current code from your authenticator app.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Code from the app'));
    await user.type(screen.getByLabelText('Code from the app'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    // Still here until the user says the codes are saved.
    expect(location()).toBe('/account/two-factor');
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(screen.getByLabelText('I saved my recovery codes somewhere safe'));
    await user.click(done);

    await screen.findByRole('heading', { name: /, Member/ });
    expect(location()).toBe('/');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Tickets');
  });

  it('shows the status and turns two-factor off with a code; the codes are never shown again', async () => {
    const api = twoFactorApi('member');
    api.state.enabled = true;
    const { server, user } = renderPortal('/account', { role: 'member', stored: true, me: api.me, handlers: api.handlers });
    const section = await screen.findByRole('region', { name: 'Two-factor sign-in' });
    expect(within(section).getByText('On')).toBeInTheDocument();
    expect(within(section).queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Turn off' }));
    await user.type(within(section).getByLabelText('Code'), '000000');
    await user.click(within(section).getByRole('button', { name: 'Turn off two-factor' }));
    expect(await within(section).findByText('That code is not valid.')).toBeInTheDocument();
    await user.clear(within(section).getByLabelText('Code'));
    await user.type(within(section).getByLabelText('Code'), '654321');
    await user.click(within(section).getByRole('button', { name: 'Turn off two-factor' }));
    expect(await within(section).findByText(/Two-factor sign-in is off/)).toBeInTheDocument();
    expect(within(section).getByText('Off')).toBeInTheDocument();
    expect(server.callsOf('DisableTotp').map((c) => c.variables.code)).toEqual(['000000', '654321']);
  });

  it('changes the password: field errors from the server, and a notice that other sessions were signed out', async () => {
    let attempts = 0;
    const { server, user } = renderPortal('/account', {
      role: 'member',
      stored: true,
      handlers: {
        ChangePassword: () =>
          ++attempts === 1
            ? gqlError('BAD_USER_INPUT', 'Invalid input.', { fields: [{ field: 'currentPassword', message: 'Your current password is not right.' }] })
            : { data: { changePassword: true } },
      },
    });
    const section = await screen.findByRole('region', { name: 'Password' });
    await user.type(within(section).getByLabelText('Current password'), 'wrong');
    await user.type(within(section).getByLabelText('New password'), 'a brand new passphrase');
    await user.type(within(section).getByLabelText('Confirm new password'), 'a brand new passphrase');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText('Your current password is not right.')).toBeInTheDocument();
    expect(within(section).getByLabelText('New password')).toHaveValue('a brand new passphrase');

    await user.clear(within(section).getByLabelText('Current password'));
    await user.type(within(section).getByLabelText('Current password'), 'atrium-demo');
    await user.click(within(section).getByRole('button', { name: 'Change password' }));
    expect(await within(section).findByText(/Every other session has been signed out/)).toBeInTheDocument();
    expect(within(section).getByLabelText('Current password')).toHaveValue('');
    expect(server.callsOf('ChangePassword').at(-1)?.variables).toEqual({ input: { currentPassword: 'atrium-demo', newPassword: 'a brand new passphrase' } });
  });

  it('gives owners (tenant:manage) the "require two-factor" switch', async () => {
    const api = twoFactorApi('owner');
    api.state.enabled = true;
    let required = false;
    const handlers = {
      ...api.handlers,
      TenantSecurity: () => ({ data: { tenant: { __typename: 'Tenant', id: 'VGVuYW50OmFjbWU=', requireTwoFactor: required } } }),
      UpdateTenantSecurity: (v: Record<string, unknown>) => {
        required = (v.input as { requireTwoFactor: boolean }).requireTwoFactor;
        return { data: { updateTenantSecurity: { __typename: 'Tenant', id: 'VGVuYW50OmFjbWU=', requireTwoFactor: required } } };
      },
    };
    const { server, user } = renderPortal('/account', { role: 'owner', stored: true, me: api.me, handlers });
    const toggle = await screen.findByRole('switch', { name: 'Require two-factor for all members' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(await screen.findByText(/must now sign in with two-factor/)).toBeInTheDocument();
    expect(toggle).toBeChecked();
    expect(server.callsOf('UpdateTenantSecurity').map((c) => c.variables)).toEqual([{ input: { requireTwoFactor: true } }]);
  });

  it('shows no tenant switch to an admin', async () => {
    const { server } = renderPortal('/account', { role: 'admin', stored: true });
    await screen.findByRole('region', { name: 'Two-factor sign-in' });
    expect(screen.queryByRole('switch', { name: 'Require two-factor for all members' })).not.toBeInTheDocument();
    expect(server.callsOf('TenantSecurity')).toHaveLength(0);
  });
});
