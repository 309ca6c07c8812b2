import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { graphql } from '../../../../gql';
import type { SortDirection, TicketOrderField } from '../../../../gql/graphql';
import { useSession } from '../../../../shared/session';
import { DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { ticketColumns, ticketRows, type TicketSortField } from '../components/ticketColumns';
import { type TicketFilterKey, TicketFilters } from '../components/TicketFilters';
import { isTicketPriority, isTicketStatus } from '../ticketLabels';

const TICKET_LIST_QUERY = graphql(`
  query TicketList($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {
    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...TicketRow
      }
    }
  }
`);

const SORT_FIELDS: readonly TicketSortField[] = ['createdAt', 'updatedAt', 'priority'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly TicketFilterKey[] = ['status', 'priority'];
const ORDER_FIELD: Record<TicketSortField, TicketOrderField> = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT', priority: 'PRIORITY' };

export function TicketListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const params = useListParams<TicketSortField, TicketFilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const status = params.filters.status.filter(isTicketStatus);
  const priority = params.filters.priority.filter(isTicketPriority);
  const { data, previousData, loading, error, refetch } = useQuery(TICKET_LIST_QUERY, {
    variables: {
      ...params.page,
      filter: { ...(status.length ? { status } : {}), ...(priority.length ? { priority } : {}), ...(params.q ? { text: params.q } : {}) },
      orderBy: { field: ORDER_FIELD[params.sort.field], direction: params.sort.direction.toUpperCase() as SortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  // Keep the previous page on screen (dimmed) while the next one loads.
  const connection = (data ?? previousData)?.tickets;
  const canCreate = session.can('ticket:write');
  const createButton = canCreate ? (
    <Button component={RouterLink} to={urls.ticketNew()} variant="contained" startIcon={<Add />}>
      New ticket
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Tickets" subtitle={`Support requests raised in ${session.me?.tenant?.name ?? 'your organisation'}.`} actions={createButton} />
      <DataTable
        label="Tickets"
        columns={ticketColumns}
        rows={ticketRows(connection?.nodes)}
        rowKey={(t) => t.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={(t) => void navigate(urls.ticket(t.id))}
        toolbar={<TicketFilters params={params} />}
        empty={
          params.hasFilters
            ? {
                title: 'No tickets match these filters',
                description: 'Try other statuses or priorities, or clear the filters to see every ticket.',
                action: <Button onClick={params.clearFilters}>Clear filters</Button>,
              }
            : {
                title: 'No tickets yet',
                description: canCreate ? 'When something needs our attention, raise a ticket and follow it here.' : 'Tickets raised by your organisation will show here.',
                action: createButton,
              }
        }
      />
    </>
  );
}
