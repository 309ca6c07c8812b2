import type { RunStatus, RunTrigger } from '../../../gql/graphql';

export const RUN_STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

export const RUN_STATUS_LABEL: Record<RunStatus, string> = { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', CANCELLED: 'Cancelled' };

export const RUN_TRIGGER_LABEL: Record<RunTrigger, string> = { USER: 'Started by a person', MESSAGE: 'Inbound message', PARTNER: 'Partner API', SCHEDULE: 'Schedule' };

/** Statuses a run never leaves: polling stops here. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function isRunStatus(v: string): v is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(v);
}

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

/** "1.2 s", "3 min 5 s": how long between two instants; null when either is missing. */
export function durationBetween(from: string | null | undefined, to: string | null | undefined): string | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
