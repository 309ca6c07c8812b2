import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { checkNewPassword, NewPasswordFields } from '../../auth/components/NewPasswordFields';
import { useChangePassword } from '../hooks/useSecurity';

interface Errors {
  current?: string;
  password?: string;
  confirm?: string;
}

/** Current password, then the new one twice. Other sessions end on success; this one stays. */
export function ChangePasswordSection() {
  const [changePassword, { loading }] = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = checkNewPassword(password, confirm);
    if (!current) found.current = 'Enter your current password.';
    else if (password && password === current) found.password = 'Choose a password different from the current one.';
    setErrors(found);
    setError(null);
    setDone(false);
    if (Object.keys(found).length) return;
    try {
      await changePassword({ variables: { input: { currentPassword: current, newPassword: password } } });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(e);
      const next: Errors = { current: fields.currentPassword, password: fields.newPassword ?? fields.password };
      setErrors(next);
      if (!next.current && !next.password) setError(messageOf(e));
      return;
    }
    setCurrent('');
    setPassword('');
    setConfirm('');
    setDone(true);
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }} component="section" aria-labelledby="password-heading">
      <Typography id="password-heading" variant="h4">
        Password
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2.5 }}>
        Changing it signs out every other browser and device signed in to your account.
      </Typography>
      {done && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setDone(false)}>
          Your password has been changed. Every other session has been signed out; this browser stays signed in.
        </Alert>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={(e) => void onSubmit(e)} sx={{ maxWidth: 420 }}>
        <Stack spacing={2}>
          <TextField
            label="Current password"
            type="password"
            name="current-password"
            autoComplete="current-password"
            fullWidth
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={Boolean(errors.current)}
            helperText={errors.current}
          />
          <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors} />
          <Box>
            <Button type="submit" variant="contained" disabled={loading}>
              {loading ? 'Changing…' : 'Change password'}
            </Button>
          </Box>
        </Stack>
      </Box>
    </Paper>
  );
}
