import Search from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { graphql } from '../../../../gql';
import type { IncidentListQuery, SortDirection } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { type Column, DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { type ListParams, useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { IncidentSeverityChip, IncidentStatusChip } from '../components/IncidentChips';
import { INCIDENT_SEVERITIES, INCIDENT_STATUS_LABEL, INCIDENT_STATUSES, isIncidentSeverity, isIncidentStatus } from '../incidentLabels';

const INCIDENT_LIST_QUERY = graphql(`
  query IncidentList($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter, $orderBy: IncidentOrder) {
    incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        title
        summary
        severity
        status
        createdAt
        updatedAt
      }
    }
  }
`);

type Row = IncidentListQuery['incidents']['nodes'][number];
type SortField = 'createdAt' | 'updatedAt';
type FilterKey = 'status' | 'severity';

const SORT_FIELDS: readonly SortField[] = ['createdAt', 'updatedAt'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly FilterKey[] = ['status', 'severity'];

const columns: readonly Column<Row, SortField>[] = [
  {
    id: 'title',
    header: 'Incident',
    render: (i) => (
      <Box sx={{ minWidth: 0 }}>
        <Link
          component={RouterLink}
          to={urls.incident(i.id)}
          onClick={(e) => e.stopPropagation()}
          color="text.primary"
          underline="hover"
          sx={{ display: 'block', fontWeight: 600, fontSize: '0.92rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: { xs: 'normal', sm: 'nowrap' }, maxWidth: 520 }}
        >
          {i.title}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ display: { xs: 'none', sm: 'block' }, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 520 }}>
          {i.summary}
        </Typography>
      </Box>
    ),
  },
  { id: 'severity', header: 'Severity', render: (i) => <IncidentSeverityChip severity={i.severity} />, width: 140, hideBelow: 'sm' },
  { id: 'status', header: 'Status', render: (i) => <IncidentStatusChip status={i.status} />, width: 130 },
  {
    id: 'createdAt',
    header: 'Opened',
    sortField: 'createdAt',
    hideBelow: 'md',
    width: 140,
    render: (i) => (
      <Tooltip title={formatDateTime(i.createdAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(i.createdAt)}
        </Typography>
      </Tooltip>
    ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    sortField: 'updatedAt',
    hideBelow: 'lg',
    width: 140,
    render: (i) => (
      <Tooltip title={formatDateTime(i.updatedAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(i.updatedAt)}
        </Typography>
      </Tooltip>
    ),
  },
];

function IncidentFilters({ params }: { params: ListParams<SortField, FilterKey> }) {
  const [text, setText] = useState(params.q);
  useEffect(() => setText(params.q), [params.q]);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <Box
        component="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          params.setQuery(text);
        }}
        sx={{ flex: '1 1 220px', maxWidth: 320 }}
      >
        <TextField
          fullWidth
          placeholder="Search title or summary"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text !== params.q && params.setQuery(text)}
          slotProps={{
            htmlInput: { 'aria-label': 'Search incidents' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="incident-filter-status">
          Status
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.status} onChange={(_e, v: string[]) => params.setFilter('status', v)} aria-labelledby="incident-filter-status" sx={{ overflowX: 'auto' }}>
          {INCIDENT_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {INCIDENT_STATUS_LABEL[s]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="incident-filter-severity">
          Severity
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.severity} onChange={(_e, v: string[]) => params.setFilter('severity', v)} aria-labelledby="incident-filter-severity" sx={{ overflowX: 'auto' }}>
          {INCIDENT_SEVERITIES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600 }}>
              {s}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {params.hasFilters && (
        <Button size="small" onClick={params.clearFilters}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}

/** Incidents affecting the tenant, newest first; filters and the page live in the URL. */
export function IncidentListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const params = useListParams<SortField, FilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const status = params.filters.status.filter(isIncidentStatus);
  const severity = params.filters.severity.filter(isIncidentSeverity);
  const { data, previousData, loading, error, refetch } = useQuery(INCIDENT_LIST_QUERY, {
    variables: {
      ...params.page,
      filter: { ...(status.length ? { status } : {}), ...(severity.length ? { severity } : {}), ...(params.q ? { text: params.q } : {}) },
      orderBy: { field: params.sort.field === 'updatedAt' ? 'UPDATED_AT' : 'CREATED_AT', direction: params.sort.direction.toUpperCase() as SortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.incidents;

  return (
    <>
      <PageHeader title="Incidents" subtitle={`Platform incidents that affect ${session.me?.tenant?.name ?? 'your organisation'}, and what we are doing about them.`} />
      <DataTable
        label="Incidents"
        columns={columns}
        rows={connection?.nodes}
        rowKey={(i) => i.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={(i) => void navigate(urls.incident(i.id))}
        toolbar={<IncidentFilters params={params} />}
        empty={
          params.hasFilters
            ? { title: 'No incidents match these filters', description: 'Try other statuses or severities, or clear the filters.', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : { title: 'No incidents', description: 'When a platform incident affects your organisation, it shows here with its updates.' }
        }
      />
    </>
  );
}
