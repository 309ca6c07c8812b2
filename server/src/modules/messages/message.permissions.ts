import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff } from '../../permissions/rules';

export const messagePermissions: ModulePermissions = {
  Query: {
    messages: canOrStaff('message:read', 'platform:message:read'),
    message: canOrStaff('message:read', 'platform:message:read'),
  },
  Mutation: {
    ingestMessage: can('message:write'),
  },
};
