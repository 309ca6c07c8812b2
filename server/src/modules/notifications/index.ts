import { defineModule, nodeType } from '../../common/module';
import { notificationAccess } from './notification.access';
import { Notification, NotificationSetting } from './notification.entity';
import { notificationPermissions } from './notification.permissions';
import { NotificationResolver } from './notification.resolver';

/**
 * Notifications: one row per recipient, written by `notify()` (notify.ts) inside the transaction
 * of the change that causes it; the inbox (list, unread count, mark read), per-kind preferences,
 * and the batched mail (notification.mailer.ts, started by app.ts).
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  entities: [Notification, NotificationSetting],
  resolvers: [NotificationResolver],
  permissions: notificationPermissions,
  nodeTypes: {
    Notification: nodeType(Notification, notificationAccess),
  },
});
