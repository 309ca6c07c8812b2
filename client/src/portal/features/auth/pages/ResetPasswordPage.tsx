import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { errorCodeOf, fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { AuthForm } from '../components/AuthForm';
import { AuthShell, type LoginNotice } from '../components/AuthShell';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields } from '../components/NewPasswordFields';
import { useResetPassword } from '../hooks/usePasswordReset';

/** Chooses a new password with the token from the mailed link, then goes to the sign-in page. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const [resetPassword, { loading }] = useResetPassword();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, confirm);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    try {
      await resetPassword({ variables: { input: { token, newPassword: password } } });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(e);
      const policy = fields.newPassword ?? fields.password;
      if (policy) setErrors({ password: policy });
      else if (fields.token || errorCodeOf(e) === 'NOT_FOUND') setLinkInvalid(true);
      else setError(messageOf(e));
      return;
    }
    // Every session of the user has ended, this browser's too when it was theirs.
    if (session.snapshot.signedIn) await session.logout();
    const state: LoginNotice = { notice: 'Your password has been changed and every session signed out. Sign in with your new password.' };
    await navigate(urls.login(), { replace: true, state });
  };

  if (linkInvalid) {
    return (
      <AuthShell title="This link is no longer valid" subtitle="Reset links work once, for one hour. Ask for a new one and use the newest mail.">
        <Stack direction="row" spacing={1}>
          <Button component={RouterLink} to={urls.forgotPassword()} variant="contained">
            Send a new link
          </Button>
          <Button component={RouterLink} to={urls.login()} color="inherit">
            Back to sign in
          </Button>
        </Stack>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Choose a new password" subtitle="After this, every browser signed in to your account is signed out.">
      <AuthForm error={error} onSubmit={onSubmit}>
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors} autoFocus />
        <Button type="submit" variant="contained" size="large" disabled={loading} fullWidth>
          {loading ? 'Saving…' : 'Set new password'}
        </Button>
      </AuthForm>
    </AuthShell>
  );
}
