import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, conflict } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { recordSystemEvent, type SystemEventInput } from '../events/event.service';
import { EventSeverity } from '../events/system-event.entity';
import { stageRealtimeEvent } from '../realtime/stage';
import { type AutomationRun, RunStatus } from './run.entity';

/**
 * The one table of allowed status changes. RUNNING -> QUEUED is a retry (a failed attempt with
 * attempts left, an expired lease, or a shutdown); the three finished states are final.
 */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  [RunStatus.QUEUED]: [RunStatus.RUNNING, RunStatus.CANCELLED],
  [RunStatus.RUNNING]: [RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.QUEUED],
  [RunStatus.SUCCEEDED]: [],
  [RunStatus.FAILED]: [],
  [RunStatus.CANCELLED]: [],
};

export const FINISHED: readonly RunStatus[] = [RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED];

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: RunStatus, to: RunStatus): void {
  if (!canTransition(from, to)) {
    throw conflict(`A ${from.toLowerCase()} run cannot become ${to.toLowerCase()}.`, ErrorReason.INVALID_TRANSITION);
  }
}

/** The system event type written when a run enters `to` from `from` (null: created). */
const EVENT_TYPES: Record<RunStatus, string> = {
  [RunStatus.QUEUED]: 'run.queued',
  [RunStatus.RUNNING]: 'run.started',
  [RunStatus.SUCCEEDED]: 'run.succeeded',
  [RunStatus.FAILED]: 'run.failed',
  [RunStatus.CANCELLED]: 'run.cancelled',
};

export function eventTypeOf(from: RunStatus | null, to: RunStatus): string {
  if (from === RunStatus.RUNNING && to === RunStatus.QUEUED) return 'run.requeued';
  return EVENT_TYPES[to];
}

const SEVERITY: Record<RunStatus, EventSeverity> = {
  [RunStatus.QUEUED]: EventSeverity.INFO,
  [RunStatus.RUNNING]: EventSeverity.INFO,
  [RunStatus.SUCCEEDED]: EventSeverity.INFO,
  [RunStatus.FAILED]: EventSeverity.ERROR,
  [RunStatus.CANCELLED]: EventSeverity.INFO,
};

export interface RunEventDetails {
  /** What emitted it: "api", "executor", "ingest". */
  source: string;
  now?: Date;
  payload?: Record<string, unknown>;
}

/** The system event of a run entering `to` from `from` (null: created), in the run's tenant and story. */
export function runEventOf(run: AutomationRun, from: RunStatus | null, to: RunStatus, details: RunEventDetails): SystemEventInput {
  const requeued = from === RunStatus.RUNNING && to === RunStatus.QUEUED;
  return {
    tenantId: run.tenant.id,
    type: eventTypeOf(from, to),
    source: details.source,
    severity: requeued ? EventSeverity.WARNING : SEVERITY[to],
    correlationId: run.correlationId,
    occurredAt: details.now,
    payload: {
      runId: toGlobalId('AutomationRun', run.id),
      toolId: toGlobalId('Tool', run.tool.id),
      from,
      to,
      attempt: run.attempts,
      ...details.payload,
    },
  };
}

/** Stages the system event of a run entering `to`, in the caller's transaction. */
export function recordRunEvent(em: EntityManager, run: AutomationRun, from: RunStatus | null, to: RunStatus, details: RunEventDetails): void {
  recordSystemEvent(em, runEventOf(run, from, to, details));
  // Open run pages and lists hear of it after the commit (every status change passes here).
  stageRealtimeEvent(em, { type: 'run', tenantId: run.tenant.id, runId: run.id });
}

/**
 * Moves a managed run to `to` along the table, sets what the move implies (start and finish
 * times, lease released when it leaves RUNNING) and stages its event. The caller flushes, in
 * the same transaction, so the change and its event commit together.
 */
export function transitionRun(em: EntityManager, run: AutomationRun, to: RunStatus, details: RunEventDetails): void {
  const from = run.status as RunStatus;
  assertTransition(from, to);
  const now = details.now ?? new Date();
  run.status = to;
  if (to === RunStatus.RUNNING) run.startedAt ??= now;
  if (from === RunStatus.RUNNING) {
    run.lockedUntil = undefined;
    run.leaseOwner = undefined;
  }
  if (FINISHED.includes(to)) {
    run.finishedAt = now;
    run.nextAttemptAt = undefined;
  }
  recordRunEvent(em, run, from, to, { ...details, now });
}
