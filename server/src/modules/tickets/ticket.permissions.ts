import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff } from '../../permissions/rules';

export const ticketPermissions: ModulePermissions = {
  Query: {
    ticket: canOrStaff('ticket:read', 'platform:ticket:read'),
    tickets: canOrStaff('ticket:read', 'platform:ticket:read'),
  },
  Mutation: {
    createTicket: can('ticket:write'),
    updateTicket: canOrStaff('ticket:write', 'platform:ticket:write'),
    addTicketComment: can('ticket:comment'),
  },
};
