import type { ModulePermissions } from '../../permissions/types';
import { canOrStaff, staffCan } from '../../permissions/rules';

export const incidentPermissions: ModulePermissions = {
  Query: {
    incidents: canOrStaff('incident:read', 'platform:incident:read'),
    incident: canOrStaff('incident:read', 'platform:incident:read'),
  },
  Mutation: {
    createIncident: staffCan('platform:incident:manage'),
    transitionIncident: staffCan('platform:incident:manage'),
    linkIncidentEvents: staffCan('platform:incident:manage'),
    linkIncidentTickets: staffCan('platform:incident:manage'),
    addIncidentNote: staffCan('platform:incident:manage'),
  },
};
