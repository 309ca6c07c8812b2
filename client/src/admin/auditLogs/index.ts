import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { defineAdminResource } from '../admin-resource';
import { type AuditLogRecord, createAuditLogsProvider } from '../providers/auditLogs.provider';
import { RESOURCES } from '../resource-names';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

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
