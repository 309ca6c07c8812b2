import type { ApolloClient } from '@apollo/client';
import type { SessionMeQuery } from '../../gql/graphql';
import { LOGIN_MUTATION, LOGOUT_MUTATION, SESSION_ME_QUERY, SWITCH_TENANT_MUTATION } from './session.documents';
import type { SessionStore, SessionTokens } from './session-store';

export type Me = SessionMeQuery['me'];

export interface LoginInput {
  email: string;
  password: string;
  tenantSlug?: string;
  /** A TOTP code or a recovery code, when the server answered MFA_REQUIRED. */
  otp?: string;
}

/** What login, acceptInvitation and the like answer: tokens for a session. */
export interface TokenPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  tenant?: { id: string } | null;
}

const tokensOf = (p: TokenPayload): SessionTokens => ({
  accessToken: p.accessToken,
  accessTokenExpiresAt: p.accessTokenExpiresAt,
  refreshToken: p.refreshToken,
  tenantId: p.tenant?.id ?? null,
});

/**
 * Sign-in, sign-out, tenant switch and `me`, without React: the portal's SessionProvider and
 * the back office's authProvider both call these, so both apps end sessions the same way.
 */
export interface SessionActions {
  login(input: LoginInput): Promise<Me>;
  /** Takes over tokens another operation answered (acceptInvitation), as a sign-in would. */
  startSession(payload: TokenPayload): Promise<Me>;
  logout(): Promise<void>;
  switchTenant(tenantId: string): Promise<void>;
  /** `me` from the cache when known, else from the server. */
  fetchMe(options?: { fresh?: boolean }): Promise<Me>;
}

export function createSessionActions(client: ApolloClient, store: SessionStore): SessionActions {
  const fetchMe: SessionActions['fetchMe'] = async ({ fresh = false } = {}) => {
    const { data } = await client.query({ query: SESSION_ME_QUERY, fetchPolicy: fresh ? 'network-only' : 'cache-first' });
    if (!data) throw new Error('The server did not say who you are.');
    return data.me;
  };
  return {
    fetchMe,
    async login(input) {
      const { data } = await client.mutate({ mutation: LOGIN_MUTATION, variables: { input } });
      if (!data) throw new Error('The server did not answer the sign-in.');
      await client.clearStore();
      store.setTokens(tokensOf(data.login));
      return fetchMe();
    },
    async startSession(payload) {
      await client.clearStore();
      store.setTokens(tokensOf(payload));
      return fetchMe();
    },
    async logout() {
      if (store.hasSession()) {
        // Best effort: the local session ends even when the server cannot be told.
        await client.mutate({ mutation: LOGOUT_MUTATION }).catch(() => undefined);
      }
      store.clear('logout');
      await client.clearStore();
    },
    async switchTenant(tenantId) {
      const { data } = await client.mutate({ mutation: SWITCH_TENANT_MUTATION, variables: { tenantId } });
      if (!data) throw new Error('The server did not answer the tenant switch.');
      store.setTokens(tokensOf(data.switchTenant));
      await client.resetStore();
    },
  };
}
