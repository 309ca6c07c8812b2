import type { AdminResource } from './admin-resource';
import { auditLogs } from './auditLogs';
import { featureFlags } from './featureFlags';
import { incidents } from './incidents';
import { apiKeys, webhookDeliveries, webhookEndpoints } from './integrations';
import { kycCases } from './kyc';
import { memberships } from './memberships';
import { messages } from './messages';
import { runs } from './runs';
import { tenants } from './tenants';
import { tickets } from './tickets';
import { users } from './users';
import { entitlements, tools } from './tools';
import { systemEvents } from './systemEvents';

/**
 * The back office's resources, one line each. AdminApp renders a <Resource> for each, the data
 * provider dispatches to their providers and the access map is made of their `access`: adding a
 * resource is its folder (with an index.ts descriptor) and one line here.
 */
export const ADMIN_RESOURCES: readonly AdminResource[] = [
  tickets,
  tenants,
  users,
  memberships,
  featureFlags,
  auditLogs,
  apiKeys,
  webhookEndpoints,
  webhookDeliveries,
  kycCases,
  incidents,
  runs,
  messages,
  tools,
  entitlements,
  systemEvents,
];
