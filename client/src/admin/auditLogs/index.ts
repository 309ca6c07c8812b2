import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

/** The audit trail: read-only list and entry pages. */
export const auditLogs: ResourceProps = {
  name: RESOURCES.auditLogs,
  list: AuditLogList,
  show: AuditLogShow,
  icon: ReceiptLongOutlined,
  recordRepresentation: 'action',
  options: { label: 'Audit log' },
};
