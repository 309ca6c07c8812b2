import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, List, ReferenceInput, useCanAccess } from 'react-admin';
import type { MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import { formatDate } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { RoleChip } from './RoleChip';

const membershipFilters = [
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <ReferenceInput key="userId" source="userId" reference={RESOURCES.users} alwaysOn>
    <AutocompleteInput label="User" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
];

function MembershipCard({ membership }: { membership: MembershipRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <PersonCell person={membership.user} showEmail />
        </Box>
        <RoleChip role={membership.role} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap sx={{ mt: 0.5 }}>
        {membership.tenant.name} · member since {formatDate(membership.createdAt)}
      </Typography>
    </Box>
  );
}

/** Who belongs to which tenant with which role; oldest first, sortable by date. */
export function MembershipList() {
  const { canAccess: canEdit } = useCanAccess({ resource: RESOURCES.memberships, action: 'edit' });
  return (
    <>
      <AdminPageHeading title="Memberships" subtitle="Who belongs to which tenant, and with which role." />
      <List sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} filters={membershipFilters} exporter={false} title="Memberships" sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<MembershipRecord>
          empty="No memberships match these filters."
          card={(m) => <MembershipCard membership={m} />}
          table={
            <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
              <DataTable.Col source="userId" label="Member" disableSort render={(m: MembershipRecord) => <PersonCell person={m.user} showEmail />} />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(m: MembershipRecord) => <TenantBadge tenant={m.tenant} />} />
              <DataTable.Col source="roleId" label="Role" disableSort render={(m: MembershipRecord) => <RoleChip role={m.role} />} />
              <DataTable.Col source="createdAt" label="Member since" render={(m: MembershipRecord) => formatDate(m.createdAt)} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
