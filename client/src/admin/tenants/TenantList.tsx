import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import type { TenantRecord } from '../providers/tenants.provider';
import { mono } from '../ui/DetailList';
import { formatDate, formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';

const tenantFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search name or slug" sx={{ minWidth: { xs: 0, sm: 280 } }} />];

function TenantCard({ tenant }: { tenant: TenantRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <TenantBadge tenant={tenant} link={false} />
      <Typography variant="body2" color="text.secondary" noWrap sx={{ mt: 0.5 }}>
        <Box component="span" sx={mono}>
          {tenant.slug}
        </Box>{' '}
        · customer since {formatDate(tenant.createdAt)} · changed {formatRelative(tenant.updatedAt)}
      </Typography>
    </Box>
  );
}

/** Every tenant, oldest first; name, slug and age sort on the server. Creating one is offered to platform:tenant:manage only. */
export function TenantList() {
  return (
    <>
      <AdminPageHeading title="Tenants" subtitle="Customer organisations: their members, roles, tickets and flags." />
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
        sx={PHONE_SAFE_LIST_SX}
      >
        <ResponsiveRows<TenantRecord>
          empty="No tenants match this search."
          card={(t) => <TenantCard tenant={t} />}
          table={
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
          }
        />
      </List>
    </>
  );
}
