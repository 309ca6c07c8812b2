import { type ApolloClient, CombinedGraphQLErrors, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { HttpError } from 'ra-core';
import { httpStatusOf } from '../../../../server/src/common/error-codes';
import { errorCodeOf, fieldErrorsOf, messageOf } from '../../shared/errors';

/**
 * The HTTP-like status react-admin and its authProvider read: the server's own mapping of its
 * error codes (one definition, shared with the API), and 503 when the server was not reached.
 */
function statusOf(code: string): number {
  return code === 'NETWORK' ? 503 : httpStatusOf(code);
}

/** What a back-office error carries besides its message. */
export interface AdminErrorBody {
  code: string;
  /**
   * Present when the server named fields (BAD_USER_INPUT; CONFLICT over a taken value): react-admin's edit and create forms show
   * `errors[field]` next to the field and `errors.root.serverError` as the notification.
   */
  errors?: Record<string, string | { serverError: string }>;
}

/** The error type every back-office data provider rejects with. */
export type AdminHttpError = HttpError & { body: AdminErrorBody };

/**
 * One mapper from the API's coded errors to react-admin's HttpError: the server's own message
 * (react-admin notifies it), an HTTP-like status, and field errors where the server named fields.
 * `fieldNames` renames the API's input fields to the form's sources (e.g. roleId -> roleId).
 */
export function toHttpError(error: unknown, fieldNames: Record<string, string> = {}): AdminHttpError {
  if (error instanceof HttpError) return error;
  const apolloError = error instanceof Error ? error : null;
  const code = errorCodeOf(apolloError) ?? 'INTERNAL_SERVER_ERROR';
  const message = apolloError ? messageOf(apolloError) : 'Something went wrong.';
  const body: AdminErrorBody = { code };
  // BAD_USER_INPUT names the fields it refuses; a CONFLICT may name the field holding a taken value.
  const fields = fieldErrorsOf(apolloError);
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    body.errors = { root: { serverError: message } };
    for (const key of keys) body.errors[fieldNames[key] ?? key] = fields[key] ?? message;
  }
  return new HttpError(message, statusOf(code), body);
}

/** Code of an error a data provider rejected with (tests and components branch on it). */
export function adminErrorCode(error: unknown): string | null {
  if (error instanceof HttpError) {
    const body = error.body as Partial<AdminErrorBody> | null;
    return typeof body?.code === 'string' ? body.code : null;
  }
  return null;
}

/**
 * Runs a generated query without Apollo's cache (react-query, under react-admin, is the one
 * cache here) and turns any failure into an AdminHttpError.
 */
export async function runQuery<TData, TVariables extends OperationVariables>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal; partial?: boolean } = {},
): Promise<TData> {
  let result: ApolloClient.QueryResult<TData>;
  try {
    result = await client.query<TData, TVariables>({
      query,
      variables,
      fetchPolicy: 'no-cache',
      // `nodes` answers null for ids the caller cannot see, with a located error per id.
      errorPolicy: options.partial ? 'all' : 'none',
      context: options.signal ? { fetchOptions: { signal: options.signal } } : undefined,
    } as ApolloClient.QueryOptions<TData, TVariables>);
  } catch (err) {
    throw toHttpError(err);
  }
  if (result.data === undefined || result.data === null) throw toHttpError(result.error ?? new Error('The server sent no data.'));
  if (result.error && !(options.partial && CombinedGraphQLErrors.is(result.error))) throw toHttpError(result.error);
  return result.data;
}

/** Runs a generated mutation; failures become AdminHttpErrors (field names mapped for forms). */
export async function runMutation<TData, TVariables extends OperationVariables>(
  client: ApolloClient,
  mutation: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  fieldNames: Record<string, string> = {},
): Promise<TData> {
  let result: ApolloClient.MutateResult<TData>;
  try {
    result = await client.mutate<TData, TVariables>({ mutation, variables, fetchPolicy: 'no-cache' } as ApolloClient.MutateOptions<TData, TVariables>);
  } catch (err) {
    throw toHttpError(err, fieldNames);
  }
  if (result.error) throw toHttpError(result.error, fieldNames);
  if (result.data === undefined || result.data === null) throw toHttpError(new Error('The server sent no data.'));
  return result.data;
}
