import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { auditLogFilterOf, auditLogOrderOf, type AuditLogRecord } from '../providers/auditLogs.provider';
import { CorrelationLink } from '../ui/CorrelationLink';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { STAFF_ROLE_LABEL } from '../ui/chips';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonAvatar, PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
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

function AuditLogCard({ entry }: { entry: AuditLogRecord }) {
  const change = changeLine(entry.diff);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ fontWeight: 600, minWidth: 0 }} noWrap>
          {entry.actor?.name ?? 'System'}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} title={formatDateTime(entry.createdAt)}>
          {formatRelative(entry.createdAt)}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', my: 0.5, minWidth: 0 }}>
        <ActionChip action={entry.action} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {entry.tenant?.name ?? 'Platform'}
        {entry.targetType ? ` · ${entry.targetType}` : ''}
        {change ? ` · ${change}` : ''}
      </Typography>
    </Box>
  );
}

/** The audit trail, newest first (time is the one sortable column). Read-only. */
export function AuditLogList() {
  return (
    <>
      <AdminPageHeading title="Audit log" subtitle="Who did what, where and when: every change and sign-in, newest first." />
      <List
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        filters={auditLogFilters}
        actions={<AuditLogListActions />}
        aside={<AuditLogFilterSidebar />}
        exporter={false}
        title="Audit log"
        sx={PHONE_SAFE_LIST_SX}
      >
        <ResponsiveRows<AuditLogRecord>
          empty="No audit entries match these filters."
          card={(r) => <AuditLogCard entry={r} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col
                source="createdAt"
                label="When"
                sortByOrder="DESC"
                render={(r: AuditLogRecord) => (
                  <Box>
                    <Typography variant="body2" noWrap>
                      <RowLink id={r.id}>{formatDateTime(r.createdAt)}</RowLink>
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
              <DataTable.Col source="correlationId" label="Request" disableSort render={(r: AuditLogRecord) => <CorrelationLink id={r.correlationId} short />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
