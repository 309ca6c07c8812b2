import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataTable, List, SearchInput } from 'react-admin';
import type { UserRecord } from '../providers/users.provider';
import { SoftChip, StaffRoleChip, UserStatusChip } from '../ui/chips';
import { formatDate, formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';

const userFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" sx={{ minWidth: 280 }} />];

/** Every account, customers and staff; oldest first; name and join date sort on the server. */
export function UserList() {
  return (
    <List sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} filters={userFilters} exporter={false} title="Users">
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" label="User" render={(u: UserRecord) => <PersonCell person={u} showEmail />} />
        <DataTable.Col
          source="staffRole"
          label="Kind"
          disableSort
          render={(u: UserRecord) => (u.staffRole ? <StaffRoleChip role={u.staffRole} /> : <SoftChip label="Customer" colour="#0e7490" />)}
        />
        <DataTable.Col
          source="deactivatedAt"
          label="Status"
          disableSort
          render={(u: UserRecord) => (
            <Tooltip title={u.deactivatedAt ? `Deactivated ${formatDateTime(u.deactivatedAt)}` : 'Can sign in'}>
              <span>
                <UserStatusChip deactivatedAt={u.deactivatedAt} />
              </span>
            </Tooltip>
          )}
        />
        <DataTable.Col
          source="createdAt"
          label="Joined"
          render={(u: UserRecord) => (
            <Typography variant="body2" color="text.secondary">
              {formatDate(u.createdAt)}
            </Typography>
          )}
        />
      </DataTable>
    </List>
  );
}
