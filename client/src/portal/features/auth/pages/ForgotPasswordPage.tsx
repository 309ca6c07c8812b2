import MarkEmailRead from '@mui/icons-material/MarkEmailReadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { urls } from '../../../urls';
import { AuthForm, SignInEmailField } from '../components/AuthForm';
import { AuthShell } from '../components/AuthShell';
import { useRequestPasswordReset } from '../hooks/usePasswordReset';

/**
 * Asks for a reset link. The answer is the same whether or not the email has an account, so the
 * page never tells a stranger who is registered.
 */
export function ForgotPasswordPage() {
  const [requestReset, { loading }] = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const value = email.trim();
    setError(null);
    if (!value || !value.includes('@')) {
      setEmailError('Enter the email address you sign in with.');
      return;
    }
    setEmailError(null);
    try {
      await requestReset({ variables: { email: value } });
      setSentTo(value);
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(e);
      if (fields.email) setEmailError(fields.email);
      else setError(messageOf(e));
    }
  };

  if (sentTo) {
    return (
      <AuthShell title="Check your email">
        <Box role="status">
          <Box sx={{ width: 56, height: 56, borderRadius: '16px', bgcolor: '#eef2ff', color: 'primary.main', display: 'grid', placeItems: 'center', mb: 2 }}>
            <MarkEmailRead />
          </Box>
          <Typography sx={{ mb: 1.5 }}>
            If an account exists for <strong>{sentTo}</strong>, we have sent it a link to choose a new password.
          </Typography>
          <Typography color="text.secondary" variant="body2" sx={{ mb: 3 }}>
            The link works once, for one hour. Nothing arrived? Check your spam folder, or ask for another link.
          </Typography>
        </Box>
        <Stack direction="row" spacing={1}>
          <Button component={RouterLink} to={urls.login()} variant="contained">
            Back to sign in
          </Button>
          <Button onClick={() => setSentTo(null)} color="inherit">
            Send another link
          </Button>
        </Stack>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Reset your password" subtitle="Enter the email you sign in with and we will send you a link to choose a new password.">
      <AuthForm error={error} onSubmit={onSubmit}>
        <SignInEmailField value={email} onChange={setEmail} error={emailError} />
        <Button type="submit" variant="contained" size="large" disabled={loading} fullWidth>
          {loading ? 'Sending…' : 'Send reset link'}
        </Button>
        <Button component={RouterLink} to={urls.login()} color="inherit">
          Back to sign in
        </Button>
      </AuthForm>
    </AuthShell>
  );
}
