import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenancy/tenant.entity';
import type { Ticket } from '../tickets/ticket.entity';
import type { Tool } from '../tools/tool.entity';
import type { User } from '../users/user.entity';
import { uuidv7 } from '../../common/uuid';
import { AutomationRun, RunStatus, RunTrigger } from './run.entity';

export interface RunData {
  status?: RunStatus;
  trigger?: RunTrigger;
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
  error?: string;
  createdAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  correlationId?: string;
  attempts?: number;
  maxAttempts?: number;
  nextAttemptAt?: Date;
  lockedUntil?: Date;
  leaseOwner?: string;
  ticket?: Ticket;
  requestedBy?: User;
}

/**
 * A run row as it would stand in the given status, without its system events (tests and the
 * seed add those when they matter). Persisted, not flushed.
 */
export function makeRun(em: EntityManager, tenant: Tenant, tool: Tool, data: RunData = {}): AutomationRun {
  const createdAt = data.createdAt ?? new Date();
  const status = data.status ?? RunStatus.QUEUED;
  const run = em.create(AutomationRun, {
    tenant,
    tool,
    status,
    trigger: data.trigger ?? RunTrigger.USER,
    input: data.input ?? {},
    output: data.output,
    error: data.error,
    correlationId: data.correlationId ?? uuidv7(),
    attempts: data.attempts ?? (status === RunStatus.QUEUED ? 0 : 1),
    maxAttempts: data.maxAttempts ?? 3,
    nextAttemptAt: status === RunStatus.QUEUED ? (data.nextAttemptAt ?? createdAt) : data.nextAttemptAt,
    startedAt: data.startedAt,
    finishedAt: data.finishedAt,
    lockedUntil: data.lockedUntil,
    leaseOwner: data.leaseOwner,
    ticket: data.ticket,
    requestedBy: data.requestedBy,
    createdAt,
    updatedAt: data.finishedAt ?? data.startedAt ?? createdAt,
  });
  em.persist(run);
  return run;
}
