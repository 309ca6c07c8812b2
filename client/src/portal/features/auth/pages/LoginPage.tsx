import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { BrandMark } from '../../../../shared/ui/BrandMark';
import { brand } from '../../../../shared/theme/theme';
import { urls } from '../../../urls';

/** Only same-site paths: a crafted ?next= must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return urls.home();
  return next;
}

const HIGHLIGHTS = ['Raise and follow support tickets with your team', 'See who is working on what, as it happens', 'One place for your organisation’s accounts and access'];

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const ended = session.snapshot.endReason === 'expired' || session.snapshot.endReason === 'other-tab';
  // The server's reason when it gave one (e.g. a sign-in reused elsewhere), without its own "sign in again".
  const endedBecause = session.snapshot.endMessage?.replace(/\s*Please sign in again\.?\s*$/i, '') || (session.snapshot.endReason === 'other-tab' ? 'You signed out in another tab.' : 'Your session has ended.');

  const onSubmit = async (event: FormEvent) => {
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
      const e = err instanceof Error ? err : new Error(String(err));
      setFieldErrors(fieldErrorsOf(e));
      setError(messageOf(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.05fr 1fr' }, bgcolor: 'background.default' }}>
      <Box
        sx={{
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: `radial-gradient(1200px 600px at 10% 10%, #6366f1 0%, transparent 60%), linear-gradient(145deg, ${brand.primaryDark} 0%, #1e1b4b 100%)`,
        }}
      >
        <BrandMark tone="light" subtitle="Customer portal" />
        <Box sx={{ maxWidth: 460 }}>
          <Typography sx={{ fontSize: '2.25rem', fontWeight: 750, lineHeight: 1.15, letterSpacing: '-0.03em', mb: 2 }}>Support that keeps your whole team in the loop.</Typography>
          <Stack spacing={1.5} sx={{ mt: 3 }}>
            {HIGHLIGHTS.map((h) => (
              <Stack key={h} direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <CheckCircleOutline sx={{ color: '#a5b4fc' }} fontSize="small" />
                <Typography sx={{ color: 'rgba(255,255,255,.88)' }}>{h}</Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
        <Typography sx={{ color: 'rgba(255,255,255,.6)', fontSize: '0.8rem' }}>© Atrium. Your data stays within your organisation.</Typography>
      </Box>

      <Box sx={{ display: 'grid', placeItems: 'center', p: { xs: 2, sm: 4 } }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 5 }, borderRadius: 3, boxShadow: '0 10px 40px -12px rgba(15,23,42,.15)' }}>
          <Box sx={{ display: { md: 'none' }, mb: 3 }}>
            <BrandMark subtitle="Customer portal" />
          </Box>
          <Typography variant="h1" gutterBottom>
            Sign in
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            Welcome back. Sign in with your work email.
          </Typography>
          {ended && !error && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {endedBecause} Sign in again to continue where you left off.
            </Alert>
          )}
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error}
            </Alert>
          )}
          <Box component="form" noValidate onSubmit={(e) => void onSubmit(e)}>
            <Stack spacing={2.25}>
              <TextField
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                fullWidth
                size="medium"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={Boolean(fieldErrors.email)}
                helperText={fieldErrors.email}
              />
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
              <Button type="submit" variant="contained" size="large" disabled={submitting} fullWidth>
                {submitting ? 'Signing in…' : 'Sign in'}
              </Button>
            </Stack>
          </Box>
        </Paper>
      </Box>
    </Box>
  );
}
