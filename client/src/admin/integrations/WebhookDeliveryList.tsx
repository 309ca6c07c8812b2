import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { DELIVERY_STATUS_META, DeliveryStatusChip, ListLoadError, UrlText } from './IntegrationUi';
import { AttemptsCell, DeliveryTimeCell, ErrorCell, EventTypeCell, ResponseCodeCell } from './WebhookDeliveryCells';

const STATUS_CHOICES = WEBHOOK_DELIVERY_STATUSES.map((id) => ({ id, name: DELIVERY_STATUS_META[id].label }));

// The API takes one status; failures by default (a cleared status lists every delivery).
const deliveryFilters = [
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn helperText={false} emptyText="Any status" sx={{ minWidth: { xs: 0, sm: 160 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <TextInput key="eventType" source="eventType" label="Event type" placeholder="ticket.created" helperText={false} />,
  <ReferenceInput key="endpointId" source="endpointId" reference={RESOURCES.webhookEndpoints}>
    <AutocompleteInput label="Endpoint" optionText="url" sx={{ minWidth: { xs: 0, sm: 260 } }} helperText={false} />
  </ReferenceInput>,
];

function WebhookDeliveryCard({ delivery }: { delivery: WebhookDeliveryRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ ...mono, fontWeight: 600, minWidth: 0 }} noWrap>
          {delivery.eventType}
        </Typography>
        <DeliveryStatusChip status={delivery.status} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {delivery.tenant.name} · {delivery.attemptCount} of {delivery.maxAttempts} attempts · {formatRelative(delivery.updatedAt)}
      </Typography>
      <Typography variant="body2" noWrap sx={{ color: delivery.error ? '#b91c1c' : 'text.secondary' }}>
        {delivery.error ?? delivery.endpoint.url}
      </Typography>
    </Box>
  );
}

/**
 * Webhook deliveries across tenants, newest first: the failed ones unless the filter says
 * otherwise (retrying ones are one status away). Each opens its attempts and answers.
 */
export function WebhookDeliveryList() {
  return (
    <>
      <AdminPageHeading title="Delivery failures" subtitle="Webhook deliveries that did not get through: what was sent, where, and the answer." />
      <List
        perPage={25}
        filters={deliveryFilters}
        filterDefaultValues={{ status: 'FAILED' }}
        exporter={false}
        title="Delivery failures"
        error={<ListLoadError />}
        sx={PHONE_SAFE_LIST_SX}
      >
        <ResponsiveRows<WebhookDeliveryRecord>
          empty="No deliveries match: nothing is failing."
          card={(d) => <WebhookDeliveryCard delivery={d} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 2 }}>No deliveries match: nothing is failing.</Typography>}>
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(d: WebhookDeliveryRecord) => <TenantBadge tenant={d.tenant} />} />
              <DataTable.Col source="endpointId" label="Endpoint" disableSort render={(d: WebhookDeliveryRecord) => <UrlText url={d.endpoint.url} maxWidth={170} />} />
              <DataTable.Col source="eventType" label="Event" disableSort render={(d: WebhookDeliveryRecord) => <EventTypeCell delivery={d} />} />
              <DataTable.Col source="status" label="Status" disableSort render={(d: WebhookDeliveryRecord) => <DeliveryStatusChip status={d.status} />} />
              <DataTable.Col source="attemptCount" label="Attempts" disableSort render={(d: WebhookDeliveryRecord) => <AttemptsCell delivery={d} />} />
              <DataTable.Col source="responseStatus" label="Response" disableSort render={(d: WebhookDeliveryRecord) => <ResponseCodeCell delivery={d} />} />
              <DataTable.Col source="error" label="Error" disableSort render={(d: WebhookDeliveryRecord) => <ErrorCell error={d.error} maxWidth={170} />} />
              <DataTable.Col source="updatedAt" label="When" disableSort render={(d: WebhookDeliveryRecord) => <DeliveryTimeCell delivery={d} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
