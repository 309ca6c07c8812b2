import { type AppError, ErrorReason, serviceUnavailable } from './errors';

/** Messages of the pool and driver when PostgreSQL cannot be reached or does not answer. */
const UNREACHABLE_MESSAGES = [
  'Timeout acquiring a connection', // knex pool: every connection busy or none could be made
  'Query read timeout', // the pool's read watchdog (database/read-watchdog.ts): the server stopped answering
  'Connection terminated', // pg: the server went away (also "due to connection timeout")
  'timeout expired', // pg connectionTimeoutMillis
  'Client has encountered a connection error',
  'the database system is', // starting up / shutting down / in recovery mode
  // ioredis (the login limiter's store when REDIS_URL is set)
  'Reached the max retries per request limit',
  'Command timed out',
  'Connection is closed',
];

/** Network error codes of a server that cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "wrong request": connection exceptions
 * (08), too many connections, admin shutdown and crash recovery.
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '53300' || code === '57P01' || code === '57P02' || code === '57P03';
}

/** SQLSTATE 57014: a statement cancelled by statement_timeout, i.e. it ran past its share of the budget. */
const STATEMENT_TIMEOUT = '57014';

/**
 * What a database failure means for the caller: UNAVAILABLE (unreachable, overloaded, not
 * answering), TIMEOUT (a statement ran past statement_timeout), or null for anything else.
 */
export function classifyDatabaseFailure(err: unknown): 'UNAVAILABLE' | 'TIMEOUT' | null {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; previous?: unknown; originalError?: unknown };
    if (e.name === 'KnexTimeoutError' || e.name === 'MaxRetriesPerRequestError') return 'UNAVAILABLE';
    const code = typeof e.code === 'string' ? e.code : '';
    if (code === STATEMENT_TIMEOUT) return 'TIMEOUT';
    if (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code))) return 'UNAVAILABLE';
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.some((m) => (e.message as string).includes(m))) return 'UNAVAILABLE';
    current = e.previous ?? e.cause ?? e.originalError;
  }
  return null;
}

/**
 * The public error for a database failure that is not the caller's fault, or null when `err`
 * is no such failure: 503 with Retry-After, and nothing of the cause beyond the reason.
 */
export function unavailableErrorOf(err: unknown, retryAfterSeconds: number): AppError | null {
  const kind = classifyDatabaseFailure(err);
  if (kind === 'UNAVAILABLE') {
    return serviceUnavailable('The service is temporarily unavailable. Please try again shortly.', ErrorReason.DATABASE_UNAVAILABLE, retryAfterSeconds);
  }
  if (kind === 'TIMEOUT') {
    return serviceUnavailable('The request took too long and was stopped. Ask for less (smaller pages, fewer fields) or try again.', ErrorReason.EXECUTION_BUDGET_EXCEEDED, retryAfterSeconds);
  }
  return null;
}
