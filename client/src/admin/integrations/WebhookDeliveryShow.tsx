import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { WebhookDeliveryAttemptRecord, WebhookDeliveryRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { RecordLink } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { DeliveryStatusChip, EndpointStateChip, When } from './IntegrationUi';
import { ResponseCodeCell } from './WebhookDeliveryCells';

function WebhookDeliveryTitle() {
  const delivery = useRecordContext<WebhookDeliveryRecord>();
  return <span>{delivery ? `Delivery of ${delivery.eventType}` : 'Webhook delivery'}</span>;
}

/** The start of an answer body as the API logged it (at most 1 KB), in a scrolling block. */
function Excerpt({ text, label }: { text: string | null; label: string }) {
  if (!text) {
    return (
      <Typography variant="body2" color="text.secondary">
        No answer body.
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      aria-label={label}
      sx={{ ...mono, m: 0, p: 1.5, bgcolor: '#f8fafc', border: '1px solid', borderColor: 'divider', borderRadius: 1, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {text}
    </Box>
  );
}

function Attempts({ attempts }: { attempts: readonly WebhookDeliveryAttemptRecord[] }) {
  if (attempts.length === 0) return <Typography color="text.secondary">No attempt yet.</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Attempts">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>When</TableCell>
            <TableCell>Response</TableCell>
            <TableCell>Took</TableCell>
            <TableCell>Error / answer</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {attempts.map((a) => (
            <TableRow key={a.attempt}>
              <TableCell>{a.attempt}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</TableCell>
              <TableCell>
                <ResponseCodeCell delivery={{ responseStatus: a.responseStatus, attemptCount: 1 }} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.durationMs} ms</TableCell>
              <TableCell sx={{ maxWidth: 420 }}>
                {a.error && (
                  <Typography variant="body2" sx={{ color: '#b91c1c', wordBreak: 'break-word' }}>
                    {a.error}
                  </Typography>
                )}
                {a.responseExcerpt && (
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ ...mono, wordBreak: 'break-word' }}>
                    {a.responseExcerpt.length > 160 ? `${a.responseExcerpt.slice(0, 160)}…` : a.responseExcerpt}
                  </Typography>
                )}
                {!a.error && !a.responseExcerpt && (a.succeeded ? 'Delivered' : '—')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function WebhookDeliveryShowLayout() {
  const delivery = useRecordContext<WebhookDeliveryRecord>();
  if (!delivery) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ flex: 1, minWidth: 240 }}>
                <Typography variant="h2" component="h1" sx={{ ...mono, fontSize: '1.2rem', fontWeight: 700 }}>
                  {delivery.eventType}
                </Typography>
                <Typography color="text.secondary">
                  {delivery.trigger === 'TEST' ? 'Test event' : delivery.trigger === 'REDELIVERY' ? 'Redelivery' : 'Event'} · created {formatDateTime(delivery.createdAt)}
                </Typography>
              </Box>
              <DeliveryStatusChip status={delivery.status} />
            </CardContent>
            {delivery.error && (
              <Alert severity={delivery.status === 'FAILED' ? 'error' : 'warning'} sx={{ borderRadius: 0, wordBreak: 'break-word' }}>
                {delivery.error}
              </Alert>
            )}
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>
                Last answer <ResponseCodeCell delivery={delivery} />
              </SectionTitle>
              <Excerpt text={delivery.responseExcerpt} label="Last answer body" />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle count={delivery.attemptCount}>Attempts</SectionTitle>
              <Attempts attempts={delivery.attempts ?? []} />
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Card>
          <CardContent>
            <SectionTitle>Delivery</SectionTitle>
            <DetailList
              items={[
                { label: 'Tenant', value: <TenantBadge tenant={delivery.tenant} showSlug /> },
                {
                  label: 'Endpoint',
                  value: (
                    <Box sx={{ minWidth: 0 }}>
                      <RecordLink resource={RESOURCES.webhookEndpoints} id={delivery.endpoint.id}>
                        <Box component="span" sx={{ ...mono, wordBreak: 'break-all' }}>
                          {delivery.endpoint.url}
                        </Box>
                      </RecordLink>
                      <Box sx={{ mt: 0.5 }}>
                        <EndpointStateChip endpoint={{ enabled: delivery.endpoint.enabled, disabledReason: null, disabledAt: null }} />
                      </Box>
                    </Box>
                  ),
                },
                { label: 'Attempts', value: `${delivery.attemptCount} of ${delivery.maxAttempts}` },
                { label: 'Next attempt', value: <When iso={delivery.nextAttemptAt} never="None" /> },
                { label: 'Delivered', value: <When iso={delivery.deliveredAt} never="No" /> },
                { label: 'Took', value: delivery.durationMs === null ? '—' : `${delivery.durationMs} ms` },
                { label: 'webhook-id', value: <Box component="span" sx={{ ...mono, color: 'text.secondary', wordBreak: 'break-all' }}>{delivery.eventId}</Box> },
              ]}
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

/** One delivery: why it failed, the endpoint's last answer, and every attempt. Read-only. */
export function WebhookDeliveryShow() {
  return (
    <Show
      title={<WebhookDeliveryTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="Delivery failures" />
        </TopToolbar>
      }
    >
      <WebhookDeliveryShowLayout />
    </Show>
  );
}
