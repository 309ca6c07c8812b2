import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import { defineAdminResource } from '../admin-resource';
import { createTicketsProvider, type TicketRecord } from '../providers/tickets.provider';
import { RESOURCES } from '../resource-names';
import { TicketEdit } from './TicketEdit';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

/** Tickets of every tenant: list, show, edit (status, priority, assignee, subject). */
export const tickets = defineAdminResource<TicketRecord>({
  name: RESOURCES.tickets,
  label: 'Tickets',
  provider: createTicketsProvider,
  access: { list: 'platform:ticket:read', show: 'platform:ticket:read', edit: 'platform:ticket:write' },
  operations: { reply: 'platform:ticket:reply' },
  list: TicketList,
  show: TicketShow,
  edit: TicketEdit,
  icon: ConfirmationNumberOutlined,
  recordRepresentation: (r) => `#${r.number ?? ''} ${r.subject ?? ''}`,
});
