import { screen } from '@testing-library/react';
import { gqlError, unauthenticated } from '../../test/fake-graphql';
import { renderPortal, SESSION_KEY, tokensFor } from './portal-harness';

/** A user with two-factor on: the password alone answers MFA_REQUIRED; 123456 or a recovery code signs in. */
const loginWithTwoFactor = (v: Record<string, unknown>) => {
  const input = v.input as { email: string; password: string; otp?: string | null };
  if (input.password !== 'right') return unauthenticated('Invalid email or password.');
  if (!input.otp) return gqlError('UNAUTHENTICATED', 'Enter the code from your authenticator app.', { reason: 'MFA_REQUIRED' });
  if (input.otp === '123456' || input.otp === 'ABCD-EFGH-JKLM-NPQR') return { data: { login: tokensFor('access-1') } };
  return gqlError('UNAUTHENTICATED', 'Invalid email or password.', { reason: 'INVALID_CREDENTIALS' });
};

beforeEach(() => localStorage.clear());

describe('sign-in with two-factor', () => {
  it('asks for a code after the password, refuses a wrong one plainly, and signs in with the right one', async () => {
    const { server, location, user } = renderPortal(`/login?next=${encodeURIComponent('/account')}`, { role: 'member', handlers: { Login: loginWithTwoFactor } });
    await user.type(await screen.findByLabelText('Email'), 'member@acme.test');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // The prompt, not an error: the password was right.
    await screen.findByRole('heading', { name: 'Two-factor sign-in' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText(/member@acme\.test/)).toBeInTheDocument();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();

    await user.type(screen.getByLabelText('Authentication code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByText(/That code is not right/)).toBeInTheDocument();
    // Cleared for the next try, and the generic "email or password" is not shown for a wrong code.
    expect(screen.getByLabelText('Authentication code')).toHaveValue('');
    expect(screen.queryByText('Invalid email or password.')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Authentication code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await screen.findByRole('heading', { name: 'Account' });
    expect(location()).toBe('/account');

    const logins = server.callsOf('Login').map((c) => c.variables.input);
    expect(logins).toEqual([
      { email: 'member@acme.test', password: 'right' },
      { email: 'member@acme.test', password: 'right', otp: '000000' },
      { email: 'member@acme.test', password: 'right', otp: '123456' },
    ]);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY) ?? '{}')).toMatchObject({ refreshToken: 'refresh-for-access-1' });
  });

  it('accepts a recovery code in the same field', async () => {
    const { server, user } = renderPortal('/login', { role: 'member', handlers: { Login: loginWithTwoFactor } });
    await user.type(await screen.findByLabelText('Email'), 'member@acme.test');
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Authentication code'), 'ABCD-EFGH-JKLM-NPQR');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(server.callsOf('Login').at(-1)?.variables.input).toMatchObject({ otp: 'ABCD-EFGH-JKLM-NPQR' });
  });

  it('goes back to the password form with "Use a different account", and a wrong password never reaches the prompt', async () => {
    const { user } = renderPortal('/login', { role: 'member', handlers: { Login: loginWithTwoFactor } });
    await user.type(await screen.findByLabelText('Email'), 'member@acme.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');
    expect(screen.queryByLabelText('Authentication code')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Use a different account' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('member@acme.test');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('links "Forgot password?" to the reset request, which answers the same for any email', async () => {
    const { server, location, user } = renderPortal('/login', { handlers: { RequestPasswordReset: () => ({ data: { requestPasswordReset: true } }) } });
    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    expect(location()).toBe('/forgot-password');
    await user.type(await screen.findByLabelText('Email'), 'nobody@example.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText(/If an account exists for/)).toHaveTextContent('If an account exists for nobody@example.test, we have sent it a link');
    expect(server.callsOf('RequestPasswordReset').map((c) => c.variables)).toEqual([{ email: 'nobody@example.test' }]);
  });

  it('resets a password from the mailed link: policy errors on the field, then the sign-in page with a notice', async () => {
    let attempt = 0;
    const { server, location, user } = renderPortal('/reset-password/tok-1', {
      handlers: {
        ResetPassword: () =>
          ++attempt === 1
            ? gqlError('BAD_USER_INPUT', 'Invalid input: the password is too common.', { fields: [{ field: 'newPassword', message: 'This password is too common. Choose another.' }] })
            : { data: { resetPassword: true } },
      },
    });
    await user.type(await screen.findByLabelText('New password'), 'password123');
    await user.type(screen.getByLabelText('Confirm new password'), 'password124');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('The two passwords do not match.')).toBeInTheDocument();
    expect(server.callsOf('ResetPassword')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('This password is too common. Choose another.')).toBeInTheDocument();
    // Nothing typed is lost on a refusal.
    expect(screen.getByLabelText('New password')).toHaveValue('password123');

    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'a long and unusual passphrase');
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'a long and unusual passphrase');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location()).toBe('/login');
    expect(screen.getByText(/Your password has been changed/)).toBeInTheDocument();
    expect(server.callsOf('ResetPassword').at(-1)?.variables).toEqual({ input: { token: 'tok-1', newPassword: 'a long and unusual passphrase' } });
  });

  it('says plainly when a reset link is used or expired', async () => {
    const { user } = renderPortal('/reset-password/old', { handlers: { ResetPassword: () => gqlError('NOT_FOUND', 'Reset link not found.') } });
    await user.type(await screen.findByLabelText('New password'), 'a long and unusual passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'a long and unusual passphrase');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByRole('heading', { name: 'This link is no longer valid' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});
