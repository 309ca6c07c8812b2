import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { TICKET_DEFAULT_SORT, ticketFilterOf, ticketOrderOf, type TicketRecord } from '../providers/tickets.provider';
import { ExportCsvButton } from '../ui/ExportCsvButton';
import { PriorityChip, StatusChip } from '../ui/chips';
import { formatDateTime, formatRelative } from '../ui/format';
import { PersonCell } from '../ui/People';
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
      <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={ticket.subject}>
        {ticket.subject}
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

/**
 * Tickets of every tenant. Sorting is offered on the columns the API can order by (created,
 * updated, priority); the rest of the columns are fixed.
 */
export function TicketList() {
  return (
    <List sort={TICKET_DEFAULT_SORT} perPage={25} filters={ticketFilters} actions={<TicketListActions />} aside={<TicketFilterSidebar />} exporter={false} title="Tickets">
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="subject" label="Ticket" disableSort render={(r: TicketRecord) => <SubjectCell ticket={r} />} />
        <DataTable.Col source="tenantId" label="Tenant" disableSort render={(r: TicketRecord) => <TenantBadge tenant={r.tenant} />} />
        <DataTable.Col source="status" label="Status" disableSort render={(r: TicketRecord) => <StatusChip status={r.status} />} />
        <DataTable.Col source="priority" label="Priority" sortByOrder="DESC" render={(r: TicketRecord) => <PriorityChip priority={r.priority} />} />
        <DataTable.Col source="assigneeId" label="Assignee" disableSort render={(r: TicketRecord) => <PersonCell person={r.assignee} nobody="Unassigned" />} />
        <DataTable.Col source="createdAt" label="Created" sortByOrder="DESC" render={(r: TicketRecord) => <When iso={r.createdAt} />} />
        <DataTable.Col source="updatedAt" label="Updated" sortByOrder="DESC" render={(r: TicketRecord) => <When iso={r.updatedAt} />} />
      </DataTable>
    </List>
  );
}
