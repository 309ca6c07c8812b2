import DoneAll from '@mui/icons-material/DoneAll';
import MarkEmailRead from '@mui/icons-material/MarkEmailReadOutlined';
import NotificationsNone from '@mui/icons-material/NotificationsNone';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { type MouseEvent, type ReactNode, useState } from 'react';
import { messageOf } from '../errors';
import { formatDateTime, timeAgo } from '../format';
import { NOTIFICATION_LIST_QUERY } from './notifications.graphql';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from './useNotifications';

export interface NotificationListProps {
  /** How many to show (at most 100). */
  first: number;
  /** Unread ones only. */
  unreadOnly?: boolean;
  /** Opens a notification's link (after it is marked read). */
  onOpen: (url: string) => void;
  /** Shown under the list (e.g. "See all"). */
  footer?: ReactNode;
  /** Heading level text shown above the list; none when the page already has one. */
  heading?: string;
}

/**
 * Your notifications, newest first, each opening its link (and marked read on the way); mark one
 * or all read. Loading, empty and error states of its own.
 */
export function NotificationList({ first, unreadOnly = false, onOpen, footer, heading }: NotificationListProps) {
  const { data, error, refetch } = useQuery(NOTIFICATION_LIST_QUERY, {
    variables: { first, filter: unreadOnly ? { unread: true } : null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [markRead] = useMarkNotificationRead();
  const [markAll, markingAll] = useMarkAllNotificationsRead();
  const [actionError, setActionError] = useState<string | null>(null);
  const nodes = data?.notifications.nodes ?? [];
  const anyUnread = nodes.some((n) => !n.read);

  const run = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setActionError(messageOf(err instanceof Error ? err : null));
      return false;
    }
  };
  const open = async (n: { id: string; url: string; read: boolean }) => {
    if (!n.read) await run(() => markRead({ variables: { id: n.id } }));
    onOpen(n.url);
  };

  let body: ReactNode;
  if (!data && error) {
    body = (
      <Alert
        severity="error"
        sx={{ m: 2 }}
        action={
          <Button color="inherit" size="small" onClick={() => void refetch().catch(() => undefined)}>
            Retry
          </Button>
        }
      >
        Your notifications could not be loaded. {messageOf(error)}
      </Alert>
    );
  } else if (!data) {
    body = (
      <Box sx={{ px: 2, py: 1 }} aria-busy="true">
        <Typography variant="body2" color="text.secondary" role="status">
          Loading notifications…
        </Typography>
        <Skeleton height={48} />
        <Skeleton height={48} />
      </Box>
    );
  } else if (nodes.length === 0) {
    body = (
      <Box role="status" sx={{ textAlign: 'center', py: 4, px: 2, color: 'text.secondary' }}>
        <NotificationsNone sx={{ fontSize: 36, mb: 1 }} aria-hidden />
        <Typography variant="body2">{unreadOnly ? 'You are all caught up: nothing unread.' : 'No notifications yet. Replies, assignments and other news for you appear here.'}</Typography>
      </Box>
    );
  } else {
    body = (
      <List aria-label="Notifications" disablePadding>
        {nodes.map((n) => (
          <ListItem
            key={n.id}
            disablePadding
            divider
            secondaryAction={
              n.read ? undefined : (
                <Tooltip title="Mark as read">
                  <IconButton edge="end" size="small" aria-label={`Mark as read: ${n.title}`} onClick={() => void run(() => markRead({ variables: { id: n.id } }))}>
                    <MarkEmailRead fontSize="small" />
                  </IconButton>
                </Tooltip>
              )
            }
          >
            <ListItemButton component="a" href={n.url} onClick={(e: MouseEvent) => {
              e.preventDefault();
              void open(n);
            }} sx={{ alignItems: 'flex-start', pr: n.read ? 2 : 6, bgcolor: n.read ? undefined : 'rgba(67, 56, 202, 0.05)' }}>
              <Box aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', mt: 1, mr: 1.5, flexShrink: 0, bgcolor: n.read ? 'transparent' : 'primary.main' }} />
              <ListItemText
                primary={
                  <>
                    {!n.read && <Box component="span" sx={visuallyHidden}>Unread: </Box>}
                    {n.title}
                  </>
                }
                secondary={
                  <>
                    {n.body && (
                      <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {n.body}
                      </Box>
                    )}
                    <Box component="span" title={formatDateTime(n.createdAt)}>
                      {timeAgo(n.createdAt)}
                    </Box>
                  </>
                }
                slotProps={{ primary: { sx: { fontWeight: n.read ? 400 : 650, fontSize: '0.9rem', overflowWrap: 'anywhere' } }, secondary: { component: 'span' } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1 }}>
        {heading && (
          <Typography component="h2" sx={{ fontWeight: 700, flex: 1 }}>
            {heading}
          </Typography>
        )}
        {!heading && <Box sx={{ flex: 1 }} />}
        <Button size="small" startIcon={<DoneAll fontSize="small" />} disabled={!anyUnread || markingAll.loading} onClick={() => void run(() => markAll())}>
          Mark all read
        </Button>
      </Box>
      {actionError && (
        <Alert severity="error" sx={{ mx: 2, mb: 1 }} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      {body}
      {footer}
    </Box>
  );
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
