import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import type { ErrorCode } from '../../../server/src/common/error-codes';

/** The server's closed set of error codes: the one definition, shared with the API. */
export type { ErrorCode };

export interface FieldError {
  field: string;
  message: string;
}

/** The first GraphQL error's `extensions.code`, or NETWORK when the server was not reached. */
export function errorCodeOf(error: ErrorLike | undefined | null): ErrorCode | 'NETWORK' | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? (code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
  }
  return 'NETWORK';
}

/** Per-field messages from a BAD_USER_INPUT error, keyed by the input field's name. */
export function fieldErrorsOf(error: ErrorLike | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    const fields = e.extensions?.fields;
    // "input.subject" and "subject" both address the subject field.
    const keyOf = (field: string) => field.split('.').pop() ?? field;
    if (Array.isArray(fields)) {
      for (const f of fields as unknown[]) {
        if (f && typeof f === 'object' && 'field' in f && 'message' in f) {
          const { field, message } = f as FieldError;
          out[keyOf(String(field))] ??= String(message);
        }
      }
    } else if (fields && typeof fields === 'object') {
      // The other shape a server may send: { newPassword: "message" }.
      for (const [field, message] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof message === 'string') out[keyOf(field)] ??= message;
      }
    }
  }
  return out;
}

/** The first GraphQL error's `extensions.reason` (MFA_REQUIRED, SIGN_IN_TO_ACCEPT, …), or null. */
export function reasonOf(error: ErrorLike | undefined | null): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : null;
}

/** A message fit to show a person: the server's own for coded errors, a plain one otherwise. */
export function messageOf(error: ErrorLike | undefined | null): string {
  if (!error) return '';
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Something went wrong.';
  return 'We could not reach Atrium. Check your connection and try again.';
}
