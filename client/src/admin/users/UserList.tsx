import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataTable, List, SearchInput } from 'react-admin';
import type { UserRecord } from '../providers/users.provider';
import { SoftChip, StaffRoleChip, UserStatusChip } from '../ui/chips';
import { formatDate, formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows } from '../ui/ResponsiveList';

const userFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" sx={{ minWidth: { xs: 0, sm: 280 } }} />];

/** Staff (with their role) or customer. */
function KindChip({ user }: { user: UserRecord }) {
  return user.staffRole ? <StaffRoleChip role={user.staffRole} /> : <SoftChip label="Customer" colour="#0e7490" />;
}

function UserCard({ user }: { user: UserRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <PersonCell person={user} showEmail />
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignItems: 'center', mt: 0.75 }}>
        <KindChip user={user} />
        <UserStatusChip deactivatedAt={user.deactivatedAt} />
        <Typography variant="body2" color="text.secondary" component="span">
          joined {formatDate(user.createdAt)}
        </Typography>
      </Box>
    </Box>
  );
}

/** Every account, customers and staff; oldest first; name and join date sort on the server. */
export function UserList() {
  return (
    <>
      <AdminPageHeading title="Users" subtitle="Every account, customers and staff: who can sign in, and where they belong." />
      <List sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} filters={userFilters} exporter={false} title="Users" sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<UserRecord>
          empty="No users match this search."
          card={(u) => <UserCard user={u} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="name" label="User" render={(u: UserRecord) => <PersonCell person={u} showEmail />} />
              <DataTable.Col source="staffRole" label="Kind" disableSort render={(u: UserRecord) => <KindChip user={u} />} />
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
          }
        />
      </List>
    </>
  );
}
