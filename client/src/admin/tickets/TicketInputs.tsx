import Box from '@mui/material/Box';
import { required, SelectInput, TextInput, useGetList, useRecordContext } from 'react-admin';
import type { MembershipRecord } from '../providers/memberships.provider';
import { RESOURCES } from '../resource-names';
import type { TicketRecord } from '../providers/tickets.provider';
import { PRIORITY_CHOICES, STATUS_CHOICES } from '../ui/chips';

/** Members of the ticket's tenant (the API refuses anyone else as assignee). */
function AssigneeInput() {
  const ticket = useRecordContext<TicketRecord>();
  const { data: members, isPending } = useGetList<MembershipRecord>(
    RESOURCES.memberships,
    { filter: { tenantId: ticket?.tenantId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'createdAt', order: 'ASC' } },
    { enabled: Boolean(ticket?.tenantId) },
  );
  const choices = (members ?? []).map((m) => ({ id: m.user.id, name: `${m.user.name} · ${m.role.name}` }));
  // Keep the current assignee choosable even if they have since left the tenant.
  if (ticket?.assignee && !choices.some((c) => c.id === ticket.assignee?.id)) choices.unshift({ id: ticket.assignee.id, name: ticket.assignee.name });
  return (
    <SelectInput
      source="assigneeId"
      label="Assignee"
      choices={choices}
      isPending={isPending}
      emptyText="Unassigned"
      emptyValue=""
      helperText={`Members of ${ticket?.tenant.name ?? 'the tenant'}`}
      fullWidth
    />
  );
}

/** What staff may change on a ticket. The server validates too; its messages show next to the fields. */
export function TicketInputs() {
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="subject" validate={required()} fullWidth helperText="What the customer sees as the ticket's title" />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
        <SelectInput source="status" choices={STATUS_CHOICES} validate={required()} fullWidth />
        <SelectInput source="priority" choices={PRIORITY_CHOICES} validate={required()} fullWidth />
      </Box>
      <AssigneeInput />
    </Box>
  );
}
