import { defineAccess } from '../../permissions/access';
import type { AuditLog } from './audit-log.entity';

/** The audit log: members with audit:read see their tenant's entries; staff with platform:audit:read see all. */
export const auditLogAccess = defineAccess<AuditLog>({ type: 'AuditLog', tenant: 'audit:read', platform: 'platform:audit:read' });
