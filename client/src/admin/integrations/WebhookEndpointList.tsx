import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';
import type { WebhookEndpointRecord } from '../providers/webhooks.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { CodeChips, EndpointStateChip, ListLoadError, UrlText, When } from './IntegrationUi';

const endpointFilters = [
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 240 } }} helperText={false} />
  </ReferenceInput>,
  <SelectInput
    key="enabled"
    source="enabled"
    label="State"
    choices={[
      { id: 'true', name: 'Enabled' },
      { id: 'false', name: 'Disabled' },
    ]}
    alwaysOn
    helperText={false}
    emptyText="Any state"
    sx={{ minWidth: { xs: 0, sm: 160 } }}
  />,
];

function NoEndpoints() {
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        No webhook endpoints yet
      </Typography>
      <Typography color="text.secondary">Tenants register endpoints in the portal, under Developers.</Typography>
    </Box>
  );
}

/** Failures since the last success, and since when; "None" in grey when the last attempt worked. */
export function FailureCount({ endpoint }: { endpoint: WebhookEndpointRecord }) {
  if (endpoint.consecutiveFailures === 0) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        None
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 700, color: '#b91c1c' }} component="div">
        {endpoint.consecutiveFailures} in a row
      </Typography>
      {endpoint.failingSince && (
        <Typography variant="caption" color="text.secondary" component="div">
          since <When iso={endpoint.failingSince} />
        </Typography>
      )}
    </Box>
  );
}

function WebhookEndpointCard({ endpoint }: { endpoint: WebhookEndpointRecord }) {
  const events = `${endpoint.events.length} event${endpoint.events.length === 1 ? '' : 's'}`;
  const failures = endpoint.consecutiveFailures ? `${endpoint.consecutiveFailures} failures in a row` : `last success ${endpoint.lastSuccessAt ? formatRelative(endpoint.lastSuccessAt) : 'never'}`;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ ...mono, fontWeight: 600, minWidth: 0 }} noWrap>
          {endpoint.url}
        </Typography>
        <EndpointStateChip endpoint={endpoint} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {endpoint.tenant.name} · {events} · {failures}
      </Typography>
      {endpoint.description && (
        <Typography variant="body2" color="text.secondary" noWrap>
          {endpoint.description}
        </Typography>
      )}
    </Box>
  );
}

/** Every tenant's webhook endpoints, newest first (the API's only order), by tenant and state. */
export function WebhookEndpointList() {
  return (
    <>
      <AdminPageHeading title="Webhook endpoints" subtitle="Where tenants receive events, and the ones that keep failing." />
      <List perPage={25} filters={endpointFilters} exporter={false} title="Webhook endpoints" empty={<NoEndpoints />} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<WebhookEndpointRecord>
          empty="No webhook endpoints match these filters."
          card={(e) => <WebhookEndpointCard endpoint={e} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(e: WebhookEndpointRecord) => <TenantBadge tenant={e.tenant} />} />
              <DataTable.Col
                source="url"
                label="URL"
                disableSort
                render={(e: WebhookEndpointRecord) => (
                  <Box sx={{ minWidth: 0 }}>
                    <UrlText url={e.url} maxWidth={340} />
                    {e.description && (
                      <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ maxWidth: 340 }}>
                        {e.description}
                      </Typography>
                    )}
                  </Box>
                )}
              />
              <DataTable.Col source="events" label="Events" disableSort render={(e: WebhookEndpointRecord) => <CodeChips values={e.events} max={2} />} />
              <DataTable.Col
                source="enabled"
                label="State"
                disableSort
                render={(e: WebhookEndpointRecord) => (
                  <Box>
                    <EndpointStateChip endpoint={e} />
                    {!e.enabled && e.disabledReason && (
                      <Typography variant="caption" color="text.secondary" component="div" sx={{ maxWidth: 220, mt: 0.5 }}>
                        {e.disabledReason}
                      </Typography>
                    )}
                  </Box>
                )}
              />
              <DataTable.Col source="consecutiveFailures" label="Failures" disableSort render={(e: WebhookEndpointRecord) => <FailureCount endpoint={e} />} />
              <DataTable.Col source="lastSuccessAt" label="Last success" disableSort render={(e: WebhookEndpointRecord) => <When iso={e.lastSuccessAt} never="Never" />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
