import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { FormEvent, ReactNode } from 'react';

/**
 * The form of a signed-out page (sign-in, forgot and reset password, invitation): the page's
 * error above it, where the person is looking, and its fields in one column. Validation is the
 * page's own (noValidate), so every message reads the same.
 */
export function AuthForm(props: { error: string | null; onSubmit: (event: FormEvent) => Promise<void> | void; children: ReactNode }) {
  return (
    <>
      {props.error && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {props.error}
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={(e) => void props.onSubmit(e)}>
        <Stack spacing={2.25}>{props.children}</Stack>
      </Box>
    </>
  );
}

/** The email address one signs in with, focused first. */
export function SignInEmailField(props: { value: string; onChange: (value: string) => void; error?: string | null }) {
  return (
    <TextField
      label="Email"
      type="email"
      name="email"
      autoComplete="username"
      autoFocus
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? undefined}
    />
  );
}
