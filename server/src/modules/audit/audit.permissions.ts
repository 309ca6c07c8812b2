import { auditLogAccess } from './audit.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable } from '../../permissions/rules';

export const auditPermissions: ModulePermissions = {
  Query: { auditLogs: readable(auditLogAccess) },
};
