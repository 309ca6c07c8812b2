import TextField from '@mui/material/TextField';
import type { Ref } from 'react';

/** What a refused second-factor code is told, in the portal and the back office alike. */
export const WRONG_CODE_MESSAGE = 'That code is not right. Enter the current code from your authenticator app, or an unused recovery code.';

/**
 * The second step of a two-factor sign-in: a TOTP code or a recovery code, typed or filled by
 * the browser's one-time-code autofill. `error` replaces the hint with what was wrong.
 */
export function AuthenticationCodeField(props: { value: string; onChange: (value: string) => void; inputRef?: Ref<HTMLInputElement>; error?: string }) {
  return (
    <TextField
      label="Authentication code"
      name="otp"
      autoComplete="one-time-code"
      autoFocus
      fullWidth
      inputRef={props.inputRef}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? '6 digits, or a recovery code (XXXX-XXXX-XXXX-XXXX).'}
      slotProps={{ htmlInput: { maxLength: 32, spellCheck: false, autoCapitalize: 'none' } }}
    />
  );
}
