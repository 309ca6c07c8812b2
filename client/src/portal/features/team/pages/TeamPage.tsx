import ExitToApp from '@mui/icons-material/ExitToApp';
import PersonAdd from '@mui/icons-material/PersonAddAlt1Outlined';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../../../../shared/errors';
import { formatDateTime, initialsOf } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { urls } from '../../../urls';
import type { LoginNotice } from '../../auth/components/AuthShell';
import { InviteMemberDialog } from '../components/InviteMemberDialog';
import { PendingInvitations } from '../components/PendingInvitations';
import { useLeaveTenant, useRemoveMember, useTeamMembers } from '../hooks/useTeam';

type SortField = 'joined';
const SORT_FIELDS: readonly SortField[] = ['joined'];
const DEFAULT_SORT = { field: 'joined', direction: 'asc' } as const;
const NO_FILTERS: readonly never[] = [];

interface MemberRow {
  id: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
  role: { id: string; name: string };
}

/**
 * The tenant's people: everyone with member:read sees the members; member:manage adds invite,
 * pending invitations (resend, revoke) and remove. Anyone may leave (the last owner cannot).
 */
export function TeamPage() {
  const session = useSession();
  const navigate = useNavigate();
  const me = session.me;
  const canManage = session.can('member:manage');
  const params = useListParams<SortField, never>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: NO_FILTERS });
  const members = useTeamMembers({ ...params.page, orderBy: { field: 'CREATED_AT', direction: params.sort.direction === 'asc' ? 'ASC' : 'DESC' } });
  const [remove, removing] = useRemoveMember();
  const [leave, leaving] = useLeaveTenant();
  const [inviteOpen, setInviteOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<MemberRow | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);

  const myUserId = me?.user.id;
  const columns = useMemo<Column<MemberRow, SortField>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        render: (m) => (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <Avatar sx={{ width: 32, height: 32, fontSize: '0.8rem', bgcolor: 'primary.main' }}>{initialsOf(m.user.name)}</Avatar>
            <Typography sx={{ fontWeight: 600 }}>{m.user.name}</Typography>
            {m.user.id === myUserId && <Chip size="small" label="You" variant="outlined" color="primary" />}
          </Stack>
        ),
      },
      { id: 'email', header: 'Email', render: (m) => m.user.email, hideBelow: 'sm' },
      { id: 'role', header: 'Role', render: (m) => <Chip size="small" label={m.role.name} sx={{ textTransform: 'capitalize', bgcolor: '#eef2ff', color: '#3730a3' }} /> },
      { id: 'joined', header: 'Joined', sortField: 'joined', render: (m) => formatDateTime(m.createdAt), hideBelow: 'md' },
      ...(canManage
        ? [
            {
              id: 'actions',
              header: '',
              align: 'right' as const,
              render: (m: MemberRow) =>
                m.user.id === myUserId ? null : (
                  <Button
                    size="small"
                    color="error"
                    variant="outlined"
                    onClick={() => {
                      setRemoveError(null);
                      setToRemove(m);
                    }}
                    aria-label={`Remove ${m.user.name}`}
                  >
                    Remove
                  </Button>
                ),
            },
          ]
        : []),
    ],
    [canManage, myUserId],
  );

  if (!me?.tenant) return null;
  const tenant = me.tenant;

  const onRemove = async () => {
    if (!toRemove) return;
    setRemoveError(null);
    try {
      await remove({ variables: { membershipId: toRemove.id } });
      setNotice(`${toRemove.user.name} was removed from ${tenant.name} and signed out of it.`);
      setToRemove(null);
    } catch (err) {
      setRemoveError(messageOf(err instanceof Error ? err : null));
    }
  };

  const onLeave = async () => {
    setLeaveError(null);
    try {
      await leave();
    } catch (err) {
      setLeaveError(messageOf(err instanceof Error ? err : null));
      return;
    }
    setSwitching(true);
    const other = me.memberships.find((m) => m.tenant.id !== tenant.id);
    if (other) {
      try {
        await session.switchTenant(other.tenant.id);
        await navigate(urls.home());
        return;
      } catch {
        // The session may have ended with the membership: sign in again below.
      }
    }
    await session.logout();
    const state: LoginNotice = { notice: `You have left ${tenant.name}.` };
    await navigate(urls.login(), { state });
  };

  const rows = members.data?.memberships.nodes;

  return (
    <Box sx={{ maxWidth: 1100 }}>
      <PageHeader
        title="Team"
        subtitle={`The people of ${tenant.name} and what they may do.`}
        actions={
          canManage && (
            <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setInviteOpen(true)}>
              Invite member
            </Button>
          )
        }
      />
      <Stack spacing={3}>
        {notice && (
          <Alert severity="success" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <DataTable<MemberRow, SortField>
          label="Members"
          columns={columns}
          rows={rows}
          rowKey={(m) => m.id}
          loading={members.loading}
          error={members.error}
          onRetry={() => void members.refetch()}
          params={params}
          pageInfo={members.data?.memberships.pageInfo}
          totalCount={members.data?.memberships.totalCount}
          empty={{ title: 'No members yet', description: canManage ? 'Invite your colleagues to work here together.' : undefined }}
          skeletonRows={4}
        />
        {canManage && <PendingInvitations />}
        <Paper variant="outlined" sx={{ p: 3, borderRadius: 3, display: 'flex', gap: 2, alignItems: { sm: 'center' }, flexDirection: { xs: 'column', sm: 'row' } }} component="section" aria-labelledby="leave-heading">
          <Box sx={{ flex: 1 }}>
            <Typography id="leave-heading" variant="h4">
              Leave {tenant.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              You lose access to its tickets and data at once. To come back, someone has to invite you again.
            </Typography>
          </Box>
          <Button
            color="error"
            variant="outlined"
            startIcon={<ExitToApp />}
            onClick={() => {
              setLeaveError(null);
              setLeaveOpen(true);
            }}
          >
            Leave organisation
          </Button>
        </Paper>
      </Stack>

      {canManage && (
        <InviteMemberDialog
          open={inviteOpen}
          onClose={() => setInviteOpen(false)}
          onInvited={(email) => {
            setInviteOpen(false);
            setNotice(`Invitation sent to ${email}.`);
          }}
        />
      )}
      <ConfirmDialog
        open={toRemove !== null}
        title={`Remove ${toRemove?.user.name ?? 'this member'}?`}
        confirmLabel="Remove member"
        pendingLabel="Removing…"
        destructive
        pending={removing.loading}
        error={removeError}
        onConfirm={() => void onRemove()}
        onClose={() => setToRemove(null)}
      >
        <strong>{toRemove?.user.email}</strong> loses access to {tenant.name} and is signed out of it at once. Their tickets and comments stay.
      </ConfirmDialog>
      <ConfirmDialog
        open={leaveOpen}
        title={`Leave ${tenant.name}?`}
        confirmLabel="Leave organisation"
        pendingLabel="Leaving…"
        destructive
        pending={leaving.loading || switching}
        error={leaveError}
        onConfirm={() => void onLeave()}
        onClose={() => setLeaveOpen(false)}
      >
        You will no longer see {tenant.name}’s tickets or data.{' '}
        {me.memberships.length > 1 ? 'You will be switched to your other organisation.' : 'You will be signed out, as you belong to no other organisation.'}
      </ConfirmDialog>
    </Box>
  );
}
