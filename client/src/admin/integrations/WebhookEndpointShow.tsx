import SendOutlined from '@mui/icons-material/SendOutlined';
import WebhookOutlined from '@mui/icons-material/WebhookOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataTable, ListButton, ReferenceManyField, Show, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { HistoryCard } from '../auditLogs/AuditTrail';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDateTime } from '../ui/format';
import { useFilteredListPath } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { CodeChips, DeliveryStatusChip, DisableEndpointButton, EndpointStateChip, When } from './IntegrationUi';
import { AttemptsCell, DeliveryTimeCell, EventTypeCell, ResponseCodeCell } from './WebhookDeliveryCells';
import { FailureCount } from './WebhookEndpointList';

function WebhookEndpointTitle() {
  const endpoint = useRecordContext<WebhookEndpointRecord>();
  return <span>{endpoint ? `Webhook endpoint of ${endpoint.tenant.name}` : 'Webhook endpoint'}</span>;
}

/** The endpoint's latest deliveries, newest first; each opens its own page (error, attempts, answers). */
function RecentDeliveries() {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <ReferenceManyField reference={RESOURCES.webhookDeliveries} target="endpointId" perPage={10}>
        <DataTable bulkActionButtons={false} rowClick="show" empty={<Typography color="text.secondary" sx={{ py: 2 }}>No deliveries yet.</Typography>}>
          <DataTable.Col source="eventType" label="Event" disableSort render={(d: WebhookDeliveryRecord) => <EventTypeCell delivery={d} />} />
          <DataTable.Col source="status" label="Status" disableSort render={(d: WebhookDeliveryRecord) => <DeliveryStatusChip status={d.status} />} />
          <DataTable.Col source="attemptCount" label="Attempts" disableSort render={(d: WebhookDeliveryRecord) => <AttemptsCell delivery={d} />} />
          <DataTable.Col source="responseStatus" label="Response" disableSort render={(d: WebhookDeliveryRecord) => <ResponseCodeCell delivery={d} />} />
          <DataTable.Col source="updatedAt" label="When" disableSort render={(d: WebhookDeliveryRecord) => <DeliveryTimeCell delivery={d} />} />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

function WebhookEndpointShowLayout() {
  const endpoint = useRecordContext<WebhookEndpointRecord>();
  const listPath = useFilteredListPath();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  if (!endpoint) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
              <Box sx={{ width: 56, height: 56, borderRadius: 3, bgcolor: '#ecfeff', color: '#0e7490', display: 'grid', placeItems: 'center', flexShrink: 0 }}>
                <WebhookOutlined />
              </Box>
              <Box sx={{ flex: 1, minWidth: 240 }}>
                <Typography variant="h2" component="h1" sx={{ ...mono, fontSize: '1.15rem', fontWeight: 700, wordBreak: 'break-all' }}>
                  {endpoint.url}
                </Typography>
                <Typography color="text.secondary">{endpoint.description ?? 'No description'}</Typography>
              </Box>
              <EndpointStateChip endpoint={endpoint} />
              <DisableEndpointButton endpoint={endpoint} />
            </CardContent>
            {!endpoint.enabled && (
              <Alert severity="warning" sx={{ borderRadius: 0 }}>
                Disabled{endpoint.disabledAt ? ` ${formatDateTime(endpoint.disabledAt)}` : ''}: {endpoint.disabledReason ?? 'it receives no events.'} Only {endpoint.tenant.name} can enable it again.
              </Alert>
            )}
            {endpoint.enabled && endpoint.consecutiveFailures > 0 && (
              <Alert severity="error" sx={{ borderRadius: 0 }}>
                {endpoint.consecutiveFailures} failed attempts in a row{endpoint.failingSince ? ` since ${formatDateTime(endpoint.failingSince)}` : ''}; Atrium disables an endpoint that keeps failing.
              </Alert>
            )}
          </Card>
          <Card>
            <CardContent>
              <SectionTitle
                action={
                  <Button component={RouterLink} to={listPath(RESOURCES.webhookDeliveries, { endpointId: endpoint.id })} size="small">
                    All its deliveries
                  </Button>
                }
              >
                <SendOutlined fontSize="small" color="action" /> Recent deliveries
              </SectionTitle>
              <RecentDeliveries />
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent>
              <SectionTitle>Endpoint</SectionTitle>
              <DetailList
                items={[
                  { label: 'Tenant', value: <TenantBadge tenant={endpoint.tenant} showSlug /> },
                  { label: 'Events', value: <CodeChips values={endpoint.events} /> },
                  { label: 'Failures', value: <FailureCount endpoint={endpoint} /> },
                  { label: 'Last success', value: <When iso={endpoint.lastSuccessAt} never="Never" /> },
                  { label: 'Last failure', value: <When iso={endpoint.lastFailureAt} never="Never" /> },
                  { label: 'Secret rotated', value: <When iso={endpoint.secretRotatedAt} never="Never" /> },
                  { label: 'Registered', value: formatDateTime(endpoint.createdAt) },
                ]}
              />
            </CardContent>
          </Card>
          {canReadAudit && (
            <HistoryCard empty="No recorded changes." />
          )}
        </Stack>
      </Grid>
    </Grid>
  );
}

/** One webhook endpoint: its state, failures and recent deliveries; disabling it for platform:integration:manage. */
export function WebhookEndpointShow() {
  return (
    <Show
      title={<WebhookEndpointTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All webhook endpoints" />
        </TopToolbar>
      }
    >
      <WebhookEndpointShowLayout />
    </Show>
  );
}
