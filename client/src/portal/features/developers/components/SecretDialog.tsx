import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode, useId, useState } from 'react';
import { CopyableText } from './CopyableText';

export interface ShownSecret {
  title: string;
  /** What the secret is for and how to use it. */
  intro: ReactNode;
  secret: string;
  /** Accessible name of the secret's text, e.g. "API key secret". */
  label: string;
}

/**
 * A secret the server answers once (an API key, a webhook signing secret): shown here with a
 * copy button and a plain warning. It closes only on purpose (no backdrop click, no Escape), after
 * the user confirms they stored it; once closed, nothing in the app holds it any more.
 */
export function SecretDialog({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) {
  const titleId = useId();
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Dialog open={shown !== null} aria-labelledby={titleId} maxWidth="sm" fullWidth disableEscapeKeyDown>
      <DialogTitle id={titleId}>{shown?.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">
            <strong>This is the only time it is shown.</strong> Atrium keeps only a hash of it and cannot show it again: copy it now into your secret store.
            If you lose it, create a new one.
          </Alert>
          <Typography color="text.secondary">{shown?.intro}</Typography>
          {shown && <CopyableText text={shown.secret} label={shown.label} copyLabel="Copy secret" />}
          <FormControlLabel control={<Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)} />} label="I have stored it somewhere safe" />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" disabled={!stored} onClick={close}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
