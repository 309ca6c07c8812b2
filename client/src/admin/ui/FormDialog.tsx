import { type ReactNode, useState } from 'react';
import { useNotify } from 'react-admin';
import { FormDialog as FormDialogFrame } from '../../shared/ui/FormDialog';

/**
 * A small form in a dialog for one change: its fields (the caller's controlled inputs), a submit
 * button that runs `action`, and the outcome: `action`'s notice on success (then it closes), the
 * server's message inside the dialog on failure, so what was typed stays. The dialog itself is
 * the portal's (shared/ui/FormDialog.tsx).
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
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
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
    <FormDialogFrame
      open={open}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={title}
      error={error}
      busy={running}
      submitLabel={submitLabel}
      busyLabel={submitLabel}
      onSubmit={submit}
      canSubmit={canSubmit}
      destructive={destructive}
    >
      {children}
    </FormDialogFrame>
  );
}
