import Button, { type ButtonProps } from '@mui/material/Button';
import { type ReactNode, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';

/**
 * A button for a change that is hard to take back: it asks first, then runs `action`, and says
 * how it went: `action`'s own message on success, the server's message on failure. The dialog
 * stays open (its buttons disabled) while the change runs, and closes when it is done.
 */
export function ConfirmButton({
  label,
  title,
  content,
  confirmLabel,
  action,
  onDone,
  destructive = true,
  ...button
}: {
  label: string;
  title: string;
  content: ReactNode;
  confirmLabel: string;
  /** Runs the change; answers the success notice. */
  action: () => Promise<string>;
  /** After a success (re-read what changed). */
  onDone?: () => void;
  /** Red confirm button (the default); false for a change that only restores something. */
  destructive?: boolean;
} & Omit<ButtonProps, 'onClick' | 'children' | 'title' | 'content' | 'action'>) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const confirm = async () => {
    setRunning(true);
    try {
      const message = await action();
      notify(message, { type: 'success' });
      setOpen(false);
      onDone?.();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'Something went wrong.', { type: 'error' });
      setOpen(false);
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} disabled={button.disabled || running}>
        {label}
      </Button>
      <Confirm
        isOpen={open}
        loading={running}
        title={title}
        content={content}
        confirm={confirmLabel}
        confirmColor={destructive ? 'warning' : 'primary'}
        onConfirm={() => void confirm()}
        onClose={() => {
          if (!running) setOpen(false);
        }}
      />
    </>
  );
}
