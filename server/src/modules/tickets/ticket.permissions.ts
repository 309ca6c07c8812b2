import { ticketAccess } from './ticket.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, readable } from '../../permissions/rules';

export const ticketPermissions: ModulePermissions = {
  Query: {
    ticket: readable(ticketAccess),
    tickets: readable(ticketAccess),
  },
  Mutation: {
    createTicket: can('ticket:write'),
    updateTicket: canOrStaff('ticket:write', 'platform:ticket:write'),
    addTicketComment: canOrStaff('ticket:comment', 'platform:ticket:reply'),
    deleteTicketAttachment: canOrStaff('ticket:comment', 'platform:ticket:reply'),
  },
};
