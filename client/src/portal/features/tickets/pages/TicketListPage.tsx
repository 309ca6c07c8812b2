import Add from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../../../gql';
import type { SortDirection, TicketFilter, TicketOrderField, TicketRowFragment, TicketStatus } from '../../../../gql/graphql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { assignToMeColumn, ticketColumns, ticketRows, type TicketSortField } from '../components/ticketColumns';
import { type TicketFilterKey, TicketFilters } from '../components/TicketFilters';
import { useUpdateTicket } from '../hooks/useTicketMutations';
import { useTicketWorkers } from '../hooks/useTicketWorkers';
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
const FILTER_KEYS: readonly TicketFilterKey[] = ['status', 'priority', 'assignee'];
const ORDER_FIELD: Record<TicketSortField, TicketOrderField> = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT', priority: 'PRIORITY' };

/** The agents' queue: each view is a URL (`?view=`); without one, every ticket. */
type QueueView = 'all' | 'mine' | 'unassigned' | 'open';
const VIEWS: readonly { view: QueueView; label: string }[] = [
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'open', label: 'All open' },
  { view: 'all', label: 'All tickets' },
];
/** What a queue view counts as still to do, unless the user picks statuses. */
const OPEN_STATUSES: readonly TicketStatus[] = ['OPEN', 'PENDING'];
const isView = (v: string | null): v is QueueView => VIEWS.some((x) => x.view === v);

const EMPTY_VIEW: Record<QueueView, { title: string; description: string }> = {
  mine: { title: 'Nothing assigned to you', description: 'Open and pending tickets assigned to you show here. Pick one from Unassigned to start.' },
  unassigned: { title: 'No unassigned tickets', description: 'Every open and pending ticket has someone working on it.' },
  open: { title: 'No open tickets', description: 'Nothing is open or pending right now.' },
  all: { title: 'No tickets yet', description: 'Tickets raised by your organisation will show here.' },
};

export function TicketListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = useListParams<TicketSortField, TicketFilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const meId = session.me?.user.id ?? '';
  // The queue (views, "Assign to me") is for those who work tickets: ticket:assign.
  const canAssign = session.can('ticket:assign');
  const rawView = search.get('view');
  const view: QueueView = canAssign && isView(rawView) ? rawView : 'all';
  const workers = useTicketWorkers(session.can('member:read'));
  const status = params.filters.status.filter(isTicketStatus);
  const priority = params.filters.priority.filter(isTicketPriority);
  const assignee = params.filters.assignee[0];

  const filter = useMemo<TicketFilter>(() => {
    const f: TicketFilter = {};
    if (status.length) f.status = status;
    else if (view !== 'all') f.status = [...OPEN_STATUSES];
    if (priority.length) f.priority = priority;
    if (params.q) f.text = params.q;
    if (view === 'mine') f.assigneeId = meId;
    else if (view === 'unassigned') f.unassigned = true;
    else if (assignee) f.assigneeId = assignee;
    return f;
  }, [status, priority, params.q, view, meId, assignee]);

  const { data, previousData, loading, error, refetch } = useQuery(TICKET_LIST_QUERY, {
    variables: {
      ...params.page,
      filter,
      orderBy: { field: ORDER_FIELD[params.sort.field], direction: params.sort.direction.toUpperCase() as SortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  // Keep the previous page on screen (dimmed) while the next one loads.
  const connection = (data ?? previousData)?.tickets;

  const [updateTicket] = useUpdateTicket();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const assignToMe = async (t: TicketRowFragment) => {
    setBusy(t.id);
    setNotice(null);
    try {
      await updateTicket({ variables: { input: { id: t.id, version: t.version, assigneeId: meId } }, refetchQueries: ['TicketList'], awaitRefetchQueries: true });
      setNotice({ severity: 'success', text: `#${t.number} ${t.subject} is assigned to you.` });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      if (errorCodeOf(e) === 'CONFLICT') {
        setNotice({ severity: 'warning', text: `Someone changed #${t.number} meanwhile; the list now shows it as it is. Try again if it still needs you.` });
        void refetch();
      } else {
        setNotice({ severity: 'error', text: messageOf(e) });
      }
    } finally {
      setBusy(null);
    }
  };
  // The queue makes room for its action: no "Updated" column, and no "Assignee" where the view decides it.
  const columns = canAssign
    ? [...ticketColumns.filter((c) => c.id !== 'updatedAt' && !(c.id === 'assignee' && (view === 'mine' || view === 'unassigned'))), assignToMeColumn(meId, busy, (t) => void assignToMe(t))]
    : ticketColumns;

  const setView = (next: QueueView) => {
    const n = new URLSearchParams(search);
    if (next === 'all') n.delete('view');
    else n.set('view', next);
    n.delete('after');
    n.delete('before');
    // Mine and Unassigned decide the assignee themselves.
    if (next === 'mine' || next === 'unassigned') n.delete('assignee');
    setNotice(null);
    setSearch(n);
  };

  const canCreate = session.can('ticket:write');
  const createButton = canCreate ? (
    <Button component={RouterLink} to={urls.ticketNew()} variant="contained" startIcon={<Add />}>
      New ticket
    </Button>
  ) : null;
  const showAssigneeFilter = view === 'all' || view === 'open';

  return (
    <>
      <PageHeader title="Tickets" subtitle={`Support requests raised in ${session.me?.tenant?.name ?? 'your organisation'}.`} actions={createButton} />
      {canAssign && (
        <Tabs
          value={view}
          onChange={(_e, v: QueueView) => setView(v)}
          aria-label="Ticket views"
          variant="scrollable"
          allowScrollButtonsMobile
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          {VIEWS.map((v) => (
            <Tab key={v.view} value={v.view} label={v.label} />
          ))}
        </Tabs>
      )}
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)} sx={{ mb: 2 }} role={notice.severity === 'success' ? 'status' : 'alert'}>
          {notice.text}
        </Alert>
      )}
      <DataTable
        label="Tickets"
        columns={columns}
        rows={ticketRows(connection?.nodes)}
        rowKey={(t) => t.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={(t) => void navigate(urls.ticket(t.id))}
        toolbar={<TicketFilters params={params} assignees={showAssigneeFilter && workers.workers.length ? workers.workers.map((w) => w.user) : null} />}
        empty={
          params.hasFilters
            ? {
                title: 'No tickets match these filters',
                description: 'Try other statuses or priorities, or clear the filters to see every ticket.',
                action: <Button onClick={params.clearFilters}>Clear filters</Button>,
              }
            : view !== 'all'
              ? EMPTY_VIEW[view]
              : {
                  title: 'No tickets yet',
                  description: canCreate ? 'When something needs our attention, raise a ticket and follow it here.' : EMPTY_VIEW.all.description,
                  action: createButton,
                }
        }
      />
    </>
  );
}
