import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ErrorReason, serviceUnavailable } from './errors';

/**
 * A request's execution budget. Every SQL statement the API sends asks `checkBudget()` first
 * (the ORM's onQuery hook), so once the budget is spent, or the client has gone away, no more
 * database work starts for that request: resolvers that need data fail fast with
 * SERVICE_UNAVAILABLE (reason EXECUTION_BUDGET_EXCEEDED) and the rest of the response follows.
 * A statement already running is cut off by PostgreSQL's statement_timeout (orm.config.ts).
 *
 * graphql-js cannot interrupt a resolver; checking at the SQL boundary costs nothing per field,
 * and what a request can do between two statements is bounded by the query cost limit.
 */
export class RequestBudget {
  readonly deadline: number;
  private stopped: 'TIMEOUT' | 'CLIENT_GONE' | null = null;

  constructor(
    readonly budgetMs: number,
    private readonly retryAfterSeconds: number,
    now = Date.now(),
  ) {
    this.deadline = now + budgetMs;
  }

  /** The client closed the connection: nobody will read the answer, so stop working on it. */
  abandon(): void {
    this.stopped ??= 'CLIENT_GONE';
  }

  /** Why the request may do no more work, or null while it may. */
  get exhausted(): 'TIMEOUT' | 'CLIENT_GONE' | null {
    if (!this.stopped && Date.now() > this.deadline) this.stopped = 'TIMEOUT';
    return this.stopped;
  }

  /** Throws SERVICE_UNAVAILABLE (EXECUTION_BUDGET_EXCEEDED) once the budget is spent. */
  check(): void {
    if (this.exhausted) {
      throw serviceUnavailable(
        `The request took longer than ${this.budgetMs} ms and was stopped. Ask for less (smaller pages, fewer fields) or try again.`,
        ErrorReason.EXECUTION_BUDGET_EXCEEDED,
        this.retryAfterSeconds,
      );
    }
  }
}

const storage = new AsyncLocalStorage<RequestBudget>();

/** The budget of the request this code runs for, if any (jobs and the CLI have none). */
export function currentBudget(): RequestBudget | undefined {
  return storage.getStore();
}

/** Called before every SQL statement: refuses it when the current request's budget is spent. */
export function checkBudget(): void {
  storage.getStore()?.check();
}

/** Runs `fn` inside a budget (for callers outside Express, e.g. tests and jobs that want one). */
export function withBudget<T>(budget: RequestBudget, fn: () => T): T {
  return storage.run(budget, fn);
}

/**
 * Express middleware: gives the rest of the request's handling a budget. Mount it after the
 * body parser (stream callbacks do not carry async context) and before the handler.
 */
export function requestBudget(opts: { budgetMs: number; retryAfterSeconds: number }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const budget = new RequestBudget(opts.budgetMs, opts.retryAfterSeconds);
    res.on('close', () => {
      if (!res.writableFinished) budget.abandon();
    });
    storage.run(budget, next);
  };
}
