import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { ErrorState } from '../../../../shared/ui/StateViews';
import { useTenantSecurity, useUpdateTenantSecurity } from '../hooks/useSecurity';

/**
 * For owners (tenant:manage): whether every member must sign in with two-factor. An owner turns
 * it on only with two-factor on for themselves, so the switch never locks them out of the page.
 */
export function TenantSecuritySection() {
  const session = useSession();
  const me = session.me;
  const tenantId = me?.tenant?.id ?? null;
  const security = useTenantSecurity(tenantId, false);
  const [update, updating] = useUpdateTenantSecurity();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!me?.tenant) return null;
  const tenantName = me.tenant.name;
  const required = security.data?.tenant?.requireTwoFactor ?? false;
  const blockedForSelf = !required && !me.twoFactorEnabled;

  const onToggle = async (value: boolean) => {
    setError(null);
    setNotice(null);
    try {
      await update({ variables: { input: { requireTwoFactor: value } } });
      setNotice(value ? `Every member of ${tenantName} must now sign in with two-factor; those without it are asked to set it up first.` : `Two-factor sign-in is now optional in ${tenantName}.`);
      await session.reloadMe();
    } catch (err) {
      setError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }} component="section" aria-labelledby="tenant-security-heading">
      <Typography id="tenant-security-heading" variant="h4">
        Organisation security
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Settings for everyone in {tenantName}. Only owners see this.
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {security.error && !security.data ? (
        <ErrorState message={messageOf(security.error)} onRetry={() => void security.refetch()} />
      ) : !security.data ? (
        <Skeleton height={48} width={360} />
      ) : (
        <>
          <FormControlLabel
            control={<Switch checked={required} disabled={updating.loading || blockedForSelf} onChange={(e) => void onToggle(e.target.checked)} />}
            label="Require two-factor for all members"
          />
          <Typography variant="body2" color="text.secondary" sx={{ ml: 6 }}>
            {blockedForSelf ? 'Set up two-factor sign-in for your own account first (above).' : 'Members without it are asked to set it up before they can do anything else.'}
          </Typography>
        </>
      )}
    </Paper>
  );
}
