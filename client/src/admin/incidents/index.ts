import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createIncidentsProvider, type IncidentRecord } from '../providers/incidents.provider';
import { RESOURCES } from '../resource-names';

const IncidentCreate = lazyPage(() => import('./IncidentCreate'), 'IncidentCreate');
const IncidentList = lazyPage(() => import('./IncidentList'), 'IncidentList');
const IncidentShow = lazyPage(() => import('./IncidentShow'), 'IncidentShow');

/**
 * The incident console: every incident, opening one (staff with platform:incident:manage), moving
 * it OPEN → MITIGATED → RESOLVED, linking tickets and events, notes; platform:incident:read reads.
 */
export const incidents = defineAdminResource<IncidentRecord>({
  name: RESOURCES.incidents,
  label: 'Incidents',
  provider: createIncidentsProvider,
  access: { list: 'platform:incident:read', show: 'platform:incident:read', create: 'platform:incident:manage' },
  operations: { manage: 'platform:incident:manage' },
  list: IncidentList,
  show: IncidentShow,
  create: IncidentCreate,
  icon: ReportProblemOutlined,
  recordRepresentation: 'title',
});
