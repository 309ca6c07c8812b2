import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useNavigate, useSearchParams } from 'react-router';
import { NotificationList } from '../../../../shared/notifications';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { openNotificationUrl } from '../openNotificationUrl';

/** Everything you were notified of (the latest 100), or only what is unread; each opens its page. */
export function NotificationsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unread = params.get('show') === 'unread';
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="Replies, assignments, failed runs, KYC decisions and incidents that concern you."
        actions={
          <ToggleButtonGroup
            size="small"
            exclusive
            value={unread ? 'unread' : 'all'}
            onChange={(_e, value: string | null) => {
              if (value) setParams(value === 'unread' ? { show: 'unread' } : {});
            }}
            aria-label="Which notifications"
          >
            <ToggleButton value="all">All</ToggleButton>
            <ToggleButton value="unread">Unread</ToggleButton>
          </ToggleButtonGroup>
        }
      />
      <Paper variant="outlined" sx={{ borderRadius: 3, overflow: 'hidden' }}>
        <NotificationList first={100} unreadOnly={unread} onOpen={(url) => openNotificationUrl(url, (to) => void navigate(to))} />
      </Paper>
    </>
  );
}
