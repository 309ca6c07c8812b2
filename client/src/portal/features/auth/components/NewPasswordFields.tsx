import TextField from '@mui/material/TextField';

export interface NewPasswordErrors {
  password?: string;
  confirm?: string;
}

/** Checks a new password and its repetition before the server applies its own policy. */
export function checkNewPassword(password: string, confirm: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (!password) errors.password = 'Choose a password.';
  if (!confirm) errors.confirm = 'Type the password again.';
  else if (password && confirm !== password) errors.confirm = 'The two passwords do not match.';
  return errors;
}

/** A new password typed twice; the server's policy message shows on the first field. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
  label = 'New password',
  autoFocus = false,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: NewPasswordErrors;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        name="new-password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        fullWidth
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={Boolean(errors.password)}
        helperText={errors.password ?? 'At least 10 characters: a passphrase you use nowhere else, without your email address.'}
      />
      <TextField
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        fullWidth
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={Boolean(errors.confirm)}
        helperText={errors.confirm}
      />
    </>
  );
}
