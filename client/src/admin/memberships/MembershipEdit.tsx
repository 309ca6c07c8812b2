import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Edit, ListButton, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import type { MembershipRecord } from '../providers/memberships.provider';
import { formatDate } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { useSavedNotice } from '../ui/useSavedNotice';
import { MembershipInputs } from './MembershipInputs';
import { RoleChip } from './RoleChip';

export function MembershipTitle() {
  const m = useRecordContext<MembershipRecord>();
  return <span>{m ? `${m.user.name} at ${m.tenant.name}` : 'Membership'}</span>;
}

/** The page's heading: whose membership, where ("Edit" on the form). */
export function MembershipHeading({ editing = false }: { editing?: boolean }) {
  const m = useRecordContext<MembershipRecord>();
  const who = m ? `${m.user.name} at ${m.tenant.name}` : 'Membership';
  return <AdminPageHeading title={editing ? `Change the role of ${who}` : who} subtitle={editing ? undefined : 'Membership'} />;
}

export function MembershipSummary() {
  const m = useRecordContext<MembershipRecord>();
  if (!m) return null;
  return (
    <Card variant="outlined" sx={{ mb: 3, width: '100%', maxWidth: 720, bgcolor: '#f8fafc' }}>
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
        <PersonCell person={m.user} showEmail />
        <TenantBadge tenant={m.tenant} showSlug />
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary">
            Current role
          </Typography>
          <Box>
            <RoleChip role={m.role} />
          </Box>
        </Stack>
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary">
            Member since
          </Typography>
          <Typography variant="body2">{formatDate(m.createdAt)}</Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Change a member's role. The server refuses removing a tenant's last owner (shown as a notification). */
export function MembershipEdit() {
  const saved = useSavedNotice<MembershipRecord>((m) => `${m.user.name} is now ${m.role.name} at ${m.tenant.name}.`, 'list');
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={saved}
      title={<MembershipTitle />}
      actions={
        <TopToolbar>
          <ListButton label="All memberships" />
        </TopToolbar>
      }
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Change role" />
          </Toolbar>
        }
      >
        <MembershipHeading editing />
        <MembershipSummary />
        <MembershipInputs />
        <Alert severity="info" variant="outlined" sx={{ maxWidth: 720 }}>
          The member gets the new role's permissions on their next request. The change is recorded in the audit log.
        </Alert>
      </SimpleForm>
    </Edit>
  );
}
