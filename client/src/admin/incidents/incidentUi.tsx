import type { EventSeverity, IncidentSeverity, IncidentStatus } from '../../gql/graphql';
import { SoftChip } from '../ui/chips';

export const INCIDENT_STATUS_META: Record<IncidentStatus, { label: string; colour: string }> = {
  OPEN: { label: 'Open', colour: '#b91c1c' },
  MITIGATED: { label: 'Mitigated', colour: '#b45309' },
  RESOLVED: { label: 'Resolved', colour: '#15803d' },
};

export const INCIDENT_SEVERITY_META: Record<IncidentSeverity, { label: string; colour: string }> = {
  SEV1: { label: 'SEV1 · Critical', colour: '#991b1b' },
  SEV2: { label: 'SEV2 · Major', colour: '#c2410c' },
  SEV3: { label: 'SEV3 · Minor', colour: '#a16207' },
  SEV4: { label: 'SEV4 · Low', colour: '#475569' },
};

export function IncidentStatusChip({ status }: { status: IncidentStatus }) {
  const meta = INCIDENT_STATUS_META[status];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

export function SeverityChip({ severity }: { severity: IncidentSeverity }) {
  const meta = INCIDENT_SEVERITY_META[severity];
  return <SoftChip label={meta.label} colour={meta.colour} />;
}

const EVENT_SEVERITY_COLOUR: Record<EventSeverity, string> = { CRITICAL: '#991b1b', ERROR: '#b91c1c', WARNING: '#b45309', INFO: '#0369a1', DEBUG: '#64748b' };

export function EventSeverityChip({ severity }: { severity: EventSeverity }) {
  return <SoftChip label={severity.toLowerCase()} colour={EVENT_SEVERITY_COLOUR[severity]} />;
}

export const INCIDENT_STATUS_CHOICES = (['OPEN', 'MITIGATED', 'RESOLVED'] as const).map((id) => ({ id, name: INCIDENT_STATUS_META[id].label }));
export const INCIDENT_SEVERITY_CHOICES = (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const).map((id) => ({ id, name: INCIDENT_SEVERITY_META[id].label }));

/** The button that moves an incident on: "Mark mitigated", "Mark resolved". */
export const TRANSITION_LABEL: Record<IncidentStatus, string> = { OPEN: 'Reopen', MITIGATED: 'Mark mitigated', RESOLVED: 'Mark resolved' };
