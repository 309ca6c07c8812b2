import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';

/** What a tool handler gets: the run's input and an EntityManager pinned to the run's tenant. */
export interface ToolRunContext {
  /** Forked for this attempt, tenant filter set to the run's tenant: reads cannot leave it. */
  em: EntityManager;
  tenantId: string;
  runId: string;
  toolKey: string;
  input: Record<string, unknown>;
  correlationId: string;
  attempt: number;
  /** Aborted on cancellation, a lost lease, the run timeout or shutdown; long handlers should watch it. */
  signal: AbortSignal;
  logger: Logger;
}

export type ToolHandler = (ctx: ToolRunContext) => Promise<Record<string, unknown>>;

/** Handlers by tool key; a tool without one is catalog-only and its runs fail. */
export type ToolRegistry = ReadonlyMap<string, ToolHandler>;

/**
 * A failure whose message is safe to show on the run. Not retryable by default: the same input
 * would fail the same way. Anything else a handler throws is retried and shown generically.
 */
export class RunError extends Error {
  readonly retryable: boolean;

  constructor(message: string, opts: { retryable?: boolean } = {}) {
    super(message);
    this.name = 'RunError';
    this.retryable = opts.retryable ?? false;
  }
}
