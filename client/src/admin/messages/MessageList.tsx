import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, DateInput, List, ReferenceInput, SelectArrayInput, TextInput } from 'react-admin';
import { ListLoadError } from '../integrations/IntegrationUi';
import type { MessageRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';
import { MESSAGE_STATUS_CHOICES, MessageStatusChip } from '../runs/runUi';
import { formatDateTime, formatRelative } from '../ui/format';
import { AdminPageHeading, PHONE_SAFE_LIST_SX, ResponsiveRows, RowLink } from '../ui/ResponsiveList';
import { TenantBadge } from '../ui/TenantBadge';

const messageFilters = [
  <SelectArrayInput key="status" source="status" label="Outcome" choices={MESSAGE_STATUS_CHOICES} alwaysOn helperText={false} sx={{ minWidth: { xs: 0, sm: 160 } }} />,
  <ReferenceInput key="tenantId" source="tenantId" reference={RESOURCES.tenants} alwaysOn>
    <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: { xs: 0, sm: 220 } }} helperText={false} />
  </ReferenceInput>,
  <TextInput key="sender" source="sender" label="Sender" helperText={false} />,
  <DateInput key="from" source="from" label="From" helperText={false} />,
  <DateInput key="to" source="to" label="To" helperText={false} />,
];

/** What a message led to: its run or ticket, or why it was refused. */
export function Outcome({ message }: { message: MessageRecord }) {
  if (message.error) return <>{message.error}</>;
  if (message.run) return <>Started a run ({message.run.status.toLowerCase()})</>;
  if (message.ticket) return <>Opened ticket #{message.ticket.number}</>;
  return <>—</>;
}

function MessageCard({ message }: { message: MessageRecord }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{message.subject ?? message.sender}</Typography>
        <MessageStatusChip status={message.status} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {message.tenant.name} · {message.channel} · {formatRelative(message.receivedAt)}
      </Typography>
      <Typography variant="body2" color={message.error ? 'error' : 'text.secondary'} noWrap>
        <Outcome message={message} />
      </Typography>
    </Box>
  );
}

/** Inbound messages of every tenant, newest first, with their outcome. */
export function MessageList() {
  return (
    <>
      <AdminPageHeading title="Inbound messages" subtitle="Messages that came in from partners and channels, and what each one led to." />
      <List perPage={25} filters={messageFilters} exporter={false} title="Inbound messages" actions={false} empty={false} error={<ListLoadError />} sx={PHONE_SAFE_LIST_SX}>
        <ResponsiveRows<MessageRecord>
          empty="No messages match these filters."
          card={(m) => <MessageCard message={m} />}
          table={
            <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary" sx={{ p: 3 }}>No messages match these filters.</Typography>}>
              <DataTable.Col source="sender" label="Message" disableSort render={(m: MessageRecord) => <RowLink id={m.id}>{m.subject ?? m.sender}</RowLink>} />
              <DataTable.Col source="status" label="Outcome" disableSort render={(m: MessageRecord) => <MessageStatusChip status={m.status} />} />
              <DataTable.Col source="tenantId" label="Tenant" disableSort render={(m: MessageRecord) => <TenantBadge tenant={m.tenant} />} />
              <DataTable.Col source="channel" label="Channel" disableSort />
              <DataTable.Col
                source="error"
                label="Result"
                disableSort
                render={(m: MessageRecord) => (
                  <Typography variant="body2" color={m.error ? 'error' : 'text.secondary'} noWrap sx={{ maxWidth: 260 }}>
                    <Outcome message={m} />
                  </Typography>
                )}
              />
              <DataTable.Col
                source="receivedAt"
                label="Received"
                disableSort
                render={(m: MessageRecord) => (
                  <Tooltip title={formatDateTime(m.receivedAt)}>
                    <Typography variant="body2" color="text.secondary" component="span" sx={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(m.receivedAt)}
                    </Typography>
                  </Tooltip>
                )}
              />
            </DataTable>
          }
        />
      </List>
    </>
  );
}
