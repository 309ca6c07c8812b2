import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useNotify } from 'react-admin';

/**
 * A small form in a dialog for one change: its fields (the caller's controlled inputs), a submit
 * button that runs `action`, and the outcome: `action`'s notice on success (then it closes), the
 * server's message inside the dialog on failure, so what was typed stays.
 */
export function FormDialog({
  open,
  onClose,
  title,
  children,
  submitLabel,
  action,
  onDone,
  canSubmit = true,
  destructive = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  submitLabel: string;
  /** Runs the change; answers the success notice. */
  action: () => Promise<string>;
  onDone?: () => void;
  canSubmit?: boolean;
  destructive?: boolean;
}) {
  const notify = useNotify();
  const titleId = useId();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running || !canSubmit) return;
    setRunning(true);
    setError(null);
    try {
      const message = await action();
      notify(message, { type: 'success' });
      onClose();
      onDone?.();
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : 'Something went wrong.');
    } finally {
      setRunning(false);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!running) {
          setError(null);
          onClose();
        }
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setError(null);
              onClose();
            }}
            disabled={running}
          >
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={destructive ? 'error' : 'primary'} disabled={running || !canSubmit}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
