import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, readable } from '../../permissions/rules';
import { apiKeyAccess } from './api-key.access';

export const apiKeyPermissions: ModulePermissions = {
  Query: {
    apiKeys: readable(apiKeyAccess),
  },
  Mutation: {
    // Tenant only: a key acts for a member; staff have no tenant to give it.
    createApiKey: can('apikey:manage'),
    revokeApiKey: canOrStaff('apikey:manage', 'platform:integration:manage'),
  },
};
