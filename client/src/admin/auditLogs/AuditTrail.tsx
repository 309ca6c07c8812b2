import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ReferenceManyField, useListContext } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { AuditLogRecord } from '../providers/auditLogs.provider';
import { RESOURCES } from '../resource-names';
import { SectionTitle } from '../ui/DetailList';
import { formatDateTime, formatRelative, humanizeAction } from '../ui/format';
import { PersonAvatar } from '../ui/People';
import { RecordLink, useFilteredListPath } from '../ui/RecordLink';
import { changeLine } from './changes';

function TrailItems({ empty, hideStaffReads, limit }: { empty: string; hideStaffReads: boolean; limit: number }) {
  const { data: page, isPending } = useListContext<AuditLogRecord>();
  // Staff reads of a tenant are audited too (platform.access); beside a tenant's changes they are noise.
  const data = (hideStaffReads ? page?.filter((e) => e.action !== 'platform.access') : page)?.slice(0, limit);
  if (isPending) {
    return (
      <Box aria-label="Loading the history">
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Box>
    );
  }
  if (!data?.length) {
    return (
      <Typography color="text.secondary" variant="body2">
        {empty}
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, position: 'relative', '&::before': { content: '""', position: 'absolute', left: 13, top: 8, bottom: 8, width: 2, bgcolor: 'divider' } }}>
      {data.map((entry) => (
        <Box component="li" key={entry.id} sx={{ display: 'flex', gap: 1.5, py: 1, position: 'relative' }}>
          {entry.actor ? (
            <PersonAvatar person={entry.actor} size={28} />
          ) : (
            <Box sx={{ width: 28, height: 28, borderRadius: '50%', bgcolor: '#e2e8f0', flexShrink: 0 }} />
          )}
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2">
              <strong>{entry.actor?.name ?? 'System'}</strong>{' '}
              <RecordLink resource={RESOURCES.auditLogs} id={entry.id}>
                {humanizeAction(entry.action).toLowerCase()}
              </RecordLink>
            </Typography>
            {changeLine(entry.diff) && (
              <Typography variant="caption" color="text.secondary" component="div" sx={{ wordBreak: 'break-word' }}>
                {changeLine(entry.diff)}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="div" title={formatDateTime(entry.createdAt)}>
              {formatRelative(entry.createdAt)}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

interface AuditTrailProps {
  /** How entries relate to the record: it is their target (default), actor or tenant. */
  target?: 'targetId' | 'actorId' | 'tenantId';
  perPage?: number;
  empty?: string;
  /** Leave out staff reads (platform.access) from the page read; the full log still has them. */
  hideStaffReads?: boolean;
}

/** The audit entries about one record (its global id is the entries' target), newest first. */
export function AuditTrail({ target = 'targetId', perPage = 10, empty = 'No recorded changes yet.', hideStaffReads = false }: AuditTrailProps) {
  return (
    <ReferenceManyField reference={RESOURCES.auditLogs} target={target} perPage={hideStaffReads ? Math.max(perPage * 4, 25) : perPage} sort={{ field: 'createdAt', order: 'DESC' }}>
      <TrailItems empty={empty} hideStaffReads={hideStaffReads} limit={perPage} />
    </ReferenceManyField>
  );
}

/** A show page's "History" card: the audit entries about the record it shows (AuditTrail). */
export function HistoryCard({ empty }: { empty?: string }) {
  return (
    <Card>
      <CardContent>
        <SectionTitle>
          <HistoryOutlined fontSize="small" color="action" /> History
        </SectionTitle>
        <AuditTrail empty={empty} />
      </CardContent>
    </Card>
  );
}

/**
 * A show page's card of the latest audit entries for the record (as tenant or as actor), without
 * staff reads, with a link to the full, filtered log.
 */
export function AuditTrailCard({ title, target, id, empty }: { title: string; target: 'tenantId' | 'actorId'; id: string; empty: string }) {
  const listPath = useFilteredListPath();
  return (
    <Card>
      <CardContent>
        <SectionTitle
          action={
            <Button component={RouterLink} to={listPath(RESOURCES.auditLogs, { [target]: id })} size="small">
              Full log
            </Button>
          }
        >
          <HistoryOutlined fontSize="small" color="action" /> {title}
        </SectionTitle>
        <AuditTrail target={target} perPage={8} hideStaffReads empty={empty} />
      </CardContent>
    </Card>
  );
}
