import { IncidentStatus } from './incident.entity';

/** The fields a transition stamps: when it happened and which staff member made it. */
export type TransitionStamp = 'mitigated' | 'resolved';

/**
 * The one table of allowed status changes: OPEN → MITIGATED → RESOLVED. Anything not listed
 * (skipping a step, going back, staying put) is refused.
 */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, Partial<Record<IncidentStatus, TransitionStamp>>>> = {
  [IncidentStatus.OPEN]: { [IncidentStatus.MITIGATED]: 'mitigated' },
  [IncidentStatus.MITIGATED]: { [IncidentStatus.RESOLVED]: 'resolved' },
  [IncidentStatus.RESOLVED]: {},
};

/** The stamp of an allowed transition, or null when the table refuses it. */
export function transitionOf(from: IncidentStatus, to: IncidentStatus): TransitionStamp | null {
  return INCIDENT_TRANSITIONS[from][to] ?? null;
}

/** Where an incident in `from` may go, for error messages. */
export function nextStatuses(from: IncidentStatus): IncidentStatus[] {
  return Object.keys(INCIDENT_TRANSITIONS[from]) as IncidentStatus[];
}
