import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../../../gql';
import type { EventSeverity, SystemEventListQuery } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { useListParams } from '../../../../shared/ui/useListParams';
import { MONO } from '../../developers/components/CopyableText';
import { StatusChip } from '../../developers/components/StatusChip';
import { CorrelationLink } from '../../trace/components/CorrelationLink';
import { CommitField } from './CommitField';
import { DateRangeFields, dayBound } from './dateRange';

const SYSTEM_EVENTS_QUERY = graphql(`
  query SystemEventList($first: Int, $after: String, $last: Int, $before: String, $filter: SystemEventFilter) {
    systemEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        type
        severity
        source
        occurredAt
        correlationId
        payload
      }
    }
  }
`);

type EventRow = SystemEventListQuery['systemEvents']['nodes'][number];
type SortField = 'occurredAt';
type FilterKey = 'type' | 'severity' | 'from' | 'to' | 'correlationId';
const SORT_FIELDS: readonly SortField[] = ['occurredAt'];
const DEFAULT_SORT = { field: 'occurredAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly FilterKey[] = ['type', 'severity', 'from', 'to', 'correlationId'];

export const SEVERITIES: Record<EventSeverity, { label: string; tone: 'green' | 'amber' | 'red' | 'grey' | 'blue' }> = {
  DEBUG: { label: 'Debug', tone: 'grey' },
  INFO: { label: 'Info', tone: 'blue' },
  WARNING: { label: 'Warning', tone: 'amber' },
  ERROR: { label: 'Error', tone: 'red' },
  CRITICAL: { label: 'Critical', tone: 'red' },
};
const SEVERITY_ORDER: readonly EventSeverity[] = ['CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'];
const isSeverity = (s: string): s is EventSeverity => s in SEVERITIES;

/** One event in full: its details as recorded. */
function EventDialog({ event, onClose }: { event: EventRow | null; onClose: () => void }) {
  return (
    <Dialog open={event !== null} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="event-title">
      <DialogTitle id="event-title" sx={{ fontFamily: MONO, fontSize: '1rem', wordBreak: 'break-all' }}>
        {event?.type}
      </DialogTitle>
      {event && (
        <DialogContent>
          <Box component="dl" sx={{ m: 0, mb: 2, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75 }}>
            {(
              [
                ['When', formatDateTime(event.occurredAt)],
                ['Severity', <StatusChip key="s" label={SEVERITIES[event.severity].label} tone={SEVERITIES[event.severity].tone} />],
                ['Source', event.source],
                ['Request', <CorrelationLink key="c" id={event.correlationId} />],
              ] as const
            ).map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {label}
                </Typography>
                <Box component="dd" sx={{ m: 0, fontSize: '0.9rem' }}>
                  {value}
                </Box>
              </Box>
            ))}
          </Box>
          <Typography variant="h5" component="h3" gutterBottom>
            Details
          </Typography>
          <Box component="pre" sx={{ m: 0, p: 1.5, fontFamily: MONO, fontSize: '0.78rem', bgcolor: '#f8fafc', border: 1, borderColor: 'divider', borderRadius: 1.5, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 280, overflowY: 'auto' }}>
            {JSON.stringify(event.payload, null, 2)}
          </Box>
        </DialogContent>
      )}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Operational events of the tenant, newest first, by type prefix, severity, date and request. */
export function SystemEventsSection() {
  const params = useListParams<SortField, FilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const f = params.filters;
  const one = (k: FilterKey) => f[k][0] ?? '';
  const severities = f.severity.filter(isSeverity);
  const type = one('type');
  const filter = {
    ...(type ? { type } : {}),
    ...(severities.length ? { severities } : {}),
    ...(one('correlationId') ? { correlationId: one('correlationId') } : {}),
    ...(dayBound(one('from'), false) ? { from: dayBound(one('from'), false) } : {}),
    ...(dayBound(one('to'), true) ? { to: dayBound(one('to'), true) } : {}),
  };
  const { data, previousData, loading, error, refetch } = useQuery(SYSTEM_EVENTS_QUERY, { variables: { ...params.page, filter }, notifyOnNetworkStatusChange: true });
  const [open, setOpen] = useState<EventRow | null>(null);
  const connection = (data ?? previousData)?.systemEvents;
  const set = (k: FilterKey) => (v: string) => params.setFilter(k, v ? [v] : []);

  const columns: Column<EventRow, SortField>[] = [
    {
      id: 'when',
      header: 'When',
      width: 130,
      hideBelow: 'sm',
      render: (e) => (
        <Tooltip title={formatDateTime(e.occurredAt)}>
          <Typography variant="body2" color="text.secondary">
            {timeAgo(e.occurredAt)}
          </Typography>
        </Tooltip>
      ),
    },
    {
      id: 'type',
      header: 'Event',
      render: (e) => (
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem', fontWeight: 600, overflowWrap: 'anywhere' }}>{e.type}</Typography>
          <Typography variant="body2" color="text.secondary">
            {e.source}
            <Box component="span" sx={{ display: { sm: 'none' } }}>
              {' · '}
              {timeAgo(e.occurredAt)}
            </Box>
          </Typography>
        </Box>
      ),
    },
    { id: 'severity', header: 'Severity', width: 120, render: (e) => <StatusChip label={SEVERITIES[e.severity].label} tone={SEVERITIES[e.severity].tone} /> },
    { id: 'request', header: 'Request', hideBelow: 'md', width: 170, render: (e) => <CorrelationLink id={e.correlationId} short /> },
    {
      id: 'open',
      header: '',
      align: 'right',
      width: 100,
      hideBelow: 'sm',
      render: (e) => (
        <Button
          size="small"
          onClick={(ev) => {
            ev.stopPropagation();
            setOpen(e);
          }}
          aria-label={`Details of ${e.type} ${timeAgo(e.occurredAt)}`}
        >
          Details
        </Button>
      ),
    },
  ];

  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' } }}>
      <CommitField label="Type" placeholder="run. or run.failed" value={type} onCommit={set('type')} mono />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="filter-severity">
          Severity
        </Typography>
        <ToggleButtonGroup size="small" value={severities} onChange={(_e, v: string[]) => params.setFilter('severity', v)} aria-labelledby="filter-severity" sx={{ overflowX: 'auto' }}>
          {SEVERITY_ORDER.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.1, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {SEVERITIES[s].label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <DateRangeFields from={one('from')} to={one('to')} onChange={(k, v) => set(k)(v)} />
      <CommitField label="Request id" value={one('correlationId')} onCommit={set('correlationId')} mono />
      {params.hasFilters && (
        <Button size="small" onClick={params.clearFilters} sx={{ flexShrink: 0 }}>
          Clear filters
        </Button>
      )}
    </Stack>
  );

  return (
    <>
      <DataTable<EventRow, SortField>
        label="System events"
        columns={columns}
        rows={connection?.nodes}
        rowKey={(e) => e.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={setOpen}
        toolbar={toolbar}
        empty={
          params.hasFilters
            ? { title: 'No events match these filters', description: 'A type ending in "." matches every type that starts with it.', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : { title: 'No events yet', description: 'Runs, inbound messages and other operations record their events here.' }
        }
      />
      <EventDialog event={open} onClose={() => setOpen(null)} />
    </>
  );
}
