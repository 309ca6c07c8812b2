import { incidentAccess } from '../incidents/incident.access';
import { notificationAccess } from '../notifications/notification.access';
import { runAccess } from '../runs/run.access';
import { ticketAccess } from '../tickets/ticket.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable } from '../../permissions/rules';

/** Subscribing needs what reading the entity needs (checked once, when the subscription starts). */
export const realtimePermissions: ModulePermissions = {
  Subscription: {
    ticketChanged: readable(ticketAccess),
    runChanged: readable(runAccess),
    incidentChanged: readable(incidentAccess),
    notificationReceived: readable(notificationAccess),
  },
};
