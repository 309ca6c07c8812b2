import { AutocompleteInput, DataTable, List, ReferenceInput, useCanAccess } from 'react-admin';
import type { MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import { formatDate } from '../ui/format';
import { PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { RoleChip } from './RoleChip';

const membershipFilters = [
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: 220 }} helperText={false} />
  </ReferenceInput>,
  <ReferenceInput key="userId" source="userId" reference={RESOURCES.users} alwaysOn>
    <AutocompleteInput label="User" optionText="name" sx={{ minWidth: 220 }} helperText={false} />
  </ReferenceInput>,
];

/** Who belongs to which tenant with which role; oldest first, sortable by date. */
export function MembershipList() {
  const { canAccess: canEdit } = useCanAccess({ resource: RESOURCES.memberships, action: 'edit' });
  return (
    <List sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} filters={membershipFilters} exporter={false} title="Memberships">
      <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="userId" label="Member" disableSort render={(m: MembershipRecord) => <PersonCell person={m.user} showEmail />} />
        <DataTable.Col source="tenantId" label="Tenant" disableSort render={(m: MembershipRecord) => <TenantBadge tenant={m.tenant} />} />
        <DataTable.Col source="roleId" label="Role" disableSort render={(m: MembershipRecord) => <RoleChip role={m.role} />} />
        <DataTable.Col source="createdAt" label="Member since" render={(m: MembershipRecord) => formatDate(m.createdAt)} />
      </DataTable>
    </List>
  );
}
