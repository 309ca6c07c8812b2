import type { ModulePermissions } from '../../permissions/types';
import { canOrStaff } from '../../permissions/rules';

export const eventPermissions: ModulePermissions = {
  Query: {
    systemEvents: canOrStaff('event:read', 'platform:event:read'),
    systemEvent: canOrStaff('event:read', 'platform:event:read'),
  },
};
