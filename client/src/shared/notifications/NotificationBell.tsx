import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { NotificationList } from './NotificationList';
import { useNotificationsLive, useUnreadNotificationCount } from './useNotifications';

export interface NotificationBellProps {
  /** Opens a notification's link (a portal path, or an /admin/ path for staff). */
  onOpen: (url: string) => void;
  /** When given, a "See all" link at the bottom of the list. */
  onSeeAll?: () => void;
  /** The count is fetched again whenever this changes (pass the route, so navigating refreshes it). */
  refreshKey?: string;
}

/**
 * A bell with the unread count; it opens the latest notifications, where one or all can be marked
 * read. The count is fetched on mount, on each change of `refreshKey` and when the window regains
 * focus (useNotificationsLive, where the live subscription plugs in), never on an interval.
 */
export function NotificationBell({ onOpen, onSeeAll, refreshKey }: NotificationBellProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useUnreadNotificationCount(refreshKey);
  useNotificationsLive(true);
  const count = data?.unreadNotificationCount ?? 0;
  // The name holds what the badge shows ("99+" past 99), so the visible text is part of it.
  const label = count ? `Notifications, ${count > 99 ? '99+' : count} unread` : 'Notifications';
  const close = () => setAnchor(null);

  return (
    <>
      <Tooltip title="Notifications">
        <IconButton aria-label={label} aria-haspopup="dialog" aria-expanded={Boolean(anchor)} onClick={(e) => setAnchor(e.currentTarget)} sx={{ color: 'text.secondary' }}>
          <Badge badgeContent={count > 0 ? count : undefined} max={99} color="error" data-testid="notification-badge" slotProps={{ badge: { 'aria-hidden': true } }}>
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Notifications', sx: { width: 380, maxWidth: 'calc(100vw - 16px)', maxHeight: 'min(560px, calc(100vh - 80px))', mt: 1 } } }}
      >
        {anchor && (
          <NotificationList
            first={10}
            heading="Notifications"
            onOpen={(url) => {
              close();
              onOpen(url);
            }}
            footer={
              onSeeAll && (
                <Box sx={{ p: 1, textAlign: 'center' }}>
                  <Button
                    size="small"
                    onClick={() => {
                      close();
                      onSeeAll();
                    }}
                  >
                    See all notifications
                  </Button>
                </Box>
              )
            }
          />
        )}
      </Popover>
    </>
  );
}
