import { correlationSource } from '../../common/correlation-source';
import { incidentAccess } from './incident.access';
import { Incident } from './incident.entity';

/** Incidents sharing a correlation id: for customers those affecting their tenant, for staff all. */
export const incidentCorrelationItems = correlationSource({
  kind: 'INCIDENT',
  entity: Incident,
  access: incidentAccess,
  at: 'createdAt',
  title: (i) => `Incident ${i.severity}: ${i.title}`,
});
