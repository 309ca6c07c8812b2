import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AuditLogRecord } from '../providers/auditLogs.provider';
import { RESOURCES } from '../resource-names';
import { mono } from '../ui/DetailList';
import { RecordLink } from '../ui/RecordLink';

/** Which back-office resource shows a target type, when one does. */
const RESOURCE_OF_TYPE: Record<string, string> = {
  Ticket: RESOURCES.tickets,
  Membership: RESOURCES.memberships,
  FeatureFlag: RESOURCES.featureFlags,
  Tenant: RESOURCES.tenants,
  User: RESOURCES.users,
};

/** The entry's target: its type, and its id linking to the record when the back office shows that type. */
export function TargetCell({ entry, full = false }: { entry: AuditLogRecord; full?: boolean }) {
  if (!entry.targetType && !entry.targetId) {
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  const resource = entry.targetType ? RESOURCE_OF_TYPE[entry.targetType] : undefined;
  const id = entry.targetId ?? '';
  const shown = full || id.length <= 14 ? id : `${id.slice(0, 12)}…`;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {entry.targetType ?? 'Target'}
      </Typography>
      <Typography variant="caption" component="div" sx={{ ...mono, fontSize: '0.72rem', color: 'text.secondary', wordBreak: 'break-all' }} title={id}>
        {resource && id ? (
          <RecordLink resource={resource} id={id}>
            {shown}
          </RecordLink>
        ) : (
          shown
        )}
      </Typography>
    </Box>
  );
}
