/** The permissions that open the Activity area: either one is enough. */
export const ACTIVITY_PERMISSIONS = ['audit:read', 'event:read'] as const;

export type ActivityTab = 'audit' | 'events';

/** What each tab needs. */
export const ACTIVITY_TAB_PERMISSION: Record<ActivityTab, string> = {
  audit: 'audit:read',
  events: 'event:read',
};
