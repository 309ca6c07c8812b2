import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { TicketPriority } from '../../../../gql/graphql';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { urls } from '../../../urls';
import { useCreateTicket } from '../hooks/useTicketMutations';
import { PRIORITY_LABEL, TICKET_PRIORITIES } from '../ticketLabels';

type Fields = 'subject' | 'body';

/** The same rules as the server's, checked here first so the user hears about them at once. */
export function validateTicket(subject: string, body: string): Partial<Record<Fields, string>> {
  const errors: Partial<Record<Fields, string>> = {};
  const s = subject.trim();
  if (!s) errors.subject = 'Give the ticket a subject.';
  else if (s.length < 3 || s.length > 200) errors.subject = 'Subject must be between 3 and 200 characters.';
  if (!body.trim()) errors.body = 'Describe the problem.';
  else if (body.length > 20000) errors.body = 'Describe the problem (up to 20,000 characters).';
  return errors;
}

export function TicketCreatePage() {
  const navigate = useNavigate();
  const [createTicket, { loading }] = useCreateTicket();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('NORMAL');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateTicket(subject, body);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    try {
      const { data } = await createTicket({ variables: { input: { subject: subject.trim(), body: body.trim(), priority } } });
      if (data) await navigate(urls.ticket(data.createTicket.id));
    } catch (err) {
      const fields = fieldErrorsOf(err instanceof Error ? err : null);
      setErrors({ subject: fields.subject, body: fields.body });
      setFormError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      <PageHeader title="New ticket" subtitle="Tell us what is wrong. The more detail you give, the faster we can help." />
      <Paper variant="outlined" sx={{ p: { xs: 2.5, sm: 4 }, borderRadius: 3 }}>
        <Box component="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <Stack spacing={3}>
            {formError && (
              <Alert severity="error" role="alert">
                {formError}
              </Alert>
            )}
            <TextField
              label="Subject"
              name="subject"
              required
              fullWidth
              size="medium"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              error={Boolean(errors.subject)}
              helperText={errors.subject ?? 'A short summary, e.g. "Cannot export invoices to CSV".'}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              label="Description"
              name="body"
              required
              fullWidth
              multiline
              minRows={7}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              error={Boolean(errors.body)}
              helperText={errors.body ?? 'What happened, what you expected, and the steps to see it.'}
            />
            <TextField select label="Priority" name="priority" value={priority} onChange={(e) => setPriority(e.target.value as TicketPriority)} sx={{ maxWidth: 240 }} size="medium">
              {TICKET_PRIORITIES.map((p) => (
                <MenuItem key={p} value={p}>
                  {PRIORITY_LABEL[p]}
                </MenuItem>
              ))}
            </TextField>
            <Box sx={{ display: 'flex', gap: 1.5, justifyContent: 'flex-end', pt: 1 }}>
              <Button component={RouterLink} to={urls.tickets()} color="inherit">
                Cancel
              </Button>
              <Button type="submit" variant="contained" disabled={loading}>
                {loading ? 'Creating…' : 'Create ticket'}
              </Button>
            </Box>
            <Typography variant="body2" color="text.secondary">
              Everyone in your organisation with access to tickets can see it.
            </Typography>
          </Stack>
        </Box>
      </Paper>
    </Box>
  );
}
