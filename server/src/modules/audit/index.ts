import { defineModule } from '../../common/module';
import { AuditLog } from './audit-log.entity';
import { AuditResolver } from './audit.resolver';
import { auditPermissions } from './audit.permissions';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditLog],
  tenantScoped: [AuditLog],
  resolvers: [AuditResolver],
  permissions: auditPermissions,
});
