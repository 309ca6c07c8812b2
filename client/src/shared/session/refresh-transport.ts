import { print } from 'graphql';
import { REFRESH_SESSION_MUTATION } from './session.documents';
import type { RefreshOutcome, RefreshTransport } from './session-store';

type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string; credentials?: RequestCredentials }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

interface RefreshResponse {
  data?: { refreshSession?: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string; tenant: { id: string } | null } | null } | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

const REFRESH_QUERY = print(REFRESH_SESSION_MUTATION);

/**
 * Calls refreshSession with a plain fetch, outside the Apollo link chain (which would otherwise
 * try to refresh its own refresh). A GraphQL error is a definitive "no": the session is over.
 * A network failure or a 5xx throws, so a flaky connection does not sign anyone out.
 */
export function createRefreshTransport(uri: string, fetchImpl: FetchLike = (input, init) => fetch(input, init)): RefreshTransport {
  return async (refreshToken): Promise<RefreshOutcome> => {
    const res = await fetchImpl(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ operationName: 'RefreshSession', query: REFRESH_QUERY, variables: { refreshToken } }),
      credentials: 'same-origin',
    });
    if (res.status >= 500) throw new Error(`Refreshing the session failed with status ${res.status}.`);
    const body = (await res.json()) as RefreshResponse;
    const payload = body.data?.refreshSession;
    if (payload) {
      return {
        ok: true,
        tokens: {
          accessToken: payload.accessToken,
          accessTokenExpiresAt: payload.accessTokenExpiresAt,
          refreshToken: payload.refreshToken,
          tenantId: payload.tenant?.id ?? null,
        },
      };
    }
    const error = body.errors?.[0];
    if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR' || error?.extensions?.code === 'RATE_LIMITED') {
      throw new Error(error.message ?? 'Refreshing the session failed.');
    }
    return { ok: false, message: error?.message ?? 'Your session has ended. Please sign in again.' };
  };
}
