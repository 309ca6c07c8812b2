import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes';
import type { ErrorReason, ErrorReasonValue } from './error-reason';

export { type ErrorCode, httpStatusOf } from './error-codes';
export { ErrorReason, type ErrorReasonValue, isErrorReason } from './error-reason';

/** The Retry-After (seconds) an error's extensions ask for (RATE_LIMITED, SERVICE_UNAVAILABLE), or null. */
export function retryAfterOf(extensions: Readonly<Record<string, unknown>> | undefined): number | null {
  const value = extensions?.retryAfterSeconds;
  return typeof value === 'number' && value > 0 ? Math.ceil(value) : null;
}

/** What an AppError carries besides its code: a typed `reason` when there is one, plus details. */
export interface AppErrorExtensions {
  reason?: ErrorReasonValue;
  [detail: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failure whose message is safe to show to the caller. Services throw these; the one
 * error formatter turns them into GraphQL errors and masks everything else.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: AppErrorExtensions = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, { extensions: { ...this.extensions, code: this.code } });
  }
}

export const unauthenticated = (message = 'You must be signed in.', reason?: ErrorReasonValue) =>
  new AppError('UNAUTHENTICATED', message, reason ? { reason } : {});

export const forbidden = (message = 'You are not allowed to do this.', reason?: ErrorReasonValue) =>
  new AppError('FORBIDDEN', message, reason ? { reason } : {});

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found.`);

export const badInput = (message: string, fields?: FieldError[]) =>
  new AppError('BAD_USER_INPUT', message, fields ? { fields } : {});

export const conflict = (message: string, reason?: ErrorReasonValue) =>
  new AppError('CONFLICT', message, reason ? { reason } : {});

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    'RATE_LIMITED',
    retryAfterSeconds < 60
      ? `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds)} second(s).`
      : `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );

/**
 * The API cannot answer now (database unreachable, or the request ran out of its execution
 * budget): HTTP 503 with Retry-After. Nothing about the cause beyond the reason is shown.
 */
export const serviceUnavailable = (message: string, reason: ErrorReason.DATABASE_UNAVAILABLE | ErrorReason.EXECUTION_BUDGET_EXCEEDED, retryAfterSeconds: number) =>
  new AppError('SERVICE_UNAVAILABLE', message, { reason, retryAfterSeconds });
