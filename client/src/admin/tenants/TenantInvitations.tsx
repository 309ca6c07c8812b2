import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { InvitationRecord } from '../providers/invitations';
import type { TenantRecord } from '../providers/tenants.provider';
import { RESOURCES } from '../resource-names';
import { InvitationStatusChip } from '../ui/chips';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatDate, formatDateTime, formatRelative } from '../ui/format';
import { SectionEmpty, SectionError, SectionLoading } from '../ui/SectionState';

/** Read by screen readers, not shown (sx numbers up to 1 are percentages, hence the strings). */
const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const roleLabel = (name: string) => (name ? name[0]?.toUpperCase() + name.slice(1) : name);

/** When the link stops working (pending), or what became of it. */
function Expiry({ invitation }: { invitation: InvitationRecord }) {
  const when = invitation.status === 'ACCEPTED' ? invitation.acceptedAt : invitation.expiresAt;
  const label = invitation.status === 'ACCEPTED' ? 'Accepted' : invitation.status === 'PENDING' ? 'Expires' : invitation.status === 'EXPIRED' ? 'Expired' : 'Would have expired';
  return (
    <Tooltip title={formatDateTime(when)}>
      <Typography variant="body2" color={invitation.status === 'PENDING' ? 'text.primary' : 'text.secondary'} sx={{ whiteSpace: 'nowrap' }}>
        {label} {formatRelative(when)}
      </Typography>
    </Tooltip>
  );
}

function ResendButton({ invitation, onDone }: { invitation: InvitationRecord; onDone: () => void }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const [sending, setSending] = useState(false);
  const resend = async () => {
    setSending(true);
    try {
      const { data } = await dataProvider.resendInvitation(RESOURCES.tenants, { id: invitation.id });
      notify(`Invitation mailed again to ${data.email}`, { type: 'success' });
      onDone();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'Something went wrong.', { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Button size="small" variant="outlined" disabled={sending} onClick={() => void resend()} aria-label={`Resend the invitation to ${invitation.email}`}>
      {sending ? 'Sending…' : 'Resend'}
    </Button>
  );
}

/** What the API still lets staff do with an invitation: mail it again or revoke it, until it is accepted or revoked. */
const isOpen = (invitation: InvitationRecord) => invitation.status === 'PENDING' || invitation.status === 'EXPIRED';

/**
 * A tenant's invitations, newest first: who was invited with which role, by whom, and until when.
 * A pending or expired one can be mailed again (a new link, valid 7 more days) or revoked, by
 * staff with the permission for it (platform:member:manage).
 */
export function TenantInvitations({ tenant }: { tenant: TenantRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const queryClient = useQueryClient();
  const { canAccess: canResend } = useCanAccess({ resource: RESOURCES.tenants, action: 'resendInvitation' });
  const { canAccess: canRevoke } = useCanAccess({ resource: RESOURCES.tenants, action: 'revokeInvitation' });
  const queryKey = [RESOURCES.tenants, 'invitationsOfTenant', tenant.id];
  const { data, error, isPending, refetch } = useQuery({
    queryKey,
    queryFn: ({ signal }) => dataProvider.invitationsOfTenant(RESOURCES.tenants, { tenantId: tenant.id, signal }),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey });

  if (isPending) return <SectionLoading label="invitations" />;
  if (error) return <SectionError error={error} onRetry={() => void refetch()} />;
  if (data.data.length === 0) return <SectionEmpty>No invitations yet.</SectionEmpty>;
  const offersActions = canResend || canRevoke;
  return (
    // Relative: the visually hidden header text is placed inside the scrolling box, never beside the page.
    <Box sx={{ overflowX: 'auto', position: 'relative' }}>
      <Table size="small" aria-label="Invitations">
        <TableHead>
          <TableRow>
            <TableCell>Invitee</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Expiry</TableCell>
            {offersActions && (
              <TableCell align="right">
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.data.map((invitation) => (
            <TableRow key={invitation.id}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {invitation.email}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  Invited by {invitation.invitedBy?.name ?? 'a deleted account'} · {formatDate(invitation.createdAt)}
                </Typography>
              </TableCell>
              <TableCell>{roleLabel(invitation.role.name)}</TableCell>
              <TableCell>
                <InvitationStatusChip status={invitation.status} />
              </TableCell>
              <TableCell>
                <Expiry invitation={invitation} />
              </TableCell>
              {offersActions && (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {isOpen(invitation) && (
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      {canResend && <ResendButton invitation={invitation} onDone={reload} />}
                      {canRevoke && (
                        <ConfirmButton
                          label="Revoke"
                          size="small"
                          color="error"
                          aria-label={`Revoke the invitation to ${invitation.email}`}
                          title={`Revoke the invitation to ${invitation.email}?`}
                          content={`The link mailed to ${invitation.email} stops working at once. You can invite them again later.`}
                          confirmLabel="Revoke invitation"
                          action={async () => {
                            await dataProvider.revokeInvitation(RESOURCES.tenants, { id: invitation.id });
                            return `Invitation to ${invitation.email} revoked.`;
                          }}
                          onDone={reload}
                        />
                      )}
                    </Stack>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.total > data.data.length && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          The newest {data.data.length} of {data.total} invitations.
        </Typography>
      )}
    </Box>
  );
}
