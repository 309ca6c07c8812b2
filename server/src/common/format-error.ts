import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { unavailableErrorOf } from './database-unavailable';
import { ErrorReason, isErrorReason } from './error-reason';
import { AppError, type ErrorCode, type FieldError } from './errors';

const PUBLIC_CODES = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/** graphql-js's parser refusing a document over Apollo's parseOptions.maxTokens. */
const TOO_MANY_TOKENS = /Document contains more (than|that) \d+ tokens/;

/** Apollo's own request errors are all about the caller's document or variables. */
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** The reason a request error answers with: Apollo's own code, named in ErrorReason. */
const REQUEST_REASONS: Partial<Record<string, ErrorReason>> = {
  GRAPHQL_PARSE_FAILED: ErrorReason.GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED: ErrorReason.GRAPHQL_VALIDATION_FAILED,
  BAD_REQUEST: ErrorReason.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorReason.OPERATION_RESOLUTION_FAILURE,
  PERSISTED_QUERY_NOT_FOUND: ErrorReason.PERSISTED_QUERY_NOT_FOUND,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorReason.PERSISTED_QUERY_NOT_SUPPORTED,
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.';

function validationFields(err: ArgumentValidationError): FieldError[] {
  const out: FieldError[] = [];
  const walk = (errors: typeof err.extensions.validationErrors, prefix: string) => {
    for (const e of errors) {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
      if (e.children?.length) walk(e.children, field);
    }
  };
  walk(err.extensions.validationErrors, '');
  return out;
}

/** True when the error is one we made on purpose and its message is safe to show. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError) return true;
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    return typeof code === 'string' && (PUBLIC_CODES.has(code as ErrorCode) || REQUEST_CODES.has(code)) && code !== 'INTERNAL_SERVER_ERROR';
  }
  return false;
}

/**
 * The one error mapper: typed errors keep their code and message, request errors become
 * BAD_USER_INPUT, and anything else is masked (logged elsewhere with the correlation id).
 * Development mode adds the original message and stack under extensions.debug.
 */
export function createFormatError(opts: { development: boolean; retryAfterSeconds: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const known = original instanceof AppError ? original : unavailableErrorOf(original, opts.retryAfterSeconds);
    if (known) {
      return { ...base, message: known.message, extensions: { ...known.extensions, code: known.code } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = validationFields(original);
      const message = fields[0]?.message ? `Invalid input: ${fields.map((f) => f.message).join(' ')}` : 'Invalid input.';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code as ErrorCode) && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...base, message: formatted.message, extensions: { ...formatted.extensions, code } };
    }
    if (typeof code === 'string' && REQUEST_CODES.has(code)) {
      // A reason set by a limit (QUERY_TOO_DEEP, TOO_MANY_ALIASES, ...) says more than Apollo's code.
      const tagged = formatted.extensions?.reason;
      const reason = isErrorReason(tagged) ? tagged : TOO_MANY_TOKENS.test(formatted.message) ? ErrorReason.QUERY_TOO_LARGE : (REQUEST_REASONS[code] ?? ErrorReason.BAD_REQUEST);
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT', reason } };
    }
    const debug = opts.development && original instanceof Error ? { message: original.message, stack: original.stack?.split('\n') } : undefined;
    return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(debug ? { debug } : {}) } };
  };
}
