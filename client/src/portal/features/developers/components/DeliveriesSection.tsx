import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { WebhookDeliveryStatus, WebhookDeliveryTrigger } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { useListParams } from '../../../../shared/ui/useListParams';
import { useRedeliverWebhook, useWebhookDeliveries, useWebhookEndpointOptions, useWebhookEventTypes } from '../hooks/useWebhooks';
import { MONO } from './CopyableText';
import { StatusChip } from './StatusChip';

type SortField = 'created';
type FilterKey = 'endpoint' | 'status' | 'event';
const SORT_FIELDS: readonly SortField[] = ['created'];
const DEFAULT_SORT = { field: 'created', direction: 'desc' } as const;
const FILTER_KEYS: readonly FilterKey[] = ['endpoint', 'status', 'event'];

const STATUSES: Record<WebhookDeliveryStatus, { label: string; tone: 'green' | 'amber' | 'red' | 'grey' | 'blue' }> = {
  PENDING: { label: 'Pending', tone: 'grey' },
  SENDING: { label: 'Sending', tone: 'blue' },
  RETRYING: { label: 'Retrying', tone: 'amber' },
  SUCCEEDED: { label: 'Succeeded', tone: 'green' },
  FAILED: { label: 'Failed', tone: 'red' },
};
const TRIGGERS: Record<WebhookDeliveryTrigger, string> = { EVENT: 'Event', TEST: 'Test', REDELIVERY: 'Redelivery' };
const isStatus = (s: string): s is WebhookDeliveryStatus => s in STATUSES;

interface Attempt {
  attempt: number;
  at: string;
  succeeded: boolean;
  responseStatus?: number | null;
  durationMs: number;
  error?: string | null;
  responseExcerpt?: string | null;
}

interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  trigger: WebhookDeliveryTrigger;
  attemptCount: number;
  maxAttempts: number;
  responseStatus?: number | null;
  responseExcerpt?: string | null;
  durationMs?: number | null;
  error?: string | null;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  createdAt: string;
  endpoint: { id: string; url: string };
  attempts: Attempt[];
}

const excerptSx = { m: 0, p: 1.5, fontFamily: MONO, fontSize: '0.78rem', bgcolor: '#f8fafc', border: 1, borderColor: 'divider', borderRadius: 1.5, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 200, overflowY: 'auto' } as const;

/** One delivery in full: its ids, the last answer, each attempt, and redeliver. */
function DeliveryDetail({ delivery, onClose, onRedeliver, redelivering }: { delivery: DeliveryRow | null; onClose: () => void; onRedeliver: (d: DeliveryRow) => void; redelivering: boolean }) {
  const d = delivery;
  return (
    <Dialog open={d !== null} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="delivery-title">
      <DialogTitle id="delivery-title">Delivery of {d?.eventType}</DialogTitle>
      {d && (
        <DialogContent>
          <Stack spacing={2}>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, fontSize: '0.9rem' }}>
              <Typography color="text.secondary">Status</Typography>
              <Box>
                <StatusChip label={STATUSES[d.status].label} tone={STATUSES[d.status].tone} />
              </Box>
              <Typography color="text.secondary">Endpoint</Typography>
              <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem', wordBreak: 'break-all' }}>{d.endpoint.url}</Typography>
              <Typography color="text.secondary">webhook-id</Typography>
              <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem' }}>{d.eventId}</Typography>
              <Typography color="text.secondary">Trigger</Typography>
              <Typography>{TRIGGERS[d.trigger]}</Typography>
              <Typography color="text.secondary">Created</Typography>
              <Typography>{formatDateTime(d.createdAt)}</Typography>
              {d.deliveredAt && (
                <>
                  <Typography color="text.secondary">Delivered</Typography>
                  <Typography>{formatDateTime(d.deliveredAt)}</Typography>
                </>
              )}
              {d.nextAttemptAt && (
                <>
                  <Typography color="text.secondary">Next attempt</Typography>
                  <Typography>{formatDateTime(d.nextAttemptAt)}</Typography>
                </>
              )}
            </Box>
            {d.error && (
              <Alert severity="error">
                <strong>Last error:</strong> {d.error}
              </Alert>
            )}
            <Box>
              <Typography variant="h5" component="h3" gutterBottom>
                Attempts ({d.attemptCount} of at most {d.maxAttempts})
              </Typography>
              {d.attempts.length === 0 ? (
                <Typography color="text.secondary">No attempt yet.</Typography>
              ) : (
                <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Attempts">
                  {d.attempts.map((a) => (
                    <Box component="li" key={a.attempt} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}>
                      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: a.error || a.responseExcerpt ? 1 : 0, flexWrap: 'wrap' }}>
                        <Typography sx={{ fontWeight: 600 }}>Attempt {a.attempt}</Typography>
                        <StatusChip label={a.succeeded ? 'Succeeded' : 'Failed'} tone={a.succeeded ? 'green' : 'red'} />
                        <Typography variant="body2" color="text.secondary">
                          {a.responseStatus ? `HTTP ${a.responseStatus}` : 'no answer'} · {a.durationMs} ms · {formatDateTime(a.at)}
                        </Typography>
                      </Stack>
                      {a.error && (
                        <Typography variant="body2" color="error.main" sx={{ mb: a.responseExcerpt ? 1 : 0 }}>
                          {a.error}
                        </Typography>
                      )}
                      {a.responseExcerpt && (
                        <Box component="pre" sx={excerptSx} aria-label={`Response of attempt ${a.attempt}`}>
                          {a.responseExcerpt}
                        </Box>
                      )}
                    </Box>
                  ))}
                </Stack>
              )}
            </Box>
          </Stack>
        </DialogContent>
      )}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} color="inherit">
          Close
        </Button>
        {d && (
          <Button variant="contained" startIcon={<Refresh />} disabled={redelivering} onClick={() => onRedeliver(d)}>
            {redelivering ? 'Redelivering…' : 'Redeliver'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** The delivery log: what was sent where, how it went, with filters, details and redeliver. */
export function DeliveriesSection() {
  const params = useListParams<SortField, FilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const endpointId = params.filters.endpoint[0];
  const status = params.filters.status.find(isStatus);
  const eventType = params.filters.event[0];
  const deliveries = useWebhookDeliveries({ ...params.page, filter: { endpointId, status, eventType } });
  const endpoints = useWebhookEndpointOptions();
  const types = useWebhookEventTypes();
  const [redeliver, redelivering] = useRedeliverWebhook();
  const [detail, setDetail] = useState<DeliveryRow | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const onRedeliver = async (d: DeliveryRow) => {
    setNotice(null);
    setBusyId(d.id);
    try {
      await redeliver({ variables: { deliveryId: d.id } });
      setNotice({ severity: 'success', text: `${d.eventType} is being sent to ${d.endpoint.url} again, with the same webhook-id.` });
      setDetail(null);
    } catch (err) {
      setNotice({ severity: 'error', text: messageOf(err instanceof Error ? err : null) });
    } finally {
      setBusyId(null);
    }
  };

  const columns = useMemo<Column<DeliveryRow, SortField>[]>(
    () => [
      {
        id: 'time',
        header: 'Time',
        render: (d) => (
          <Tooltip title={formatDateTime(d.createdAt)}>
            <span>{timeAgo(d.createdAt)}</span>
          </Tooltip>
        ),
      },
      {
        id: 'event',
        header: 'Event',
        render: (d) => (
          <Box>
            <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem', fontWeight: 600 }}>{d.eventType}</Typography>
            <Typography variant="body2" color="text.secondary">
              {TRIGGERS[d.trigger]}
            </Typography>
          </Box>
        ),
      },
      { id: 'endpoint', header: 'Endpoint', hideBelow: 'md', render: (d) => <Typography sx={{ fontFamily: MONO, fontSize: '0.8rem', wordBreak: 'break-all', maxWidth: 280 }}>{d.endpoint.url}</Typography> },
      { id: 'status', header: 'Status', render: (d) => <StatusChip label={STATUSES[d.status].label} tone={STATUSES[d.status].tone} /> },
      { id: 'code', header: 'Response', render: (d) => (d.responseStatus ? `HTTP ${d.responseStatus}` : <Typography component="span" color="text.secondary">—</Typography>) },
      { id: 'duration', header: 'Duration', hideBelow: 'sm', render: (d) => (typeof d.durationMs === 'number' ? `${d.durationMs} ms` : '—') },
      { id: 'attempt', header: 'Attempt', hideBelow: 'sm', render: (d) => `${d.attemptCount} / ${d.maxAttempts}` },
      {
        id: 'actions',
        header: '',
        align: 'right',
        render: (d) => (
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            <Button size="small" onClick={() => setDetail(d)} aria-label={`Details of ${d.eventType} ${d.eventId}`}>
              Details
            </Button>
            <Button size="small" variant="outlined" disabled={busyId === d.id} onClick={() => void onRedeliver(d)} aria-label={`Redeliver ${d.eventType} ${d.eventId}`}>
              {busyId === d.id ? 'Sending…' : 'Redeliver'}
            </Button>
          </Stack>
        ),
      },
    ],
    // onRedeliver only closes over stable setters and the mutation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [busyId],
  );

  const endpointOptions = endpoints.data?.webhookEndpoints.nodes ?? [];
  const typeOptions = types.data?.webhookEventTypes ?? [];
  const filterSx = { minWidth: 180, flex: { sm: 1 } };
  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
      <TextField select size="small" label="Endpoint" value={endpointId ?? ''} onChange={(e) => params.setFilter('endpoint', e.target.value ? [e.target.value] : [])} sx={filterSx}>
        <MenuItem value="">All endpoints</MenuItem>
        {endpointOptions.map((o) => (
          <MenuItem key={o.id} value={o.id} sx={{ fontFamily: MONO, fontSize: '0.85rem' }}>
            {o.url}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Status" value={status ?? ''} onChange={(e) => params.setFilter('status', e.target.value ? [e.target.value] : [])} sx={filterSx}>
        <MenuItem value="">All statuses</MenuItem>
        {Object.entries(STATUSES).map(([value, s]) => (
          <MenuItem key={value} value={value}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Event type" value={eventType ?? ''} onChange={(e) => params.setFilter('event', e.target.value ? [e.target.value] : [])} sx={filterSx}>
        <MenuItem value="">All event types</MenuItem>
        {[...typeOptions, 'webhook.test'].map((t) => (
          <MenuItem key={t} value={t} sx={{ fontFamily: MONO, fontSize: '0.85rem' }}>
            {t}
          </MenuItem>
        ))}
      </TextField>
      <Button startIcon={<Refresh />} onClick={() => void deliveries.refetch()} sx={{ flexShrink: 0 }}>
        Refresh
      </Button>
    </Stack>
  );

  return (
    <Stack spacing={2} component="section" aria-labelledby="deliveries-heading">
      <Box>
        <Typography id="deliveries-heading" variant="h4">
          Delivery log
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Every event sent to your endpoints, newest first. Failed attempts are retried with growing pauses for about a day; redeliver sends one again with the same
          webhook-id.
        </Typography>
      </Box>
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <DataTable<DeliveryRow, SortField>
        label="Webhook deliveries"
        columns={columns}
        rows={deliveries.data?.webhookDeliveries.nodes}
        rowKey={(d) => d.id}
        loading={deliveries.loading}
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
        params={params}
        pageInfo={deliveries.data?.webhookDeliveries.pageInfo}
        totalCount={deliveries.data?.webhookDeliveries.totalCount}
        toolbar={toolbar}
        skeletonRows={4}
        empty={
          params.hasFilters
            ? { title: 'No deliveries match these filters', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : { title: 'Nothing delivered yet', description: 'Deliveries appear here once an event your endpoints subscribe to happens. Send a test event from the Webhooks tab to try one now.' }
        }
      />
      <DeliveryDetail delivery={detail} onClose={() => setDetail(null)} onRedeliver={(d) => void onRedeliver(d)} redelivering={redelivering.loading} />
    </Stack>
  );
}
