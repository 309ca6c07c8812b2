import { incidentAccess } from './incident.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable, staffCan } from '../../permissions/rules';

export const incidentPermissions: ModulePermissions = {
  Query: {
    incidents: readable(incidentAccess),
    incident: readable(incidentAccess),
  },
  Mutation: {
    createIncident: staffCan('platform:incident:manage'),
    transitionIncident: staffCan('platform:incident:manage'),
    linkIncidentEvents: staffCan('platform:incident:manage'),
    linkIncidentTickets: staffCan('platform:incident:manage'),
    addIncidentNote: staffCan('platform:incident:manage'),
  },
};
