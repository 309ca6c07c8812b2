import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { type FormEvent, type ReactNode, useId } from 'react';
import { fieldErrorsOf, messageOf } from '../errors';

export interface FormDialogProps {
  open: boolean;
  /** Asked to close (Cancel, Escape, the backdrop); ignored while `busy`. */
  onClose: () => void;
  title: string;
  maxWidth?: DialogProps['maxWidth'];
  /** The form's own message (a refusal that names no field), above the fields. */
  error: string | null;
  /** Submitting: the buttons are disabled and the submit button says `busyLabel`. */
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => void | Promise<void>;
  /** False keeps the submit button disabled (e.g. until the form is complete). */
  canSubmit?: boolean;
  /** The submit button in the error colour (revoking, deleting). */
  destructive?: boolean;
  children: ReactNode;
}

/**
 * A dialog holding one form, in both apps: a title, the form's error, the fields, and Cancel /
 * submit. The submit goes through the form (Enter in a field submits; the browser's own
 * validation is off, each form checks its fields itself and shows the server's refusals on them).
 */
export function FormDialog({ open, onClose, title, maxWidth = 'sm', error, busy, submitLabel, busyLabel, onSubmit, canSubmit = true, destructive = false, children }: FormDialogProps) {
  const titleId = useId();
  const close = () => {
    if (!busy) onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && canSubmit) void onSubmit();
  };
  return (
    <Dialog open={open} onClose={close} maxWidth={maxWidth} fullWidth aria-labelledby={titleId}>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={busy} color="inherit">
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy || !canSubmit}>
            {busy ? busyLabel : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * Runs a mutation for a form: its answer, or null after putting the server's refusal on the
 * named fields (`setFields`) and its message on the form (`setError`).
 */
export async function submitForm<T, K extends string>(
  fields: readonly K[],
  run: () => Promise<T>,
  setFields: (errors: Partial<Record<K, string>>) => void,
  setError: (message: string | null) => void,
): Promise<T | null> {
  setError(null);
  try {
    return await run();
  } catch (err) {
    const e = err instanceof Error ? err : null;
    const found = fieldErrorsOf(e);
    setFields(Object.fromEntries(fields.map((f) => [f, found[f]])) as Partial<Record<K, string>>);
    setError(messageOf(e));
    return null;
  }
}
