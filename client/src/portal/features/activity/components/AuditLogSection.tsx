import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { graphql } from '../../../../gql';
import type { AuditLogListQuery, SortDirection } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { MONO } from '../../developers/components/CopyableText';
import { CorrelationLink } from '../../trace/components/CorrelationLink';
import { ChangeDiff } from './ChangeDiff';
import { CommitField } from './CommitField';
import { DateRangeFields, dayBound } from './dateRange';

const AUDIT_LOG_QUERY = graphql(`
  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {
    auditLogs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        action
        actorKind
        actor {
          id
          name
        }
        apiKey {
          id
          name
        }
        targetType
        targetId
        diff
        correlationId
        ip
        createdAt
      }
    }
  }
`);

/** Who may appear as an actor: the tenant's members (needs member:read). */
const AUDIT_ACTORS_QUERY = graphql(`
  query AuditActors {
    memberships(first: 100) {
      nodes {
        id
        user {
          id
          name
        }
      }
    }
  }
`);

type AuditRow = AuditLogListQuery['auditLogs']['nodes'][number];
type SortField = 'createdAt';
type FilterKey = 'actor' | 'action' | 'target' | 'from' | 'to' | 'correlationId';
const SORT_FIELDS: readonly SortField[] = ['createdAt'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly FilterKey[] = ['actor', 'action', 'target', 'from', 'to', 'correlationId'];

/** Areas of the audit trail: the server matches an action prefix ending in ".". */
const ACTION_AREAS: readonly { prefix: string; label: string }[] = [
  { prefix: 'auth.', label: 'Sign-in and passwords' },
  { prefix: 'ticket.', label: 'Tickets' },
  { prefix: 'membership.', label: 'Members' },
  { prefix: 'invitation.', label: 'Invitations' },
  { prefix: 'role.', label: 'Roles' },
  { prefix: 'tenant.', label: 'Organisation settings' },
  { prefix: 'apikey.', label: 'API keys' },
  { prefix: 'webhook.', label: 'Webhooks' },
  { prefix: 'kyc.', label: 'KYC' },
  { prefix: 'dashboard.', label: 'Dashboard' },
  { prefix: 'tool_panel.', label: 'Tool panels' },
  { prefix: 'run.', label: 'Runs' },
  { prefix: 'incident.', label: 'Incidents' },
  { prefix: 'platform.', label: 'Platform staff access' },
];

/** Kinds of target an entry can be about (the target's GraphQL type). */
const TARGET_TYPES: readonly { type: string; label: string }[] = [
  { type: 'Ticket', label: 'Ticket' },
  { type: 'Membership', label: 'Membership' },
  { type: 'User', label: 'Person' },
  { type: 'Session', label: 'Session' },
  { type: 'Role', label: 'Role' },
  { type: 'Invitation', label: 'Invitation' },
  { type: 'Tenant', label: 'Organisation' },
  { type: 'ApiKey', label: 'API key' },
  { type: 'WebhookEndpoint', label: 'Webhook endpoint' },
  { type: 'KycCase', label: 'KYC case' },
  { type: 'KycDocument', label: 'KYC document' },
  { type: 'DashboardWidget', label: 'Dashboard widget' },
  { type: 'ToolPanel', label: 'Tool panel' },
  { type: 'AutomationRun', label: 'Run' },
];

function actorOf(row: AuditRow): string {
  if (row.actorKind === 'API_KEY') return `${row.actor?.name ?? 'Someone'} (API key ${row.apiKey?.name ?? ''})`.replace(' )', ')');
  if (row.actorKind === 'SYSTEM' || !row.actor) return 'Atrium (system)';
  return row.actor.name;
}

/** The target's type, linked to its page where the portal has one. */
function TargetCell({ row }: { row: AuditRow }) {
  if (!row.targetType) return <Typography variant="body2" color="text.secondary">—</Typography>;
  const label = TARGET_TYPES.find((t) => t.type === row.targetType)?.label ?? row.targetType;
  if (row.targetType === 'Ticket' && row.targetId) {
    return (
      <Link component={RouterLink} to={urls.ticket(row.targetId)} onClick={(e) => e.stopPropagation()} variant="body2">
        {label}
      </Link>
    );
  }
  return <Typography variant="body2">{label}</Typography>;
}

/** One entry in full: who, what, when, from where, and the before/after diff. */
function AuditEntryDialog({ row, onClose }: { row: AuditRow | null; onClose: () => void }) {
  return (
    <Dialog open={row !== null} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="audit-entry-title">
      <DialogTitle id="audit-entry-title" sx={{ fontFamily: MONO, fontSize: '1rem', wordBreak: 'break-all' }}>
        {row?.action}
      </DialogTitle>
      {row && (
        <DialogContent>
          <Box component="dl" sx={{ m: 0, mb: 2, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75 }}>
            {(
              [
                ['When', formatDateTime(row.createdAt)],
                ['Who', actorOf(row)],
                ['Target', <TargetCell key="t" row={row} />],
                ['From address', row.ip ?? '—'],
                ['Request', <CorrelationLink key="c" id={row.correlationId} />],
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
            What changed
          </Typography>
          <ChangeDiff diff={row.diff} />
        </DialogContent>
      )}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The tenant's audit trail, newest first: filters in the URL, each entry opens to its diff. */
export function AuditLogSection() {
  const session = useSession();
  const params = useListParams<SortField, FilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const f = params.filters;
  const one = (k: FilterKey) => f[k][0] ?? '';
  const filter = {
    ...(one('actor') ? { actorId: one('actor') } : {}),
    ...(one('action') ? { action: one('action') } : {}),
    ...(one('target') ? { targetType: one('target') } : {}),
    ...(one('correlationId') ? { correlationId: one('correlationId') } : {}),
    ...(dayBound(one('from'), false) ? { from: dayBound(one('from'), false) } : {}),
    ...(dayBound(one('to'), true) ? { to: dayBound(one('to'), true) } : {}),
  };
  const { data, previousData, loading, error, refetch } = useQuery(AUDIT_LOG_QUERY, {
    variables: { ...params.page, filter, orderBy: { field: 'CREATED_AT', direction: params.sort.direction.toUpperCase() as SortDirection } },
    notifyOnNetworkStatusChange: true,
  });
  const actors = useQuery(AUDIT_ACTORS_QUERY, { skip: !session.can('member:read') });
  const [open, setOpen] = useState<AuditRow | null>(null);
  const connection = (data ?? previousData)?.auditLogs;
  const set = (k: FilterKey) => (v: string) => params.setFilter(k, v ? [v] : []);

  const columns: Column<AuditRow, SortField>[] = [
    {
      id: 'when',
      header: 'When',
      sortField: 'createdAt',
      width: 130,
      hideBelow: 'sm',
      render: (r) => (
        <Tooltip title={formatDateTime(r.createdAt)}>
          <Typography variant="body2" color="text.secondary">
            {timeAgo(r.createdAt)}
          </Typography>
        </Tooltip>
      ),
    },
    {
      id: 'action',
      header: 'Action',
      render: (r) => (
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ fontFamily: MONO, fontSize: '0.85rem', fontWeight: 600, overflowWrap: 'anywhere' }}>{r.action}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ display: { md: 'none' } }}>
            {actorOf(r)}
            <Box component="span" sx={{ display: { sm: 'none' } }}>
              {' · '}
              {timeAgo(r.createdAt)}
            </Box>
          </Typography>
        </Box>
      ),
    },
    { id: 'actor', header: 'Who', hideBelow: 'md', render: (r) => <Typography variant="body2">{actorOf(r)}</Typography> },
    { id: 'target', header: 'Target', hideBelow: 'md', width: 140, render: (r) => <TargetCell row={r} /> },
    { id: 'request', header: 'Request', hideBelow: 'lg', width: 170, render: (r) => <CorrelationLink id={r.correlationId} short /> },
    {
      id: 'open',
      header: '',
      align: 'right',
      width: 100,
      render: (r) => (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(r);
          }}
          aria-label={`Changes of ${r.action} ${timeAgo(r.createdAt)}`}
        >
          Changes
        </Button>
      ),
    },
  ];

  const selectSx = { minWidth: 170, flex: { sm: 1 } };
  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' } }}>
      {session.can('member:read') && (
        <TextField select size="small" label="Who" value={one('actor')} onChange={(e) => set('actor')(e.target.value)} sx={selectSx}>
          <MenuItem value="">Anyone</MenuItem>
          {(actors.data?.memberships.nodes ?? []).map((m) => (
            <MenuItem key={m.user.id} value={m.user.id}>
              {m.user.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField select size="small" label="Action" value={one('action')} onChange={(e) => set('action')(e.target.value)} sx={selectSx}>
        <MenuItem value="">Any action</MenuItem>
        {ACTION_AREAS.map((a) => (
          <MenuItem key={a.prefix} value={a.prefix}>
            {a.label}
          </MenuItem>
        ))}
        {one('action') && !ACTION_AREAS.some((a) => a.prefix === one('action')) && <MenuItem value={one('action')}>{one('action')}</MenuItem>}
      </TextField>
      <TextField select size="small" label="Target" value={one('target')} onChange={(e) => set('target')(e.target.value)} sx={selectSx}>
        <MenuItem value="">Anything</MenuItem>
        {TARGET_TYPES.map((t) => (
          <MenuItem key={t.type} value={t.type}>
            {t.label}
          </MenuItem>
        ))}
      </TextField>
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
      <DataTable<AuditRow, SortField>
        label="Audit log"
        columns={columns}
        rows={connection?.nodes}
        rowKey={(r) => r.id}
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
            ? { title: 'No entries match these filters', description: 'Try a wider date range or another action.', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : { title: 'Nothing recorded yet', description: 'Sign-ins, changes to tickets, members, roles, keys and settings are recorded here.' }
        }
      />
      <AuditEntryDialog row={open} onClose={() => setOpen(null)} />
    </>
  );
}
