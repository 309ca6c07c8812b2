import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createTicketsProvider, type TicketRecord } from '../providers/tickets.provider';
import { RESOURCES } from '../resource-names';

const TicketEdit = lazyPage(() => import('./TicketEdit'), 'TicketEdit');
const TicketList = lazyPage(() => import('./TicketList'), 'TicketList');
const TicketShow = lazyPage(() => import('./TicketShow'), 'TicketShow');

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
