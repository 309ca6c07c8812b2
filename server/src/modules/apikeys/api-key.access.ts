import { defineAccess } from '../../permissions/access';
import type { ApiKey } from './api-key.entity';

/** API keys: members with apikey:manage see their tenant's; staff with platform:integration:read see every tenant's. */
export const apiKeyAccess = defineAccess<ApiKey>({ type: 'ApiKey', tenant: 'apikey:manage', platform: 'platform:integration:read' });
