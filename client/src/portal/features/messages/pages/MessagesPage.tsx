import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink } from 'react-router';
import { graphql } from '../../../../gql';
import type { MessageChannel, MessageListQuery, MessageStatus, SortDirection } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { CommitField } from '../../activity/components/CommitField';
import { DateRangeFields, dayBound } from '../../activity/components/dateRange';
import { StatusChip } from '../../developers/components/StatusChip';
import { CorrelationLink } from '../../trace/components/CorrelationLink';

const MESSAGE_LIST_QUERY = graphql(`
  query MessageList($first: Int, $after: String, $last: Int, $before: String, $filter: MessageFilter, $orderBy: MessageOrder) {
    messages(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        channel
        sender
        subject
        status
        error
        receivedAt
        correlationId
        ticket {
          id
          number
          subject
        }
        run {
          id
          status
          tool {
            id
            name
          }
        }
      }
    }
  }
`);

type MessageRow = MessageListQuery['messages']['nodes'][number];
type SortField = 'receivedAt';
type FilterKey = 'status' | 'channel' | 'from' | 'to' | 'correlationId';
const SORT_FIELDS: readonly SortField[] = ['receivedAt'];
const DEFAULT_SORT = { field: 'receivedAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly FilterKey[] = ['status', 'channel', 'from', 'to', 'correlationId'];

const STATUSES: Record<MessageStatus, { label: string; tone: 'green' | 'amber' | 'red' | 'grey' | 'blue' }> = {
  PROCESSED: { label: 'Processed', tone: 'green' },
  RECEIVED: { label: 'Received', tone: 'blue' },
  IGNORED: { label: 'Ignored', tone: 'grey' },
  FAILED: { label: 'Failed', tone: 'red' },
};
const CHANNELS: Record<MessageChannel, string> = { EMAIL: 'Email', API: 'API', WEBHOOK: 'Webhook' };
const isStatus = (s: string): s is MessageStatus => s in STATUSES;
const isChannel = (s: string): s is MessageChannel => s in CHANNELS;

/** What the message led to: the ticket it opened (linked), the run it started, or why nothing. */
function Outcome({ m }: { m: MessageRow }) {
  if (m.ticket) {
    return (
      <Link component={RouterLink} to={urls.ticket(m.ticket.id)} onClick={(e) => e.stopPropagation()} variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
        Ticket #{m.ticket.number}: {m.ticket.subject}
      </Link>
    );
  }
  if (m.run) {
    return (
      <Link component={RouterLink} to={urls.run(m.run.id)} onClick={(e) => e.stopPropagation()} variant="body2" sx={{ wordBreak: 'break-word' }}>
        Run of <strong>{m.run.tool.name}</strong> · {m.run.status.toLowerCase()}
      </Link>
    );
  }
  if (m.error) {
    return (
      <Typography variant="body2" color="error.main" sx={{ wordBreak: 'break-word' }}>
        {m.error}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary">
      Nothing
    </Typography>
  );
}

/** Inbound messages (message:read): who sent what through which channel, and what it led to. */
export function MessagesPage() {
  const params = useListParams<SortField, FilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const f = params.filters;
  const one = (k: FilterKey) => f[k][0] ?? '';
  const status = f.status.filter(isStatus);
  const channel = f.channel.filter(isChannel);
  const filter = {
    ...(status.length ? { status } : {}),
    ...(channel.length ? { channel } : {}),
    ...(one('correlationId') ? { correlationId: one('correlationId') } : {}),
    ...(dayBound(one('from'), false) ? { from: dayBound(one('from'), false) } : {}),
    ...(dayBound(one('to'), true) ? { to: dayBound(one('to'), true) } : {}),
  };
  const { data, previousData, loading, error, refetch } = useQuery(MESSAGE_LIST_QUERY, {
    variables: { ...params.page, filter, orderBy: { field: 'RECEIVED_AT', direction: params.sort.direction.toUpperCase() as SortDirection } },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.messages;
  const set = (k: FilterKey) => (v: string) => params.setFilter(k, v ? [v] : []);

  const columns: Column<MessageRow, SortField>[] = [
    {
      id: 'received',
      header: 'Received',
      sortField: 'receivedAt',
      width: 130,
      hideBelow: 'sm',
      render: (m) => (
        <Tooltip title={formatDateTime(m.receivedAt)}>
          <Typography variant="body2" color="text.secondary">
            {timeAgo(m.receivedAt)}
          </Typography>
        </Tooltip>
      ),
    },
    {
      id: 'message',
      header: 'Message',
      render: (m) => (
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600, fontSize: '0.92rem', wordBreak: 'break-word' }}>{m.subject ?? '(no subject)'}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
            {CHANNELS[m.channel]} from {m.sender}
            <Box component="span" sx={{ display: { sm: 'none' } }}>
              {' · '}
              {timeAgo(m.receivedAt)}
            </Box>
          </Typography>
          <Box sx={{ display: { md: 'none' }, mt: 0.5 }}>
            <Outcome m={m} />
          </Box>
        </Box>
      ),
    },
    { id: 'status', header: 'Status', width: 120, render: (m) => <StatusChip label={STATUSES[m.status].label} tone={STATUSES[m.status].tone} /> },
    { id: 'outcome', header: 'Outcome', hideBelow: 'md', render: (m) => <Outcome m={m} /> },
    { id: 'request', header: 'Request', hideBelow: 'lg', width: 170, render: (m) => <CorrelationLink id={m.correlationId} short /> },
  ];

  const toolbar = (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' } }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="filter-message-status">
          Status
        </Typography>
        <ToggleButtonGroup size="small" value={status} onChange={(_e, v: string[]) => params.setFilter('status', v)} aria-labelledby="filter-message-status" sx={{ overflowX: 'auto' }}>
          {(Object.keys(STATUSES) as MessageStatus[]).map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.1, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {STATUSES[s].label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <TextField select size="small" label="Channel" value={channel[0] ?? ''} onChange={(e) => set('channel')(e.target.value)} sx={{ minWidth: 150 }}>
        <MenuItem value="">Any channel</MenuItem>
        {(Object.keys(CHANNELS) as MessageChannel[]).map((c) => (
          <MenuItem key={c} value={c}>
            {CHANNELS[c]}
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
      <PageHeader title="Messages" subtitle="Email, API and webhook messages your organisation received, and the ticket or run each one led to." />
      <DataTable<MessageRow, SortField>
        label="Inbound messages"
        columns={columns}
        rows={connection?.nodes}
        rowKey={(m) => m.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        toolbar={toolbar}
        empty={
          params.hasFilters
            ? { title: 'No messages match these filters', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : { title: 'No messages yet', description: 'Messages sent to your organisation by email, API or webhook show here with the ticket or run they led to.' }
        }
      />
    </>
  );
}
