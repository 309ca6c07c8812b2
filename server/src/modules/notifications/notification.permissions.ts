import type { ModulePermissions } from '../../permissions/types';
import { isAuthenticated, readable } from '../../permissions/rules';
import { notificationAccess } from './notification.access';

/**
 * Every signed-in person, their own inbox and preferences only (the services scope every read and
 * write to the caller). Closed to API keys (permissions/api-key-gate.ts): an inbox is a person's.
 */
export const notificationPermissions: ModulePermissions = {
  Query: {
    notifications: readable(notificationAccess),
    unreadNotificationCount: readable(notificationAccess),
    notificationPreferences: isAuthenticated,
  },
  Mutation: {
    markNotificationRead: readable(notificationAccess),
    markAllNotificationsRead: readable(notificationAccess),
    updateNotificationPreference: isAuthenticated,
  },
};
