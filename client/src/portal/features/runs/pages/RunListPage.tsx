import Button from '@mui/material/Button';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { graphql } from '../../../../gql';
import type { RunFilter, SortDirection } from '../../../../gql/graphql';
import { useSession } from '../../../../shared/session';
import { DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { runColumns, runRows, type RunSortField } from '../components/runColumns';
import { dayBound, type RunFilterKey, RunFilters } from '../components/RunFilters';
import { isRunStatus } from '../runLabels';
import { useSerialRefetch } from '../../../../shared/apollo/serial-refetch';

/** Status changes of the tenant's runs (the list reads its page again). */
const RUNS_LIVE_SUBSCRIPTION = graphql(`
  subscription RunsLive {
    runChanged {
      id
      status
    }
  }
`);

const RUN_LIST_QUERY = graphql(`
  query RunList($first: Int, $after: String, $last: Int, $before: String, $filter: RunFilter, $orderBy: RunOrder) {
    runs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...RunRow
      }
    }
  }
`);

/** The tools a run can be of, for the filter (the catalog, retired ones too: old runs keep them). */
const RUN_TOOL_OPTIONS_QUERY = graphql(`
  query RunToolOptions {
    tools(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const SORT_FIELDS: readonly RunSortField[] = ['createdAt'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly RunFilterKey[] = ['tool', 'status', 'from', 'to'];

export function RunListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const params = useListParams<RunSortField, RunFilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const status = params.filters.status.filter(isRunStatus);
  const toolId = params.filters.tool[0];
  const from = dayBound(params.filters.from[0]);
  const to = dayBound(params.filters.to[0], true);
  const filter: RunFilter = { ...(status.length ? { status } : {}), ...(toolId ? { toolId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const { data, previousData, loading, error, refetch } = useQuery(RUN_LIST_QUERY, {
    variables: { ...params.page, filter, orderBy: { field: 'CREATED_AT', direction: params.sort.direction.toUpperCase() as SortDirection } },
    notifyOnNetworkStatusChange: true,
  });
  const tools = useQuery(RUN_TOOL_OPTIONS_QUERY);
  // Live: a run started, moving or finishing anywhere in the tenant shows in the list at once.
  const readAgain = useSerialRefetch(refetch);
  useSubscription(RUNS_LIVE_SUBSCRIPTION, { onData: readAgain });
  const connection = (data ?? previousData)?.runs;
  // Only for roles that may start runs (run:write), not those who can just read the catalog.
  const runButton = session.can('tool:read') && session.can('run:write') ? (
    <Button component={RouterLink} to={urls.tools()} variant="contained">
      Run a tool
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Runs" subtitle={`Tool runs in ${session.me?.tenant?.name ?? 'your organisation'}, newest first.`} actions={runButton} />
      <DataTable
        label="Runs"
        columns={runColumns}
        rows={runRows(connection?.nodes)}
        rowKey={(r) => r.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={(r) => void navigate(urls.run(r.id))}
        toolbar={<RunFilters params={params} tools={tools.data?.tools.nodes ?? []} />}
        empty={
          params.hasFilters
            ? {
                title: 'No runs match these filters',
                description: 'Try another tool, status or dates, or clear the filters to see every run.',
                action: <Button onClick={params.clearFilters}>Clear filters</Button>,
              }
            : { title: 'No runs yet', description: 'Runs of your tools show here, with their status and results.', action: runButton }
        }
      />
    </>
  );
}
