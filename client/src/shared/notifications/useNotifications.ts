import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { MARK_ALL_NOTIFICATIONS_READ_MUTATION, MARK_NOTIFICATION_READ_MUTATION, UNREAD_NOTIFICATION_COUNT_QUERY } from './notifications.graphql';

/** The operations that show the inbox: what to refetch when it changes. */
export const NOTIFICATION_QUERIES = ['UnreadNotificationCount', 'NotificationList'] as const;

/**
 * Brings every inbox query on screen up to date (the bell's count, an open list, the
 * notifications page). Call it when a notification arrives: this is what the live
 * `notificationReceived` subscription should trigger.
 */
export function refetchNotifications(client: ApolloClient): Promise<unknown> {
  return client.refetchQueries({ include: [...NOTIFICATION_QUERIES] });
}

/**
 * Keeps the inbox current while `enabled`. Today it refetches when the window regains focus or
 * the tab becomes visible again (never on an interval). The live subscription plugs in here:
 * subscribe to `notificationReceived` in this hook and call refetchNotifications(client) for each
 * event; every bell (portal and back office) already mounts it.
 */
export function useNotificationsLive(enabled: boolean): void {
  const client = useApolloClient();
  useEffect(() => {
    if (!enabled) return;
    const refresh = () => {
      if (document.visibilityState !== 'hidden') void refetchNotifications(client).catch(() => undefined);
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [client, enabled]);
}

/** The unread count, fetched on mount and again whenever `refreshKey` changes (e.g. the route). */
export function useUnreadNotificationCount(refreshKey?: string) {
  const result = useQuery(UNREAD_NOTIFICATION_COUNT_QUERY, { fetchPolicy: 'cache-and-network' });
  const first = useRef(true);
  const { refetch } = result;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch().catch(() => undefined);
  }, [refreshKey, refetch]);
  return result;
}

export function useMarkNotificationRead() {
  return useMutation(MARK_NOTIFICATION_READ_MUTATION, { refetchQueries: [...NOTIFICATION_QUERIES] });
}

export function useMarkAllNotificationsRead() {
  return useMutation(MARK_ALL_NOTIFICATIONS_READ_MUTATION, { refetchQueries: [...NOTIFICATION_QUERIES], awaitRefetchQueries: true });
}
