import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import type { TenantRecord } from '../providers/tenants.provider';
import { mono } from '../ui/DetailList';
import { formatDate, formatRelative } from '../ui/format';
import { TenantBadge } from '../ui/TenantBadge';

const tenantFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search name or slug" sx={{ minWidth: 280 }} />];

/** Every tenant, oldest first; name, slug and age sort on the server. Creating one is offered to platform:tenant:manage only. */
export function TenantList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'ASC' }}
      perPage={25}
      filters={tenantFilters}
      exporter={false}
      title="Tenants"
      actions={
        <TopToolbar>
          <CreateButton label="Create tenant" variant="contained" />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" label="Tenant" render={(r: TenantRecord) => <TenantBadge tenant={r} link={false} />} />
        <DataTable.Col source="slug" label="Slug" render={(r: TenantRecord) => <Typography component="span" sx={mono}>{r.slug}</Typography>} />
        <DataTable.Col source="createdAt" label="Customer since" render={(r: TenantRecord) => formatDate(r.createdAt)} />
        <DataTable.Col
          source="updatedAt"
          label="Last change"
          disableSort
          render={(r: TenantRecord) => (
            <Typography variant="body2" color="text.secondary">
              {formatRelative(r.updatedAt)}
            </Typography>
          )}
        />
      </DataTable>
    </List>
  );
}
