import { ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { type Client, createClient } from 'graphql-ws';
import { NEVER } from 'rxjs';
import type { SessionStore } from '../session/session-store';

/** The WebSocket address of a GraphQL endpoint given as a path (same origin) or an http(s) URL. */
export function webSocketUrl(uri: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const absolute = /^https?:\/\//.test(uri) ? uri : `${location.protocol}//${location.host}${uri.startsWith('/') ? '' : '/'}${uri}`;
  return absolute.replace(/^http/, 'ws');
}

/** Waits before reconnect attempt `retries` (0-based): 1 s doubling to 30 s, with jitter. */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** retries);
  return Math.round(base / 2 + random() * (base / 2));
}

export interface LiveLink {
  link: ApolloLink;
  /** Set by the caller: runs after the socket came back from a drop (refetch what was missed). */
  onReconnected: (() => void) | null;
  client: Client | null;
}

/**
 * Subscriptions over WebSocket (graphql-ws at /graphql). The socket opens when the first
 * subscription starts, signs in with the current access token (refreshed first when it is about
 * to expire), reconnects with backoff after any drop (the server closes it when the token
 * expires or the session ends: the next attempt brings a fresh token), and stops trying once
 * signed out. Without WebSocket (component tests) subscriptions simply never deliver.
 */
export function createLiveLink(store: SessionStore, uri: string): LiveLink {
  const live: LiveLink = { link: new ApolloLink(() => NEVER), onReconnected: null, client: null };
  if (typeof WebSocket === 'undefined' || typeof window === 'undefined') return live;
  let connectedBefore = false;
  const client = createClient({
    url: webSocketUrl(uri),
    lazy: true,
    // Stay connected a little after the last subscription ends (page changes resubscribe at once).
    lazyCloseTimeout: 3000,
    retryAttempts: Infinity,
    shouldRetry: () => store.hasSession(),
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    connectionParams: async () => {
      const token = await store.validAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => {
        if (connectedBefore) live.onReconnected?.();
        connectedBefore = true;
      },
    },
  });
  // Another person or tenant (sign-in, switch, sign-out): the socket signs in again.
  let tenantId = store.getSnapshot().tenantId;
  let signedIn = store.getSnapshot().signedIn;
  store.subscribe((snapshot) => {
    if (snapshot.tenantId === tenantId && snapshot.signedIn === signedIn) return;
    tenantId = snapshot.tenantId;
    signedIn = snapshot.signedIn;
    client.terminate();
  });
  live.client = client;
  live.link = new GraphQLWsLink(client);
  return live;
}
