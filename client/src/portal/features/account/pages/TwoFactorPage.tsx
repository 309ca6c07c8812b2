import Logout from '@mui/icons-material/Logout';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useRef } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useSession } from '../../../../shared/session';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { urls } from '../../../urls';
import { TwoFactorSection } from '../components/TwoFactorSection';

/**
 * Two-factor set-up on its own page: where every portal route sends a member whose organisation
 * requires two-factor and who has not set it up yet. Sign-out stays at hand.
 */
export function TwoFactorPage() {
  const session = useSession();
  const navigate = useNavigate();
  const me = session.me;
  // Whether the user was sent here: once set up, they go on to the portal.
  const forced = useRef(me?.twoFactorEnrollmentRequired ?? false);
  if (!me) return null;

  const onLogout = async () => {
    await session.logout();
    await navigate(urls.login());
  };

  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader
        title="Two-factor sign-in"
        subtitle="A code from your phone at sign-in keeps your account safe even if your password leaks."
        actions={
          me.twoFactorEnrollmentRequired ? (
            <Button variant="outlined" color="inherit" startIcon={<Logout />} onClick={() => void onLogout()}>
              Sign out
            </Button>
          ) : (
            <Button component={RouterLink} to={urls.account()} color="inherit" variant="outlined">
              Back to account
            </Button>
          )
        }
      />
      {me.twoFactorEnrollmentRequired && (
        <Alert severity="warning" sx={{ mb: 3 }}>
          <AlertTitle>Your organisation requires two-factor sign-in</AlertTitle>
          {me.tenant?.name ?? 'Your organisation'} asks every member to sign in with a code from an authenticator app. Set it up below to continue using the portal.
        </Alert>
      )}
      <TwoFactorSection
        onFinished={(enabled) => {
          if (enabled && forced.current) void navigate(urls.home(), { replace: true });
        }}
      />
    </Box>
  );
}
