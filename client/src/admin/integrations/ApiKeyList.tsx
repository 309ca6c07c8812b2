import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';
import { API_KEY_STATUSES, type ApiKeyRecord } from '../providers/apiKeys.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { formatRelative } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { API_KEY_STATUS_META, ApiKeyStatusChip, CodeChips, ListLoadError, When } from './IntegrationUi';

const STATUS_CHOICES = API_KEY_STATUSES.map((id) => ({ id, name: API_KEY_STATUS_META[id].label }));

const apiKeyFilters = [
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 240 } }} helperText={false} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn helperText={false} emptyText="Any status" sx={{ minWidth: { xs: 0, sm: 160 } }} />,
];

function NoKeys() {
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        No API keys yet
      </Typography>
      <Typography color="text.secondary">Tenants create keys in the portal, under Developers.</Typography>
    </Box>
  );
}

/** The expiry, or how it ended: revoked, expired, or never expires. */
export function KeyLifetime({ apiKey }: { apiKey: ApiKeyRecord }) {
  if (apiKey.revokedAt) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        Revoked <When iso={apiKey.revokedAt} />
      </Typography>
    );
  }
  if (!apiKey.expiresAt) return <Typography variant="body2" color="text.secondary" component="span">Never expires</Typography>;
  return (
    <Typography variant="body2" component="span" color={apiKey.status === 'EXPIRED' ? 'text.secondary' : 'text.primary'}>
      {apiKey.status === 'EXPIRED' ? 'Expired' : 'Expires'} <When iso={apiKey.expiresAt} />
    </Typography>
  );
}

function ApiKeyCard({ apiKey }: { apiKey: ApiKeyRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ fontWeight: 600, minWidth: 0 }} noWrap>
          {apiKey.name}
        </Typography>
        <ApiKeyStatusChip status={apiKey.status} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {apiKey.tenant.name} ·{' '}
        <Box component="span" sx={mono}>
          {apiKey.prefix}…
        </Box>{' '}
        · last used {apiKey.lastUsedAt ? formatRelative(apiKey.lastUsedAt) : 'never'}
      </Typography>
      <KeyLifetime apiKey={apiKey} />
    </Box>
  );
}

/** Every tenant's API keys, newest first (the API's only order), revoked and expired ones included. */
export function ApiKeyList() {
  return (
    <>
      <AdminPageHeading title="API keys" subtitle="Every tenant's keys to the API: who made them, what they may do, when they were last used." />
      <List perPage={25} filters={apiKeyFilters} exporter={false} title="API keys" empty={<NoKeys />} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<ApiKeyRecord>
          empty="No API keys match."
          card={(k) => <ApiKeyCard apiKey={k} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 2 }}>No API keys match.</Typography>}>
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(k: ApiKeyRecord) => <TenantBadge tenant={k.tenant} />} />
              <DataTable.Col
                source="name"
                label="Key"
                disableSort
                render={(k: ApiKeyRecord) => (
                  <Box sx={{ minWidth: 0 }}>
                    <Typography variant="body2" noWrap component="div">
                      <RowLink id={k.id}>{k.name}</RowLink>
                    </Typography>
                    <Typography variant="caption" color="text.secondary" component="div" sx={mono}>
                      {k.prefix}…
                    </Typography>
                  </Box>
                )}
              />
              <DataTable.Col source="permissions" label="Permissions" disableSort render={(k: ApiKeyRecord) => <CodeChips values={k.permissions} max={3} />} />
              <DataTable.Col source="createdBy" label="Created by" disableSort render={(k: ApiKeyRecord) => <PersonCell person={k.createdBy} nobody="Deleted account" />} />
              <DataTable.Col source="createdAt" label="Created" disableSort render={(k: ApiKeyRecord) => <When iso={k.createdAt} />} />
              <DataTable.Col source="lastUsedAt" label="Last used" disableSort render={(k: ApiKeyRecord) => <When iso={k.lastUsedAt} never="Never" />} />
              <DataTable.Col source="expiresAt" label="Expiry" disableSort render={(k: ApiKeyRecord) => <KeyLifetime apiKey={k} />} />
              <DataTable.Col source="status" label="Status" disableSort render={(k: ApiKeyRecord) => <ApiKeyStatusChip status={k.status} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
