import { defineAccess, readGrant } from '../../permissions/access';
import type { RequestScope } from '../../context/scope';
import type { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import type { Incident } from './incident.entity';

/**
 * Incidents are platform-wide: staff with platform:incident:read see every incident and every
 * part of it; a member with incident:read sees the incidents that affect their tenant.
 */
export const incidentAccess = defineAccess<Incident>({
  type: 'Incident',
  tenant: 'incident:read',
  platform: 'platform:incident:read',
  rows: (grant) => (grant.as === 'tenant' ? { affected: { tenant: grant.tenantId } } : {}),
});

/**
 * Timeline entries: staff see all; a member sees the public entries of incidents affecting their
 * tenant that concern no tenant or theirs.
 */
export const incidentTimelineEntryAccess = defineAccess<IncidentTimelineEntry>({
  type: 'IncidentTimelineEntry',
  tenant: 'incident:read',
  platform: 'platform:incident:read',
  rows: (grant) =>
    grant.as === 'tenant'
      ? { internal: false, $or: [{ tenant: null }, { tenant: grant.tenantId }], incident: { affected: { tenant: grant.tenantId } } }
      : {},
});

/** Staff reading outside any tenant see every incident and every part of it. */
export function isIncidentStaff(scope: RequestScope): boolean {
  return readGrant(scope, incidentAccess)?.as === 'platform';
}
