import { defineModule, nodeType } from '../../common/module';
import { Incident } from './incident.entity';
import { IncidentTenant, IncidentTicket, IncidentEvent } from './incident-links.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver } from './incident.resolver';
import { incidentPermissions } from './incident.permissions';
import { createIncidentLoaders } from './incident.loaders';
import { incidentScope, timelineEntryScope } from './incident.service';

export const incidentsModule = defineModule({
  name: 'incidents',
  entities: [Incident, IncidentTenant, IncidentTicket, IncidentEvent, IncidentTimelineEntry],
  tenantScoped: [IncidentEvent],
  resolvers: [IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver],
  permissions: incidentPermissions,
  loaders: createIncidentLoaders,
  nodeTypes: {
    Incident: nodeType(Incident, ['incident:read', 'platform:incident:read'], (ctx) => incidentScope(ctx) ?? { id: null as unknown as string }),
    IncidentTimelineEntry: nodeType(IncidentTimelineEntry, ['incident:read', 'platform:incident:read'], (ctx) => timelineEntryScope(ctx) ?? { id: null as unknown as string }),
  },
});
