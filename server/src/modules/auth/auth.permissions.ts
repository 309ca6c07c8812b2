import { sessionAccess } from './auth.access';
import type { ModulePermissions } from '../../permissions/types';
import { isAuthenticated, isPublic, readable } from '../../permissions/rules';

export const authPermissions: ModulePermissions = {
  Query: { mySessions: readable(sessionAccess) },
  Mutation: {
    login: isPublic,
    refreshSession: isPublic,
    logout: isAuthenticated,
    switchTenant: isAuthenticated,
    revokeSession: isAuthenticated,
    changePassword: isAuthenticated,
    requestPasswordReset: isPublic,
    resetPassword: isPublic,
    // Two-factor sign-in: the caller's own account.
    beginTotpEnrollment: isAuthenticated,
    confirmTotpEnrollment: isAuthenticated,
    disableTotp: isAuthenticated,
  },
};
