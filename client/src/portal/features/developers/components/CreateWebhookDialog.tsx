import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { messageOf } from '../../../../shared/errors';
import { FormDialog, submitForm } from '../../../../shared/ui/FormDialog';
import { useCreateWebhookEndpoint, useWebhookEventTypes } from '../hooks/useWebhooks';
import { MONO } from './CopyableText';

type Errors = { url?: string; events?: string; description?: string };

/**
 * Registers an endpoint: its URL, the event types it wants (from webhookEventTypes) and a
 * description. A refusal (a private address, a bad URL) keeps what was typed, on its field.
 */
export function CreateWebhookDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: { url: string; secret: string }) => void }) {
  const types = useWebhookEventTypes(!open);
  const [create, { loading }] = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const all = types.data?.webhookEventTypes ?? [];

  const close = () => {
    setErrors({});
    setError(null);
    onClose();
  };
  const toggle = (type: string, on: boolean) => setEvents((prev) => all.filter((t) => (t === type ? on : prev.includes(t))));

  const onSubmit = async () => {
    const value = url.trim();
    const found: Errors = {};
    if (!value) found.url = 'Enter the URL Atrium should POST events to.';
    else if (!/^https?:\/\/\S+$/i.test(value)) found.url = 'Enter a full http:// or https:// URL.';
    if (!events.length) found.events = 'Choose at least one event type.';
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    const created = await submitForm(
      ['url', 'events', 'description'] as const,
      async () => (await create({ variables: { input: { url: value, events, description: description.trim() || null } } })).data?.createWebhookEndpoint,
      setErrors,
      setError,
    );
    if (!created) return;
    setUrl('');
    setEvents([]);
    setDescription('');
    onCreated({ url: created.endpoint.url, secret: created.secret });
  };

  return (
    <FormDialog open={open} onClose={close} title="Add a webhook endpoint" error={error} busy={loading} submitLabel="Add endpoint" busyLabel="Adding…" onSubmit={onSubmit}>
      <TextField
        label="Endpoint URL"
        name="url"
        autoFocus
        fullWidth
        placeholder="https://example.com/atrium/webhooks"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={Boolean(errors.url)}
        helperText={errors.url ?? 'Atrium POSTs each event here as signed JSON. Use https.'}
      />
      <FormControl component="fieldset" error={Boolean(errors.events)}>
        <FormLabel component="legend">Events</FormLabel>
        <FormHelperText sx={{ mx: 0 }}>{errors.events ?? 'What this endpoint receives.'}</FormHelperText>
        {types.error && !types.data ? (
          <Alert severity="error" action={<Button onClick={() => void types.refetch()}>Retry</Button>}>
            The event types could not be loaded: {messageOf(types.error)}
          </Alert>
        ) : !types.data ? (
          <Box>
            <Skeleton height={32} />
            <Skeleton height={32} />
          </Box>
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <FormControlLabel
              sx={{ gridColumn: '1 / -1' }}
              control={<Checkbox checked={events.length === all.length} indeterminate={events.length > 0 && events.length < all.length} onChange={(e) => setEvents(e.target.checked ? [...all] : [])} />}
              label="All events"
            />
            {all.map((t) => (
              <FormControlLabel key={t} control={<Checkbox size="small" checked={events.includes(t)} onChange={(e) => toggle(t, e.target.checked)} name={t} />} label={<Box component="span" sx={{ fontFamily: MONO, fontSize: '0.85rem' }}>{t}</Box>} />
            ))}
          </Box>
        )}
      </FormControl>
      <TextField
        label="Description (optional)"
        name="description"
        fullWidth
        multiline
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={Boolean(errors.description)}
        helperText={errors.description ?? 'What it is for, for your colleagues.'}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
