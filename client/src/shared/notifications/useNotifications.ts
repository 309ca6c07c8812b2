import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { useSerialRefetch } from '../apollo/serial-refetch';
import { MARK_ALL_NOTIFICATIONS_READ_MUTATION, MARK_NOTIFICATION_READ_MUTATION, NOTIFICATION_RECEIVED_SUBSCRIPTION, UNREAD_NOTIFICATION_COUNT_QUERY } from './notifications.graphql';

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
 * Keeps the inbox current while `enabled`: each `notificationReceived` event (over the app's
 * WebSocket, which refetches what it missed after a drop) refetches the inbox queries on screen,
 * and so does the window regaining focus. Never on an interval. Every bell (portal and back
 * office) mounts it.
 */
export function useNotificationsLive(enabled: boolean): void {
  const client = useApolloClient();
  const readAgain = useSerialRefetch(useCallback(() => refetchNotifications(client), [client]));
  useSubscription(NOTIFICATION_RECEIVED_SUBSCRIPTION, { skip: !enabled, onData: readAgain });
  useEffect(() => {
    if (!enabled) return;
    const refresh = () => {
      if (document.visibilityState !== 'hidden') readAgain();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [readAgain, enabled]);
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
