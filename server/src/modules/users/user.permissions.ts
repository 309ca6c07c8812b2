import type { ModulePermissions } from '../../permissions/types';
import { staffCan } from '../../permissions/rules';

export const userPermissions: ModulePermissions = {
  Query: {
    users: staffCan('platform:user:read'),
    userSessions: staffCan('platform:user:read'),
  },
  Mutation: {
    deactivateUser: staffCan('platform:user:manage'),
    reactivateUser: staffCan('platform:user:manage'),
    revokeUserSessions: staffCan('platform:user:manage'),
  },
};
