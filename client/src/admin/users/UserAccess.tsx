import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useGetIdentity } from 'react-admin';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { UserRecord } from '../providers/users.provider';
import { RESOURCES } from '../resource-names';
import { ConfirmButton } from '../ui/ConfirmButton';
import { mono } from '../ui/DetailList';
import { describeUserAgent } from '../../shared/format';
import { formatDateTime, formatRelative } from '../ui/format';
import { SectionEmpty, SectionError, SectionLoading } from '../ui/SectionState';

/** Re-reads everything about users (the record, its sessions, the list) after a change. */
function useReloadUsers(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [RESOURCES.users] });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether the signed-in staff member may change this user's access at all: staff accounts are
 * changed by a superadmin only (the API answers anyone else FORBIDDEN, SUPERADMIN_REQUIRED).
 */
function useMayChangeAccessOf(user: UserRecord): boolean {
  const { identity } = useGetIdentity();
  return user.staffRole === null || identity?.staffRole === 'SUPERADMIN';
}

/**
 * Deactivate (an active user) or reactivate (a deactivated one), each after a confirmation, for
 * staff with platform:user:manage (a superadmin, for a staff account); staff never deactivate
 * themselves. Nothing for others.
 */
export function UserStatusActions({ user }: { user: UserRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useReloadUsers();
  const { identity } = useGetIdentity();
  const mayChange = useMayChangeAccessOf(user);
  const { canAccess: canDeactivate } = useCanAccess({ resource: RESOURCES.users, action: 'deactivate' });
  const { canAccess: canReactivate } = useCanAccess({ resource: RESOURCES.users, action: 'reactivate' });
  if (!mayChange) return null;
  if (user.deactivatedAt) {
    if (!canReactivate) return null;
    return (
      <ConfirmButton
        label="Reactivate"
        variant="contained"
        destructive={false}
        title={`Reactivate ${user.name}?`}
        content={`${user.name} can sign in again with their password. Their memberships are as they were.`}
        confirmLabel="Reactivate"
        action={async () => {
          const { data } = await dataProvider.reactivateUser(RESOURCES.users, { id: user.id });
          return `${data.name} is active again and can sign in.`;
        }}
        onDone={reload}
      />
    );
  }
  if (!canDeactivate || identity?.id === user.id) return null;
  return (
    <ConfirmButton
      label="Deactivate"
      variant="outlined"
      color="error"
      title={`Deactivate ${user.name}?`}
      content={`${user.name} is signed out everywhere at once and cannot sign in until reactivated. Their data and memberships stay.`}
      confirmLabel="Deactivate"
      action={async () => {
        const { data } = await dataProvider.deactivateUser(RESOURCES.users, { id: user.id });
        return `${data.name} is deactivated and signed out everywhere.`;
      }}
      onDone={reload}
    />
  );
}

/**
 * The user's active sessions, newest first (browser or device, IP, when it started and was last
 * used), and, for staff with platform:user:manage (a superadmin, for a staff account), ending
 * them all after a confirmation.
 */
export function UserSessions({ user }: { user: UserRecord }) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const reload = useReloadUsers();
  const { canAccess } = useCanAccess({ resource: RESOURCES.users, action: 'revokeSessions' });
  const canRevoke = useMayChangeAccessOf(user) && canAccess;
  const { data, error, isPending, refetch } = useQuery({
    queryKey: [RESOURCES.users, 'sessionsOfUser', user.id],
    queryFn: ({ signal }) => dataProvider.sessionsOfUser(RESOURCES.users, { userId: user.id, signal }),
  });
  if (isPending) return <SectionLoading label="sessions" rows={2} />;
  if (error) return <SectionError error={error} onRetry={() => void refetch()} />;
  return (
    <Box>
      {data.data.length === 0 ? (
        <SectionEmpty>{user.deactivatedAt ? 'No sessions: a deactivated account cannot sign in.' : 'Not signed in anywhere.'}</SectionEmpty>
      ) : (
        <List dense disablePadding aria-label="Active sessions">
          {data.data.map((s) => (
            <ListItem key={s.id} divider disableGutters sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 2, alignItems: 'center' }}>
              <Box sx={{ minWidth: 0 }}>
                <Tooltip title={s.userAgent ?? 'The browser sent no user agent'}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                    {describeUserAgent(s.userAgent)}
                  </Typography>
                </Tooltip>
                <Typography variant="caption" color="text.secondary" component="div">
                  <Box component="span" sx={mono}>
                    {s.ip ?? 'IP unknown'}
                  </Box>
                  {' · signed in '}
                  {formatDateTime(s.createdAt)}
                </Typography>
              </Box>
              <Tooltip title={formatDateTime(s.lastUsedAt)}>
                <Typography variant="caption" color="text.secondary">
                  Last used {formatRelative(s.lastUsedAt)}
                </Typography>
              </Tooltip>
            </ListItem>
          ))}
        </List>
      )}
      {data.total > data.data.length && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          The newest {data.data.length} of {data.total} sessions.
        </Typography>
      )}
      {canRevoke && data.total > 0 && (
        <Box sx={{ mt: 2 }}>
          <ConfirmButton
            label="Revoke all sessions"
            variant="outlined"
            color="error"
            size="small"
            title={`Revoke all sessions of ${user.name}?`}
            content={`${user.name} is signed out of ${plural(data.total, 'session', 'sessions')} at once and must sign in again. Their account stays active.`}
            confirmLabel="Revoke all"
            action={async () => {
              const { data: result } = await dataProvider.revokeUserSessions(RESOURCES.users, { userId: user.id });
              return `Revoked ${plural(result.revoked, 'session', 'sessions')} of ${user.name}.`;
            }}
            onDone={reload}
          />
        </Box>
      )}
    </Box>
  );
}
