import MailOutline from '@mui/icons-material/MailOutline';
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
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { ErrorState } from '../../../../shared/ui/StateViews';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { usePendingInvitations, useResendInvitation, useRevokeInvitation } from '../hooks/useTeam';

/** Invitations waiting for an answer, with resend (a new link, 7 more days) and revoke. */
export function PendingInvitations() {
  const invitations = usePendingInvitations(false);
  const [resend, resending] = useResendInvitation();
  const [revoke, revoking] = useRevokeInvitation();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [toRevoke, setToRevoke] = useState<{ id: string; email: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const onResend = async (id: string, email: string) => {
    setNotice(null);
    setBusyId(id);
    try {
      await resend({ variables: { id } });
      setNotice({ severity: 'success', text: `A new invitation link was sent to ${email}.` });
    } catch (err) {
      setNotice({ severity: 'error', text: messageOf(err instanceof Error ? err : null) });
    } finally {
      setBusyId(null);
    }
  };

  const onRevoke = async () => {
    if (!toRevoke) return;
    setRevokeError(null);
    try {
      await revoke({ variables: { id: toRevoke.id } });
      setNotice({ severity: 'success', text: `The invitation for ${toRevoke.email} was revoked; its link no longer works.` });
      setToRevoke(null);
    } catch (err) {
      setRevokeError(messageOf(err instanceof Error ? err : null));
    }
  };

  const nodes = invitations.data?.invitations.nodes;

  return (
    <Paper variant="outlined" sx={{ borderRadius: 3 }} component="section" aria-labelledby="invitations-heading">
      <Box sx={{ px: 3, pt: 2.5, pb: 1 }}>
        <Typography id="invitations-heading" variant="h4">
          Pending invitations
        </Typography>
        <Typography variant="body2" color="text.secondary">
          People invited who have not joined yet. Links work for 7 days; resending sends a new one.
        </Typography>
      </Box>
      {notice && (
        <Alert severity={notice.severity} sx={{ mx: 3, my: 1 }} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {invitations.error && !invitations.data ? (
        <ErrorState message={messageOf(invitations.error)} onRetry={() => void invitations.refetch()} />
      ) : !nodes ? (
        <Box sx={{ px: 3, pb: 3 }}>
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Box>
      ) : nodes.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 3, pb: 3, pt: 1 }} role="status">
          No pending invitations.
        </Typography>
      ) : (
        <List aria-label="Pending invitations">
          {nodes.map((inv, i) => (
            <ListItem
              key={inv.id}
              divider={i < nodes.length - 1}
              sx={{ px: 3, pr: { xs: 3, sm: 30 } }}
              secondaryAction={
                <Stack direction="row" spacing={1}>
                  <Button size="small" variant="outlined" disabled={busyId === inv.id || resending.loading} onClick={() => void onResend(inv.id, inv.email)} aria-label={`Resend invitation to ${inv.email}`}>
                    {busyId === inv.id ? 'Sending…' : 'Resend'}
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    variant="outlined"
                    disabled={revoking.loading}
                    onClick={() => {
                      setRevokeError(null);
                      setToRevoke({ id: inv.id, email: inv.email });
                    }}
                    aria-label={`Revoke invitation to ${inv.email}`}
                  >
                    Revoke
                  </Button>
                </Stack>
              }
            >
              <ListItemAvatar>
                <Avatar sx={{ bgcolor: '#eef2ff', color: 'primary.main' }}>
                  <MailOutline />
                </Avatar>
              </ListItemAvatar>
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span>{inv.email}</span>
                    <Chip size="small" label={inv.role.name} sx={{ textTransform: 'capitalize' }} />
                  </Stack>
                }
                secondary={
                  <>
                    {inv.invitedBy ? `Invited by ${inv.invitedBy.name} ` : 'Invited '}
                    {timeAgo(inv.createdAt)} ·{' '}
                    <Tooltip title={formatDateTime(inv.expiresAt)}>
                      <span>expires {timeAgo(inv.expiresAt)}</span>
                    </Tooltip>
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        pendingLabel="Revoking…"
        destructive
        pending={revoking.loading}
        error={revokeError}
        onConfirm={() => void onRevoke()}
        onClose={() => setToRevoke(null)}
      >
        The link sent to <strong>{toRevoke?.email}</strong> will stop working. You can invite them again later.
      </ConfirmDialog>
    </Paper>
  );
}
