import { defineModule, nodeType } from '../../common/module';
import { incidentCorrelationItems } from './incident.correlation';
import { incidentAccess, incidentTimelineEntryAccess } from './incident.access';
import { WidgetType } from '../../common/widget';
import { Incident } from './incident.entity';
import { IncidentTenant, IncidentTicket, IncidentEvent } from './incident-links.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver } from './incident.resolver';
import { incidentPermissions } from './incident.permissions';
import { createIncidentLoaders } from './incident.loaders';
import { activeIncidentsWidget } from './incident.widgets';

export const incidentsModule = defineModule({
  name: 'incidents',
  entities: [Incident, IncidentTenant, IncidentTicket, IncidentEvent, IncidentTimelineEntry],
  tenantScoped: [IncidentEvent],
  resolvers: [IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver],
  permissions: incidentPermissions,
  correlationSources: [incidentCorrelationItems],
  loaders: createIncidentLoaders,
  nodeTypes: {
    Incident: nodeType(Incident, incidentAccess),
    IncidentTimelineEntry: nodeType(IncidentTimelineEntry, incidentTimelineEntryAccess),
  },
  widgets: { [WidgetType.ACTIVE_INCIDENTS]: activeIncidentsWidget },
});
