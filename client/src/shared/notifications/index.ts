export { NotificationBell } from './NotificationBell';
export { NotificationList } from './NotificationList';
export { NOTIFICATION_KIND_LABEL } from './labels';
export { NOTIFICATION_QUERIES, refetchNotifications, useNotificationsLive, useUnreadNotificationCount } from './useNotifications';
