import { defineModule, nodeType } from '../../common/module';
import { AuditLog } from './audit-log.entity';
import { AuditResolver } from './audit.resolver';
import { auditPermissions } from './audit.permissions';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditLog],
  tenantScoped: [AuditLog],
  resolvers: [AuditResolver],
  permissions: auditPermissions,
  nodeTypes: {
    AuditLog: nodeType(AuditLog, ['audit:read', 'platform:audit:read']),
  },
});
