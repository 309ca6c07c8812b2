import { defineModule, nodeType } from '../../common/module';
import { WidgetType } from '../../common/widget';
import { Incident } from './incident.entity';
import { IncidentTenant, IncidentTicket, IncidentEvent } from './incident-links.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver } from './incident.resolver';
import { incidentPermissions } from './incident.permissions';
import { createIncidentLoaders } from './incident.loaders';
import { incidentScope, timelineEntryScope } from './incident.service';
import { activeIncidentsWidget } from './incident.widgets';

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
  widgets: { [WidgetType.ACTIVE_INCIDENTS]: activeIncidentsWidget },
});
