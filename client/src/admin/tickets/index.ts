import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import type { ResourceProps } from 'react-admin';
import { RESOURCES } from '../providers/resources';
import { TicketEdit } from './TicketEdit';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

/** Tickets of every tenant: list, show, edit (status, priority, assignee, subject). */
export const tickets: ResourceProps = {
  name: RESOURCES.tickets,
  list: TicketList,
  show: TicketShow,
  edit: TicketEdit,
  icon: ConfirmationNumberOutlined,
  recordRepresentation: (r: { number?: number; subject?: string }) => `#${r.number ?? ''} ${r.subject ?? ''}`,
  options: { label: 'Tickets' },
};
