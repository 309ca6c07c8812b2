import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { EditButton, ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { MembershipRecord } from '../providers/memberships.provider';
import { MembershipHeading, MembershipSummary, MembershipTitle } from './MembershipEdit';

function Permissions() {
  const m = useRecordContext<MembershipRecord>();
  if (!m) return null;
  return (
    <Card sx={{ maxWidth: 720 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          What the {m.role.name} role allows
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {m.role.permissions.length ? m.role.permissions.join(' · ') : 'No permissions.'}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** For staff who may read memberships but not change them. */
export function MembershipShow() {
  return (
    <Show
      title={<MembershipTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="All memberships" />
          <EditButton label="Change role" />
        </TopToolbar>
      }
    >
      <MembershipHeading />
      <MembershipSummary />
      <Permissions />
    </Show>
  );
}
