import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useRef, useState } from 'react';
import { Navigate, Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { errorCodeOf, fieldErrorsOf, messageOf, reasonOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { normaliseCode } from '../../../../shared/codes';
import { AuthenticationCodeField, WRONG_CODE_MESSAGE } from '../../../../shared/ui/AuthenticationCodeField';
import { AuthForm, SignInEmailField } from '../components/AuthForm';
import { AuthShell, type LoginNotice } from '../components/AuthShell';

/** Only same-site paths: a crafted ?next= must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return urls.home();
  return next;
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = (location.state as LoginNotice | null)?.notice ?? null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Two-factor: after the server answered MFA_REQUIRED, the same sign-in again with a code.
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const ended = session.snapshot.endReason === 'expired' || session.snapshot.endReason === 'other-tab';
  // The server's reason when it gave one (e.g. a sign-in reused elsewhere), without its own "sign in again".
  const endedBecause = session.snapshot.endMessage?.replace(/\s*Please sign in again\.?\s*$/i, '') || (session.snapshot.endReason === 'other-tab' ? 'You signed out in another tab.' : 'Your session has ended.');

  const onSubmitPassword = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = 'Enter your email address.';
    if (!password) errors.password = 'Enter your password.';
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length) return;
    setSubmitting(true);
    try {
      await session.login({ email: email.trim(), password });
      await navigate(next, { replace: true });
    } catch (err) {
      const e = asError(err);
      if (errorCodeOf(e) === 'UNAUTHENTICATED' && reasonOf(e) === 'MFA_REQUIRED') {
        setCode('');
        setStep('code');
      } else {
        setFieldErrors(fieldErrorsOf(e));
        setError(messageOf(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const onSubmitCode = async (event: FormEvent) => {
    event.preventDefault();
    const otp = normaliseCode(code);
    setError(null);
    if (!otp) {
      setFieldErrors({ otp: 'Enter the code from your authenticator app, or a recovery code.' });
      return;
    }
    setFieldErrors({});
    setSubmitting(true);
    try {
      await session.login({ email: email.trim(), password, otp });
      await navigate(next, { replace: true });
    } catch (err) {
      const e = asError(err);
      if (errorCodeOf(e) === 'UNAUTHENTICATED' && reasonOf(e) !== 'ACCOUNT_DEACTIVATED') {
        // A wrong code is a failed sign-in: say so plainly and let them type the next one.
        setFieldErrors({ otp: WRONG_CODE_MESSAGE });
        setCode('');
        codeInput.current?.focus();
      } else {
        setError(messageOf(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const backToPassword = () => {
    setStep('password');
    setPassword('');
    setCode('');
    setError(null);
    setFieldErrors({});
  };

  if (step === 'code') {
    return (
      <AuthShell title="Two-factor sign-in" subtitle={<>Enter the 6-digit code from your authenticator app for {email.trim()}. Lost your device? Use one of your recovery codes.</>}>
        <AuthForm error={error} onSubmit={onSubmitCode}>
          <AuthenticationCodeField value={code} onChange={setCode} inputRef={codeInput} error={fieldErrors.otp} />
          <Button type="submit" variant="contained" size="large" disabled={submitting} fullWidth>
            {submitting ? 'Checking…' : 'Verify and sign in'}
          </Button>
          <Button onClick={backToPassword} disabled={submitting} color="inherit">
            Use a different account
          </Button>
        </AuthForm>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Sign in" subtitle="Welcome back. Sign in with your work email.">
      {notice && !error && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {ended && !error && !notice && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {endedBecause} Sign in again to continue where you left off.
        </Alert>
      )}
      <AuthForm error={error} onSubmit={onSubmitPassword}>
        <SignInEmailField value={email} onChange={setEmail} error={fieldErrors.email} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          fullWidth
          size="medium"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={Boolean(fieldErrors.password)}
          helperText={fieldErrors.password}
        />
        <Typography variant="body2" sx={{ textAlign: 'right', mt: '8px !important' }}>
          <Link component={RouterLink} to={urls.forgotPassword()} underline="hover">
            Forgot password?
          </Link>
        </Typography>
        <Button type="submit" variant="contained" size="large" disabled={submitting} fullWidth>
          {submitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </AuthForm>
    </AuthShell>
  );
}
