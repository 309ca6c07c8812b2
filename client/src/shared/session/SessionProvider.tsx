import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { SESSION_ME_QUERY } from './session.documents';
import { createSessionActions, type Me, type SessionActions } from './session-actions';
import type { SessionSnapshot, SessionStore } from './session-store';

export interface Session extends SessionActions {
  store: SessionStore;
  snapshot: SessionSnapshot;
  /** 'loading' until `me` is known; guards wait for it. */
  status: 'loading' | 'signed-in' | 'signed-out';
  me: Me | null;
  /** Why `me` could not be loaded (a network failure, say), while a session is stored. */
  meError: ErrorLike | null;
  /** True when the caller holds the permission where they act now. */
  can(permission: string): boolean;
  /** Reloads `me` (after a role or profile change). */
  reloadMe(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}

/**
 * Makes the session store visible to React: who is signed in (`me`), what they may do, and
 * the session actions. The Apollo cache is emptied when the user signs out or the tenant
 * changes (also from another tab), so one person's data never shows in another's screens.
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const client = useApolloClient();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const { data, error, refetch } = useQuery(SESSION_ME_QUERY, { skip: !snapshot.signedIn });
  const actions = useMemo(() => createSessionActions(client, store), [client, store]);

  useEffect(() => store.listenToOtherTabs(), [store]);

  const previous = useRef(snapshot);
  useEffect(() => {
    const before = previous.current;
    previous.current = snapshot;
    if (before.signedIn && !snapshot.signedIn) void client.clearStore();
    else if (before.signedIn && snapshot.signedIn && before.tenantId !== snapshot.tenantId) void client.resetStore();
  }, [client, snapshot]);

  const me = snapshot.signedIn && data ? data.me : null;
  // An error with a session still stored (a network failure, say) keeps 'loading' out of the
  // way: the guard shows it with a retry rather than signing anyone out.
  const status: Session['status'] = !snapshot.signedIn ? 'signed-out' : me ? 'signed-in' : 'loading';

  const value = useMemo<Session>(() => {
    const permissions = new Set(me?.permissions ?? []);
    return {
      ...actions,
      switchTenant: async (tenantId: string) => {
        // The switch resets the cache itself; do not reset it twice.
        previous.current = { ...previous.current, tenantId };
        await actions.switchTenant(tenantId);
      },
      startSession: async (payload) => {
        // It empties the cache itself; a reset on top would cancel its own `me` request.
        previous.current = { ...previous.current, signedIn: true, tenantId: payload.tenant?.id ?? null };
        return actions.startSession(payload);
      },
      store,
      snapshot,
      status,
      me,
      meError: error ?? null,
      can: (p: string) => permissions.has(p),
      reloadMe: async () => {
        await refetch();
      },
    };
  }, [actions, store, snapshot, status, me, error, refetch]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
