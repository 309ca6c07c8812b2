import type { IncidentSeverity, IncidentStatus } from '../../../gql/graphql';

export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['OPEN', 'MITIGATED', 'RESOLVED'];
export const INCIDENT_SEVERITIES: readonly IncidentSeverity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
/** Statuses in which an incident still affects the tenant (the banner shows these). */
export const ACTIVE_INCIDENT_STATUSES: readonly IncidentStatus[] = ['OPEN', 'MITIGATED'];

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = { OPEN: 'Investigating', MITIGATED: 'Mitigated', RESOLVED: 'Resolved' };
export const INCIDENT_SEVERITY_LABEL: Record<IncidentSeverity, string> = { SEV1: 'Critical', SEV2: 'Major', SEV3: 'Minor', SEV4: 'Low' };

export function isIncidentStatus(v: string): v is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(v);
}
export function isIncidentSeverity(v: string): v is IncidentSeverity {
  return (INCIDENT_SEVERITIES as readonly string[]).includes(v);
}

/** How often open incidents are read again (banner, incident page); the real-time issue will push instead. */
export const INCIDENT_POLL_MS = 30_000;
