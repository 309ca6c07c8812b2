import { defineModule, nodeType } from '../../common/module';
import { auditCorrelationItems } from './audit.correlation';
import { auditLogAccess } from './audit.access';
import { AuditLog } from './audit-log.entity';
import { AuditResolver } from './audit.resolver';
import { auditPermissions } from './audit.permissions';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditLog],
  tenantScoped: [AuditLog],
  resolvers: [AuditResolver],
  permissions: auditPermissions,
  correlationSources: [auditCorrelationItems],
  nodeTypes: {
    AuditLog: nodeType(AuditLog, auditLogAccess),
  },
});
