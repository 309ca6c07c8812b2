import type { ApolloClient } from '@apollo/client';
import { type AuthProvider, HttpError, type UserIdentity } from 'ra-core';
import { errorCodeOf, messageOf } from '../../shared/errors';
import { canAccessWith } from './access';
import { createSessionActions, type Me, type SessionStore } from '../../shared/session';

export const STAFF_ONLY_MESSAGE = 'The back office is for Atrium staff only. Customers sign in to the portal.';

/** A refusal from the auth provider: final, so react-admin's queries do not retry it. */
export class AuthError extends Error {
  override name = 'AuthError';
}

/** True for platform staff (support, compliance, superadmin); customers are refused. */
export function isStaff(me: Me): boolean {
  return me.staffRole !== null && me.staffRole !== undefined;
}

/**
 * react-admin's authProvider on the shared session layer: the same store, refresh and logout
 * as the portal, but it admits staff only. A customer who signs in here is signed out again
 * at once and told where to go instead.
 */
export function createAuthProvider(client: ApolloClient, store: SessionStore): AuthProvider {
  const session = createSessionActions(client, store);

  const staffMe = async (): Promise<Me> => {
    // Signed out: say so at once rather than asking the server.
    if (!store.hasSession()) throw new AuthError('Please sign in.');
    const me = await session.fetchMe();
    if (!isStaff(me)) {
      await session.logout();
      throw new AuthError(STAFF_ONLY_MESSAGE);
    }
    return me;
  };

  return {
    /** `otp`: the authenticator or recovery code, sent again with the password after MFA_REQUIRED. */
    async login(params: { username?: string; email?: string; password?: string; otp?: string }) {
      const email = (params.email ?? params.username ?? '').trim();
      try {
        await session.login({ email, password: params.password ?? '', ...(params.otp ? { otp: params.otp } : {}) });
      } catch (err) {
        throw new AuthError(messageOf(err instanceof Error ? err : new Error(String(err))), { cause: err });
      }
      await staffMe();
    },
    async logout() {
      await session.logout();
    },
    async checkAuth() {
      if (!store.hasSession()) {
        // react-admin reads { message: false } as "go to the login page without a notification".
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        return Promise.reject({ message: false });
      }
      await staffMe();
    },
    async checkError(error: unknown) {
      // Only a refused session signs out; FORBIDDEN and the rest are shown, not fatal. Data
      // providers reject with HttpError (status 401 for UNAUTHENTICATED); Apollo errors keep their code.
      const unauthenticated = error instanceof HttpError ? error.status === 401 : errorCodeOf(error instanceof Error ? error : null) === 'UNAUTHENTICATED';
      if (unauthenticated && !store.hasSession()) throw new AuthError('Your session has ended.');
    },
    async getIdentity(): Promise<UserIdentity> {
      const me = await staffMe();
      return { id: me.user.id, fullName: me.user.name, email: me.user.email, staffRole: me.staffRole };
    },
    async getPermissions() {
      const me = await staffMe();
      return me.permissions;
    },
    /** Hides menu entries, buttons and pages a staff role cannot use (see access.ts). */
    async canAccess({ resource, action }: { resource: string; action: string }) {
      if (!store.hasSession()) return false;
      const me = await staffMe();
      return canAccessWith(me.permissions, resource, action);
    },
  };
}
