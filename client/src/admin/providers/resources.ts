/** The back office's resources, as they appear in URLs (/admin/<resource>). */
export const RESOURCES = {
  tickets: 'tickets',
  auditLogs: 'audit-logs',
  tenants: 'tenants',
  users: 'users',
  memberships: 'memberships',
  featureFlags: 'feature-flags',
} as const;
export type ResourceName = (typeof RESOURCES)[keyof typeof RESOURCES];
