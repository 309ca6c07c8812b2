import LockOutlined from '@mui/icons-material/LockOutlined';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useRef, useState } from 'react';
import { useLogin } from 'react-admin';
import { normaliseCode } from '../shared/codes';
import { errorCodeOf, reasonOf } from '../shared/errors';
import { brand } from '../shared/theme/theme';
import { AuthenticationCodeField, WRONG_CODE_MESSAGE } from '../shared/ui/AuthenticationCodeField';
import { BrandMark } from '../shared/ui/BrandMark';
import { STAFF_ONLY_MESSAGE } from './providers/authProvider';

const POINTS = ['Tickets of every tenant in one queue', 'Roles, memberships and feature flags', 'Every change recorded in the audit log'];

/**
 * The back office's sign-in: staff accounts only. A refusal (wrong password, or a customer
 * account) shows inline, where the person is looking, rather than as a passing toast.
 */
/** The GraphQL error behind the auth provider's AuthError, for its code and reason. */
function causeOf(err: unknown): Error | null {
  const cause = err instanceof Error ? err.cause : null;
  return cause instanceof Error ? cause : null;
}

export function AdminLoginPage() {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Two-factor: after the server answered MFA_REQUIRED, the same sign-in again with a code.
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const otp = step === 'code' ? normaliseCode(code) : undefined;
    if (step === 'code' && !otp) {
      setError('Enter the code from your authenticator app, or a recovery code.');
      return;
    }
    setBusy(true);
    setError(null);
    login({ email, password, otp }).catch((err: unknown) => {
      const cause = causeOf(err);
      if (step === 'password' && errorCodeOf(cause) === 'UNAUTHENTICATED' && reasonOf(cause) === 'MFA_REQUIRED') {
        setCode('');
        setStep('code');
      } else if (step === 'code' && errorCodeOf(cause) === 'UNAUTHENTICATED' && reasonOf(cause) !== 'ACCOUNT_DEACTIVATED') {
        // A wrong code is a failed sign-in: say so plainly and let them type the next one.
        setError(WRONG_CODE_MESSAGE);
        setCode('');
        codeInput.current?.focus();
      } else {
        setError(err instanceof Error && err.message ? err.message : 'Sign-in failed. Try again.');
      }
      setBusy(false);
    });
  };

  const backToPassword = () => {
    setStep('password');
    setPassword('');
    setCode('');
    setError(null);
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.1fr 1fr' }, bgcolor: brand.canvas }}>
      <Box
        sx={{
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: `radial-gradient(1200px 600px at 10% 10%, #6366f1 0%, transparent 60%), linear-gradient(160deg, ${brand.primaryDark} 0%, ${brand.sidebar} 75%)`,
        }}
      >
        <BrandMark tone="light" subtitle="Back office" />
        <Box sx={{ maxWidth: 440 }}>
          <Typography variant="h1" sx={{ fontSize: '2.1rem', mb: 2, lineHeight: 1.2 }}>
            Run the platform your customers rely on.
          </Typography>
          <Stack spacing={1.25}>
            {POINTS.map((p) => (
              <Box key={p} sx={{ display: 'flex', alignItems: 'center', gap: 1.25, color: 'rgba(255,255,255,.85)' }}>
                <Box sx={{ width: 6, height: 6, borderRadius: '50%', bgcolor: '#a5b4fc' }} />
                <Typography>{p}</Typography>
              </Box>
            ))}
          </Stack>
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'rgba(255,255,255,.65)' }}>
          <ShieldOutlined fontSize="small" />
          <Typography variant="body2">Staff access is audited. Customers sign in to the portal.</Typography>
        </Box>
      </Box>
      <Box sx={{ display: 'grid', placeItems: 'center', p: 3 }}>
        <Paper variant="outlined" component="form" onSubmit={submit} noValidate sx={{ width: '100%', maxWidth: 400, p: 4, borderRadius: 3 }}>
          <Box sx={{ display: { xs: 'block', md: 'none' }, mb: 3 }}>
            <BrandMark subtitle="Back office" />
          </Box>
          <Box sx={{ width: 44, height: 44, borderRadius: 2, bgcolor: '#eef2ff', display: 'grid', placeItems: 'center', mb: 2 }}>
            <LockOutlined sx={{ color: brand.primary }} />
          </Box>
          <Typography variant="h2" component="h1" gutterBottom>
            {step === 'code' ? 'Two-factor sign-in' : 'Sign in'}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {step === 'code' ? `Enter the 6-digit code from your authenticator app for ${email.trim()}. Lost your device? Use one of your recovery codes.` : 'Atrium staff accounts only.'}
          </Typography>
          {error && (
            <Alert
              severity="error"
              sx={{ mb: 2 }}
              role="alert"
              action={
                error === STAFF_ONLY_MESSAGE ? (
                  <Button color="inherit" size="small" href="/login">
                    Portal
                  </Button>
                ) : undefined
              }
            >
              {error}
            </Alert>
          )}
          {step === 'code' ? (
            <Stack spacing={2}>
              <AuthenticationCodeField value={code} onChange={setCode} inputRef={codeInput} />
              <Button type="submit" variant="contained" size="large" disabled={busy || !code.trim()} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
                Verify and sign in
              </Button>
              <Button onClick={backToPassword} disabled={busy} color="inherit">
                Use a different account
              </Button>
            </Stack>
          ) : (
            <Stack spacing={2}>
              <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required fullWidth size="medium" autoFocus />
              <TextField
                label="Password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                fullWidth
                size="medium"
              />
              <Button type="submit" variant="contained" size="large" disabled={busy || !email || !password} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
                Sign in
              </Button>
            </Stack>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
