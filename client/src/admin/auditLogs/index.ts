import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { type AuditLogRecord, createAuditLogsProvider } from '../providers/auditLogs.provider';
import { RESOURCES } from '../resource-names';

const AuditLogList = lazyPage(() => import('./AuditLogList'), 'AuditLogList');
const AuditLogShow = lazyPage(() => import('./AuditLogShow'), 'AuditLogShow');

/** The audit trail: read-only list and entry pages. */
export const auditLogs = defineAdminResource<AuditLogRecord>({
  name: RESOURCES.auditLogs,
  label: 'Audit log',
  provider: createAuditLogsProvider,
  access: { list: 'platform:audit:read', show: 'platform:audit:read' },
  list: AuditLogList,
  show: AuditLogShow,
  icon: ReceiptLongOutlined,
  recordRepresentation: 'action',
});
