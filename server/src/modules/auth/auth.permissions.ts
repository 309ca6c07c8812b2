import type { ModulePermissions } from '../../permissions/types';
import { isAuthenticated, isPublic } from '../../permissions/rules';

export const authPermissions: ModulePermissions = {
  Query: { mySessions: isAuthenticated },
  Mutation: {
    login: isPublic,
    refreshSession: isPublic,
    logout: isAuthenticated,
    switchTenant: isAuthenticated,
    revokeSession: isAuthenticated,
  },
};
