/**
 * The back office's resources as they appear in URLs (/admin/<resource>). Pages link to each
 * other through these names; the resources themselves are listed in resources.ts. Kept apart
 * from that list so that a page can name another resource without importing every page.
 */
export const RESOURCES = {
  tickets: 'tickets',
  auditLogs: 'audit-logs',
  tenants: 'tenants',
  users: 'users',
  memberships: 'memberships',
  featureFlags: 'feature-flags',
  apiKeys: 'api-keys',
  webhookEndpoints: 'webhook-endpoints',
  webhookDeliveries: 'webhook-deliveries',
  kycCases: 'kyc-cases',
  incidents: 'incidents',
  runs: 'runs',
  messages: 'messages',
  tools: 'tools',
  entitlements: 'entitlements',
  systemEvents: 'system-events',
} as const;
export type ResourceName = (typeof RESOURCES)[keyof typeof RESOURCES];
