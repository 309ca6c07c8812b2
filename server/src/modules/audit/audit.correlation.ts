import { correlationSource } from '../../common/correlation-source';
import { auditLogAccess } from './audit.access';
import { AuditLog } from './audit-log.entity';

/** Audit entries sharing a correlation id, as the caller may read them. */
export const auditCorrelationItems = correlationSource({
  kind: 'AUDIT',
  entity: AuditLog,
  access: auditLogAccess,
  at: 'createdAt',
  title: (a) => (a.targetType ? `${a.action} (${a.targetType})` : a.action),
});
