import Add from '@mui/icons-material/Add';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Business from '@mui/icons-material/BusinessOutlined';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Flag from '@mui/icons-material/FlagOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Shield from '@mui/icons-material/ShieldOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';

/** Permissions in words a customer understands. */
const PERMISSION_LABEL: Record<string, string> = {
  'ticket:read': 'View tickets',
  'ticket:write': 'Raise and update tickets',
  'ticket:assign': 'Assign tickets',
  'ticket:comment': 'Comment on tickets',
  'member:read': 'See members',
  'member:manage': 'Manage members',
  'role:manage': 'Manage roles',
  'tenant:manage': 'Manage the organisation’s security settings',
  'audit:read': 'Read the audit trail',
  'session:read': 'See sign-in sessions',
  'event:read': 'See system events',
  'incident:read': 'Follow incidents',
  'correlation:read': 'Trace a request end to end',
  'dashboard:use': 'Use the dashboard',
  'dashboard:manage': 'Arrange dashboard widgets',
  'kyc:read': 'See identity checks (KYC)',
  'kyc:write': 'Prepare identity checks (KYC)',
  'tool:read': 'See the tools catalog',
  'tool:manage': 'Configure tool panels',
  'run:read': 'See automation runs',
  'run:write': 'Start automation runs',
  'message:read': 'See inbound messages',
  'message:write': 'Send inbound messages',
};

function greeting(hour = new Date().getHours()): string {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

function InfoCard({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent sx={{ p: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, mb: 2 }}>
          <Box sx={{ width: 36, height: 36, borderRadius: 2, bgcolor: '#eef2ff', color: 'primary.main', display: 'grid', placeItems: 'center' }}>{icon}</Box>
          <Typography variant="overline" color="text.secondary">
            {title}
          </Typography>
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/** Tenant, role and flags for now; widgets come with the domain. */
export function DashboardPage() {
  const session = useSession();
  const me = session.me;
  if (!me) return null;
  const firstName = me.user.name.split(' ')[0] ?? me.user.name;
  const canWrite = session.can('ticket:write');
  const canRead = session.can('ticket:read');

  return (
    <Box>
      <Box
        sx={{
          borderRadius: 4,
          p: { xs: 3, md: 4 },
          mb: 3,
          color: '#fff',
          background: 'radial-gradient(800px 300px at 0% 0%, #6366f1 0%, transparent 60%), linear-gradient(135deg, #3730a3 0%, #1e1b4b 100%)',
          display: 'flex',
          flexDirection: { xs: 'column', md: 'row' },
          alignItems: { md: 'center' },
          gap: 2,
        }}
      >
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" sx={{ color: '#fff' }}>
            {greeting()}, {firstName}
          </Typography>
          <Typography sx={{ color: 'rgba(255,255,255,.8)', mt: 0.5 }}>
            You are signed in to <strong>{me.tenant?.name}</strong> as <strong>{me.role}</strong>.
          </Typography>
        </Box>
        <Stack direction="row" spacing={1.5}>
          {canWrite && (
            <Button component={RouterLink} to={urls.ticketNew()} variant="contained" startIcon={<Add />} sx={{ bgcolor: '#fff', color: 'primary.dark', '&:hover': { bgcolor: '#eef2ff' } }}>
              New ticket
            </Button>
          )}
          {canRead && (
            <Button component={RouterLink} to={urls.tickets({ status: ['OPEN', 'PENDING'] })} variant="outlined" endIcon={<ArrowForward />} sx={{ color: '#fff', borderColor: 'rgba(255,255,255,.5)' }}>
              Open tickets
            </Button>
          )}
        </Stack>
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 2.5 }}>
        <InfoCard icon={<Business fontSize="small" />} title="Organisation">
          <Typography variant="h3" component="h2">
            {me.tenant?.name}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            Workspace <code>{me.tenant?.slug}</code>
          </Typography>
          {me.memberships.length > 1 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              You belong to {me.memberships.length} organisations; switch from the top bar.
            </Typography>
          )}
        </InfoCard>
        <InfoCard icon={<Shield fontSize="small" />} title="Your role">
          <Typography variant="h3" component="h2" sx={{ textTransform: 'capitalize' }}>
            {me.role}
          </Typography>
          <Stack spacing={0.75} sx={{ mt: 1.5 }} component="ul" aria-label="What your role allows" style={{ padding: 0, margin: 0, listStyle: 'none' }}>
            {me.permissions.map((p) => (
              <Box component="li" key={p} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <CheckCircle sx={{ fontSize: 16, color: 'success.main' }} />
                <Typography variant="body2">{PERMISSION_LABEL[p] ?? p}</Typography>
              </Box>
            ))}
          </Stack>
        </InfoCard>
        <InfoCard icon={<Flag fontSize="small" />} title="Features">
          <Stack spacing={1} component="ul" aria-label="Features" style={{ padding: 0, margin: 0, listStyle: 'none' }}>
            {me.featureFlags.map((f) => (
              <Box component="li" key={f.key} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                {f.enabled ? <CheckCircle sx={{ fontSize: 16, color: 'primary.main' }} /> : <RadioButtonUnchecked sx={{ fontSize: 16, color: 'text.disabled' }} />}
                <Typography variant="body2" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '0.8rem', color: f.enabled ? 'text.primary' : 'text.secondary' }}>
                  {f.key}
                </Typography>
                <Typography variant="body2" color={f.enabled ? 'primary.main' : 'text.disabled'} sx={{ ml: 'auto', fontWeight: 600 }}>
                  {f.enabled ? 'On' : 'Off'}
                </Typography>
              </Box>
            ))}
          </Stack>
        </InfoCard>
      </Box>
    </Box>
  );
}
