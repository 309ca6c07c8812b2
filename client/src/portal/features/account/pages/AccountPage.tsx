import Computer from '@mui/icons-material/ComputerOutlined';
import Logout from '@mui/icons-material/Logout';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemAvatar from '@mui/material/ListItemAvatar';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../../../../shared/errors';
import { describeUserAgent, formatDateTime, initialsOf, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { ChangePasswordSection } from '../components/ChangePasswordSection';
import { NotificationPreferencesSection } from '../components/NotificationPreferencesSection';
import { TenantSecuritySection } from '../components/TenantSecuritySection';
import { TwoFactorSection } from '../components/TwoFactorSection';
import { useMySessions, useRevokeSession } from '../hooks/useSessions';

export function AccountPage() {
  const session = useSession();
  const navigate = useNavigate();
  const sessions = useMySessions();
  const [revoke, revoking] = useRevokeSession();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const me = session.me;
  if (!me) return null;

  const onRevoke = async (id: string) => {
    setRevokeError(null);
    try {
      await revoke({ variables: { id } });
    } catch (err) {
      setRevokeError(messageOf(err instanceof Error ? err : null));
    }
  };
  const onLogout = async () => {
    await session.logout();
    await navigate(urls.login());
  };

  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader
        title="Account"
        subtitle="Your profile, sign-in security, your organisations and where you are signed in."
        actions={
          <Button variant="outlined" color="inherit" startIcon={<Logout />} onClick={() => void onLogout()}>
            Sign out
          </Button>
        }
      />
      <Stack spacing={3}>
        <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }} component="section" aria-label="Profile">
          <Box sx={{ display: 'flex', gap: 2.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <Avatar sx={{ width: 64, height: 64, fontSize: '1.4rem', bgcolor: 'primary.main' }}>{initialsOf(me.user.name)}</Avatar>
            <Box sx={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography variant="h3">{me.user.name}</Typography>
              <Typography color="text.secondary">{me.user.email}</Typography>
            </Box>
            <Chip label={`${me.role.charAt(0).toUpperCase()}${me.role.slice(1)} · ${me.tenant?.name ?? 'no organisation'}`} sx={{ bgcolor: '#eef2ff', color: '#3730a3', maxWidth: '100%' }} />
          </Box>
          {me.memberships.length > 1 && (
            <Box sx={{ mt: 3 }}>
              <Typography variant="overline" color="text.secondary">
                Your organisations
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', gap: 1 }}>
                {me.memberships.map((m) => (
                  <Chip key={m.id} variant={m.tenant.id === me.tenant?.id ? 'filled' : 'outlined'} label={`${m.tenant.name} · ${m.role.name}`} />
                ))}
              </Stack>
            </Box>
          )}
        </Paper>

        <ChangePasswordSection />
        <TwoFactorSection />
        {session.can('tenant:manage') && <TenantSecuritySection />}
        <NotificationPreferencesSection />

        <Paper variant="outlined" sx={{ borderRadius: 3 }} component="section" aria-labelledby="sessions-heading">
          <Box sx={{ px: 3, pt: 2.5, pb: 1 }}>
            <Typography id="sessions-heading" variant="h4">
              Active sessions
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Browsers and devices signed in to your account. Sign out any you do not recognise.
            </Typography>
          </Box>
          {revokeError && (
            <Alert severity="error" sx={{ mx: 3, mb: 1 }}>
              {revokeError}
            </Alert>
          )}
          {sessions.error && !sessions.data ? (
            <ErrorState message={messageOf(sessions.error)} onRetry={() => void sessions.refetch()} />
          ) : !sessions.data ? (
            <Box sx={{ px: 3, pb: 3 }}>
              <Skeleton height={56} />
              <Skeleton height={56} />
            </Box>
          ) : (
            <List aria-label="Active sessions">
              {sessions.data.mySessions.nodes.map((s) => (
                // The action sits in the row's flow (not absolutely placed), so on a phone it wraps below.
                <ListItem key={s.id} divider sx={{ px: 3, flexWrap: 'wrap', columnGap: 1 }}>
                  <ListItemAvatar>
                    <Avatar sx={{ bgcolor: '#f1f5f9', color: 'text.secondary' }}>
                      <Computer />
                    </Avatar>
                  </ListItemAvatar>
                  <ListItemText
                    sx={{ flex: '1 1 200px', minWidth: 0 }}
                    primary={describeUserAgent(s.userAgent)}
                    secondary={`${s.ip ?? 'unknown address'} · signed in ${formatDateTime(s.createdAt)} · last active ${timeAgo(s.lastUsedAt)}`}
                  />
                  <Box sx={{ ml: 'auto' }}>
                    {s.current ? (
                      <Chip size="small" label="This browser" color="primary" variant="outlined" />
                    ) : (
                      <Button size="small" color="error" variant="outlined" disabled={revoking.loading} onClick={() => void onRevoke(s.id)} aria-label={`Sign out ${describeUserAgent(s.userAgent)}`}>
                        Sign out
                      </Button>
                    )}
                  </Box>
                </ListItem>
              ))}
            </List>
          )}
        </Paper>
      </Stack>
    </Box>
  );
}
