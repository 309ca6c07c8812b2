import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { SessionStore } from './session-store';

/** Operations that never carry a token and never trigger a refresh. */
const PUBLIC_OPERATIONS = new Set(['Login', 'RefreshSession']);

type Attempt = { result: ApolloLink.Result; error?: undefined; unauthenticated: boolean } | { result?: undefined; error: unknown; unauthenticated: boolean };

function hasUnauthenticated(result: ApolloLink.Result): boolean {
  return result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

function isUnauthorizedStatus(error: unknown): boolean {
  return ServerError.is(error) && error.statusCode === 401;
}

function replay(attempt: Attempt): Observable<ApolloLink.Result> {
  return attempt.error !== undefined ? throwError(() => attempt.error) : of(attempt.result as ApolloLink.Result);
}

/**
 * The auth link: sends the in-memory access token; when the server answers UNAUTHENTICATED it
 * refreshes once (shared with every other request waiting on it) and retries once. When the
 * refresh is refused, the store signs out and the original answer goes through unchanged.
 */
export function createSessionLink(store: SessionStore): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return forward(operation);

    const send = (token: string | null): Observable<ApolloLink.Result> => {
      operation.setContext((previous: { headers?: Record<string, string> }) => {
        const headers: Record<string, string> = { ...previous.headers };
        if (token) headers.authorization = `Bearer ${token}`;
        else delete headers.authorization;
        return { headers };
      });
      return forward(operation);
    };

    const attempt = (token: string | null): Observable<Attempt> =>
      send(token).pipe(
        mergeMap((result) => of<Attempt>({ result, unauthenticated: hasUnauthenticated(result) })),
        catchError((error: unknown) => of<Attempt>({ error, unauthenticated: isUnauthorizedStatus(error) })),
      );

    return from(store.validAccessToken()).pipe(
      mergeMap((token) =>
        attempt(token).pipe(
          mergeMap((first) => {
            if (!first.unauthenticated || !store.hasSession()) return replay(first);
            return from(store.renew(token)).pipe(mergeMap((renewed) => (renewed ? send(renewed) : replay(first))));
          }),
        ),
      ),
    );
  });
}
