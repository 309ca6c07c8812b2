import Add from '@mui/icons-material/Add';
import Webhook from '@mui/icons-material/Webhook';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { useListParams } from '../../../../shared/ui/useListParams';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { urls } from '../../../urls';
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useSendTestWebhook, useUpdateWebhookEndpoint, useWebhookEndpoints } from '../hooks/useWebhooks';
import { MONO } from './CopyableText';
import { CreateWebhookDialog } from './CreateWebhookDialog';
import { SecretDialog, type ShownSecret } from './SecretDialog';

type SortField = 'created';
const SORT_FIELDS: readonly SortField[] = ['created'];
const DEFAULT_SORT = { field: 'created', direction: 'desc' } as const;
const NO_FILTERS: readonly never[] = [];

interface EndpointRow {
  id: string;
  url: string;
  description?: string | null;
  events: string[];
  enabled: boolean;
  disabledReason?: string | null;
  consecutiveFailures: number;
  failingSince?: string | null;
  lastSuccessAt?: string | null;
  previousSecretExpiresAt?: string | null;
}

type Notice = { severity: 'success' | 'error' | 'info'; text: string; deliveries?: boolean };

/** The tenant's webhook endpoints: add (secret shown once), enable/disable, rotate, test, delete. */
export function WebhooksSection() {
  const params = useListParams<SortField, never>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: NO_FILTERS });
  const endpoints = useWebhookEndpoints(params.page);
  const [update] = useUpdateWebhookEndpoint();
  const [remove, removing] = useDeleteWebhookEndpoint();
  const [rotate, rotating] = useRotateWebhookSecret();
  const [sendTest] = useSendTestWebhook();
  const [createOpen, setCreateOpen] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<EndpointRow | null>(null);
  const [toRotate, setToRotate] = useState<EndpointRow | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const columns = useMemo<Column<EndpointRow, SortField>[]>(() => {
    const run = async (id: string, action: () => Promise<unknown>, done: Notice) => {
      setBusy(id);
      setNotice(null);
      try {
        await action();
        setNotice(done);
      } catch (err) {
        setNotice({ severity: 'error', text: messageOf(err instanceof Error ? err : null) });
      } finally {
        setBusy(null);
      }
    };
    return [
      {
        id: 'url',
        header: 'Endpoint',
        render: (e) => (
          <Box sx={{ minWidth: 200, maxWidth: 360 }}>
            <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem', fontWeight: 600, wordBreak: 'break-all' }}>{e.url}</Typography>
            {e.description && (
              <Typography variant="body2" color="text.secondary">
                {e.description}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        id: 'events',
        header: 'Events',
        hideBelow: 'md',
        render: (e) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxWidth: 300 }}>
            {e.events.map((t) => (
              <Chip key={t} size="small" variant="outlined" label={t} sx={{ fontFamily: MONO, fontSize: '0.72rem' }} />
            ))}
          </Box>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        render: (e) => (
          <Box sx={{ maxWidth: 260 }}>
            <FormControlLabel
              control={
                <Switch
                  size="small"
                  checked={e.enabled}
                  disabled={busy === e.id}
                  onChange={(ev) => {
                    const enabled = ev.target.checked;
                    void run(e.id, () => update({ variables: { input: { id: e.id, enabled } } }), { severity: 'success', text: enabled ? `${e.url} is enabled again.` : `${e.url} is disabled: it receives no events until you enable it.` });
                  }}
                  slotProps={{ input: { 'aria-label': `${e.enabled ? 'Disable' : 'Enable'} ${e.url}` } }}
                />
              }
              label={e.enabled ? 'Enabled' : 'Disabled'}
            />
            {!e.enabled && e.disabledReason && (
              <Typography variant="body2" color="warning.main">
                {e.disabledReason}
              </Typography>
            )}
            {e.enabled && e.consecutiveFailures > 0 && (
              <Typography variant="body2" color="error.main">
                {e.consecutiveFailures} failed {e.consecutiveFailures === 1 ? 'attempt' : 'attempts'}
                {e.failingSince ? ` since ${formatDateTime(e.failingSince)}` : ''}
              </Typography>
            )}
            {e.enabled && e.consecutiveFailures === 0 && e.lastSuccessAt && (
              <Typography variant="body2" color="text.secondary">
                Last delivered {timeAgo(e.lastSuccessAt)}
              </Typography>
            )}
            {e.previousSecretExpiresAt && (
              <Typography variant="body2" color="text.secondary">
                Old secret signs too until {formatDateTime(e.previousSecretExpiresAt)}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        id: 'actions',
        header: '',
        align: 'right',
        render: (e) => (
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', flexWrap: 'wrap', rowGap: 1 }}>
            <Button
              size="small"
              variant="outlined"
              disabled={busy === e.id}
              aria-label={`Send test event to ${e.url}`}
              onClick={() =>
                void run(e.id, () => sendTest({ variables: { id: e.id } }), { severity: 'info', text: `A test event (webhook.test) is on its way to ${e.url}.`, deliveries: true })
              }
            >
              Send test event
            </Button>
            <Button
              size="small"
              variant="outlined"
              aria-label={`Rotate secret of ${e.url}`}
              onClick={() => {
                setConfirmError(null);
                setToRotate(e);
              }}
            >
              Rotate secret
            </Button>
            <Button
              size="small"
              color="error"
              variant="outlined"
              aria-label={`Delete ${e.url}`}
              onClick={() => {
                setConfirmError(null);
                setToDelete(e);
              }}
            >
              Delete
            </Button>
          </Stack>
        ),
      },
    ];
  }, [busy, update, sendTest]);

  const onDelete = async () => {
    if (!toDelete) return;
    setConfirmError(null);
    try {
      await remove({ variables: { id: toDelete.id } });
      setNotice({ severity: 'success', text: `${toDelete.url} was deleted with its delivery log.` });
      setToDelete(null);
    } catch (err) {
      setConfirmError(messageOf(err instanceof Error ? err : null));
    }
  };

  const onRotate = async () => {
    if (!toRotate) return;
    setConfirmError(null);
    try {
      const { data } = await rotate({ variables: { id: toRotate.id } });
      if (data) {
        setShown({
          title: 'The new signing secret',
          label: 'Webhook signing secret',
          secret: data.rotateWebhookSecret.secret,
          intro: `Deliveries to ${toRotate.url} are now signed with this secret. The old one keeps signing alongside it for 24 hours, so switch your receiver over before then.`,
        });
      }
      setToRotate(null);
    } catch (err) {
      setConfirmError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <Stack spacing={2} component="section" aria-labelledby="webhooks-heading">
      <Box sx={{ display: 'flex', alignItems: { sm: 'center' }, gap: 2, flexDirection: { xs: 'column', sm: 'row' } }}>
        <Box sx={{ flex: 1 }}>
          <Typography id="webhooks-heading" variant="h4">
            Webhook endpoints
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Atrium POSTs signed events to these URLs as they happen, so your systems need not poll. <RouterLink to={urls.developers('docs')}>How to verify them</RouterLink>.
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<Add />} onClick={() => setCreateOpen(true)}>
          Add endpoint
        </Button>
      </Box>
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(null)}
          action={
            notice.deliveries ? (
              <Button component={RouterLink} to={urls.developers('deliveries')} size="small" color="inherit">
                Open the delivery log
              </Button>
            ) : undefined
          }
        >
          {notice.text}
        </Alert>
      )}
      <DataTable<EndpointRow, SortField>
        label="Webhook endpoints"
        columns={columns}
        rows={endpoints.data?.webhookEndpoints.nodes}
        rowKey={(e) => e.id}
        loading={endpoints.loading}
        error={endpoints.error}
        onRetry={() => void endpoints.refetch()}
        params={params}
        pageInfo={endpoints.data?.webhookEndpoints.pageInfo}
        totalCount={endpoints.data?.webhookEndpoints.totalCount}
        skeletonRows={3}
        empty={{
          title: 'No webhook endpoints yet',
          description: 'Add a URL of yours and choose events (a ticket created, a run finished, a member added…): Atrium sends each one there as signed JSON, with retries.',
          action: (
            <Button variant="contained" startIcon={<Webhook />} onClick={() => setCreateOpen(true)}>
              Add an endpoint
            </Button>
          ),
        }}
      />
      <CreateWebhookDialog
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={({ url, secret }) => {
          setCreateOpen(false);
          setShown({
            title: 'Your endpoint’s signing secret',
            label: 'Webhook signing secret',
            secret,
            intro: `Every delivery to ${url} is signed with this secret (Standard Webhooks). Your receiver needs it to verify the webhook-signature header.`,
          });
        }}
      />
      <SecretDialog shown={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        open={toRotate !== null}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        pending={rotating.loading}
        error={confirmError}
        onConfirm={() => void onRotate()}
        onClose={() => setToRotate(null)}
      >
        A new secret is made and shown once. For 24 hours every delivery to <strong>{toRotate?.url}</strong> carries signatures from both the old and the new secret, so
        your receiver keeps working while you switch it over; after that only the new one signs.
      </ConfirmDialog>
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        pendingLabel="Deleting…"
        destructive
        pending={removing.loading}
        error={confirmError}
        onConfirm={() => void onDelete()}
        onClose={() => setToDelete(null)}
      >
        <strong>{toDelete?.url}</strong> receives no more events, and its delivery log is deleted with it. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
