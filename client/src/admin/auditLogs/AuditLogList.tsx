import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { auditLogFilterOf, auditLogOrderOf, type AuditLogRecord } from '../providers/auditLogs.provider';
import { CorrelationLink } from '../ui/CorrelationLink';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { STAFF_ROLE_LABEL } from '../ui/chips';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonAvatar, PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { ActionChip } from './ActionChip';
import { AuditLogFilterSidebar, auditLogFilters } from './AuditLogFilters';
import { changeLine } from './changes';
import { TargetCell } from './TargetCell';

function AuditLogListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton list="audit-logs" filterOf={auditLogFilterOf} orderOf={auditLogOrderOf} />
    </TopToolbar>
  );
}

/** The actor's name, and under it their email, or their staff role for staff. */
function ActorCell({ entry }: { entry: AuditLogRecord }) {
  const actor = entry.actor;
  if (!actor) return <PersonCell person={null} nobody="System" />;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, minWidth: 0 }}>
      <PersonAvatar person={actor} size={30} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.25 }} noWrap>
          {actor.name}
        </Typography>
        <Typography variant="caption" component="div" noWrap sx={{ color: actor.staffRole ? '#6d28d9' : 'text.secondary', fontWeight: actor.staffRole ? 600 : 400 }}>
          {actor.staffRole ? `Staff · ${STAFF_ROLE_LABEL[actor.staffRole]}` : actor.email}
        </Typography>
      </Box>
    </Box>
  );
}

/** The audit trail, newest first (time is the one sortable column). Read-only. */
export function AuditLogList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      filters={auditLogFilters}
      actions={<AuditLogListActions />}
      aside={<AuditLogFilterSidebar />}
      exporter={false}
      title="Audit log"
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col
          source="createdAt"
          label="When"
          sortByOrder="DESC"
          render={(r: AuditLogRecord) => (
            <Box>
              <Typography variant="body2" noWrap>
                {formatDateTime(r.createdAt)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {formatRelative(r.createdAt)}
              </Typography>
            </Box>
          )}
        />
        <DataTable.Col source="action" label="Action" disableSort render={(r: AuditLogRecord) => <ActionChip action={r.action} />} />
        <DataTable.Col source="actorId" label="Actor" disableSort render={(r: AuditLogRecord) => <ActorCell entry={r} />} />
        <DataTable.Col source="targetId" label="Target" disableSort render={(r: AuditLogRecord) => <TargetCell entry={r} />} />
        <DataTable.Col source="tenantId" label="Tenant" disableSort render={(r: AuditLogRecord) => <TenantBadge tenant={r.tenant} />} />
        <DataTable.Col
          source="diff"
          label="Change"
          disableSort
          render={(r: AuditLogRecord) => (
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
              {changeLine(r.diff) || '—'}
            </Typography>
          )}
        />
        <DataTable.Col
          source="correlationId"
          label="Request"
          disableSort
          render={(r: AuditLogRecord) => <CorrelationLink id={r.correlationId} short />}
        />
      </DataTable>
    </List>
  );
}
