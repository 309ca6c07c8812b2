import type { ModulePermissions } from '../../permissions/types';
import { canOrStaff } from '../../permissions/rules';

export const auditPermissions: ModulePermissions = {
  Query: { auditLogs: canOrStaff('audit:read', 'platform:audit:read') },
};
