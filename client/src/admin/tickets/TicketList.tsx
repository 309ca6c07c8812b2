import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { TICKET_DEFAULT_SORT, ticketFilterOf, ticketOrderOf, type TicketRecord } from '../providers/tickets.provider';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { PriorityChip, StatusChip } from '../ui/chips';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonCell } from '../ui/People';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';
import { TicketFilterSidebar, ticketFilters } from './TicketFilters';

function TicketListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton list="tickets" filterOf={ticketFilterOf} orderOf={ticketOrderOf} />
    </TopToolbar>
  );
}

function SubjectCell({ ticket }: { ticket: TicketRecord }) {
  return (
    <Box sx={{ minWidth: 0, maxWidth: 300 }}>
      <Typography variant="body2" noWrap title={ticket.subject} component="div">
        <RowLink id={ticket.id}>{ticket.subject}</RowLink>
      </Typography>
      <Typography variant="caption" color="text.secondary" noWrap component="div">
        #{ticket.number} · from {ticket.requester.name}
      </Typography>
    </Box>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Typography variant="body2" color="text.secondary" title={formatDateTime(iso)} noWrap>
      {formatRelative(iso)}
    </Typography>
  );
}

function TicketCard({ ticket }: { ticket: TicketRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body1" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {ticket.subject}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', my: 0.5 }}>
        <StatusChip status={ticket.status} />
        <PriorityChip priority={ticket.priority} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        #{ticket.number} · {ticket.tenant.name} · {ticket.assignee?.name ?? 'Unassigned'} · updated {formatRelative(ticket.updatedAt)}
      </Typography>
    </Box>
  );
}

/**
 * Tickets of every tenant. Sorting is offered on the columns the API can order by (created,
 * updated, priority); the rest of the columns are fixed.
 */
export function TicketList() {
  return (
    <>
      <AdminPageHeading title="Tickets" subtitle="Every tenant's support tickets: filter, open, reply." />
      <List
        sort={TICKET_DEFAULT_SORT}
        perPage={25}
        filters={ticketFilters}
        actions={<TicketListActions />}
        aside={<TicketFilterSidebar />}
        exporter={false}
        title="Tickets"
        sx={PHONE_SAFE_LIST_SX}
      >
        <ResponsiveRows<TicketRecord>
          empty="No tickets match these filters."
          card={(r) => <TicketCard ticket={r} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="subject" label="Ticket" disableSort render={(r: TicketRecord) => <SubjectCell ticket={r} />} />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(r: TicketRecord) => <TenantBadge tenant={r.tenant} />} />
              <DataTable.Col source="status" label="Status" disableSort render={(r: TicketRecord) => <StatusChip status={r.status} />} />
              <DataTable.Col source="priority" label="Priority" sortByOrder="DESC" render={(r: TicketRecord) => <PriorityChip priority={r.priority} />} />
              <DataTable.Col source="assigneeId" label="Assignee" disableSort render={(r: TicketRecord) => <PersonCell person={r.assignee} nobody="Unassigned" />} />
              <DataTable.Col source="createdAt" label="Created" sortByOrder="DESC" render={(r: TicketRecord) => <When iso={r.createdAt} />} />
              <DataTable.Col source="updatedAt" label="Updated" sortByOrder="DESC" render={(r: TicketRecord) => <When iso={r.updatedAt} />} />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
