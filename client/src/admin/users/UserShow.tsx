import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
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
import { AuditTrailCard } from '../auditLogs/AuditTrail';
import { RoleChip } from '../memberships/RoleChip';
import type { MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import type { UserRecord } from '../providers/users.provider';
import { SoftChip, StaffRoleChip, UserStatusChip } from '../ui/chips';
import { DetailList, mono, SectionTitle } from '../ui/DetailList';
import { formatDate, formatDateTime } from '../ui/format';
import { PersonAvatar } from '../ui/People';
import { RecordLink, useFilteredListPath } from '../ui/RecordLink';
import { TenantBadge } from '../ui/TenantBadge';
import { UserSessions, UserStatusActions } from './UserAccess';

function UserTitle() {
  const user = useRecordContext<UserRecord>();
  return <span>{user?.name ?? 'User'}</span>;
}

function UserShowLayout() {
  const user = useRecordContext<UserRecord>();
  const listPath = useFilteredListPath();
  const { canAccess: canReadAudit } = useCanAccess({ resource: RESOURCES.auditLogs, action: 'list' });
  const { canAccess: canReadTickets } = useCanAccess({ resource: RESOURCES.tickets, action: 'list' });
  if (!user) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 0.5 }}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Stack spacing={2}>
          <Card>
            <CardContent sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
              <PersonAvatar person={user} size={56} />
              <Box sx={{ flex: 1, minWidth: 200 }}>
                <Typography variant="h2" component="h1">
                  {user.name}
                </Typography>
                <Typography color="text.secondary">{user.email}</Typography>
              </Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <UserStatusChip deactivatedAt={user.deactivatedAt} />
                {user.staffRole ? <StaffRoleChip role={user.staffRole} /> : <SoftChip label="Customer" colour="#0e7490" />}
              </Stack>
              <UserStatusActions user={user} />
            </CardContent>
            {user.deactivatedAt && (
              <Alert severity="warning" sx={{ borderRadius: 0 }}>
                Deactivated since {formatDateTime(user.deactivatedAt)}: {user.name} cannot sign in.
              </Alert>
            )}
          </Card>
          {!user.staffRole && (
            <Card>
              <CardContent>
                <SectionTitle>
                  <BadgeOutlined fontSize="small" color="action" /> Memberships
                </SectionTitle>
                <ReferenceManyField reference={RESOURCES.memberships} target="userId" perPage={25} sort={{ field: 'createdAt', order: 'ASC' }}>
                  <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography color="text.secondary">Not a member of any tenant.</Typography>}>
                    <DataTable.Col source="tenantId" label="Tenant" disableSort render={(m: MembershipRecord) => <TenantBadge tenant={m.tenant} showSlug />} />
                    <DataTable.Col source="roleId" label="Role" disableSort render={(m: MembershipRecord) => <RoleChip role={m.role} />} />
                    <DataTable.Col source="createdAt" label="Since" disableSort render={(m: MembershipRecord) => formatDate(m.createdAt)} />
                    <DataTable.Col
                      label=""
                      disableSort
                      render={(m: MembershipRecord) => (
                        <RecordLink resource={RESOURCES.memberships} id={m.id} type="edit" hideWhenDenied>
                          Change role
                        </RecordLink>
                      )}
                    />
                  </DataTable>
                </ReferenceManyField>
              </CardContent>
            </Card>
          )}
          <Card>
            <CardContent>
              <SectionTitle>
                <DevicesOutlined fontSize="small" color="action" /> Sessions
              </SectionTitle>
              <UserSessions user={user} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <SectionTitle>Account</SectionTitle>
              <DetailList
                items={[
                  { label: 'Status', value: user.deactivatedAt ? `Deactivated since ${formatDateTime(user.deactivatedAt)}` : 'Active' },
                  { label: 'Two-factor sign-in', value: user.twoFactorEnabled ? <SoftChip label="On" colour="#15803d" /> : <SoftChip label="Off" colour="#64748b" /> },
                  { label: 'Joined', value: formatDateTime(user.createdAt) },
                  { label: 'Last change', value: formatDateTime(user.updatedAt) },
                  { label: 'User id', value: <Box component="span" sx={{ ...mono, color: 'text.secondary', wordBreak: 'break-all' }}>{user.id}</Box> },
                ]}
              />
              {canReadTickets && (
                <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                  <Button component={RouterLink} to={listPath(RESOURCES.tickets, { assigneeId: user.id })} size="small" variant="outlined">
                    Tickets assigned
                  </Button>
                  <Button component={RouterLink} to={listPath(RESOURCES.tickets, { requesterId: user.id })} size="small" variant="outlined">
                    Tickets raised
                  </Button>
                </Stack>
              )}
            </CardContent>
          </Card>
        </Stack>
      </Grid>
      {canReadAudit && (
        <Grid size={{ xs: 12, lg: 4 }}>
          <AuditTrailCard title="Their recent actions" target="actorId" id={user.id} empty="No recorded actions." />
        </Grid>
      )}
    </Grid>
  );
}

export function UserShow() {
  return (
    <Show
      title={<UserTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All users" />
        </TopToolbar>
      }
    >
      <UserShowLayout />
    </Show>
  );
}
