import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { NEVER } from 'rxjs';
import { createLiveLink } from './live-link';
import { createSessionLink } from '../session/session-link';
import { earlierPagesPolicy } from './earlier-pages';
import type { SessionStore } from '../session/session-store';

export interface ApolloClientOptions {
  store: SessionStore;
  /** GraphQL endpoint; same origin in production and behind the dev server's proxy. */
  uri?: string;
  /** For tests: a fetch that answers without a network. */
  fetch?: typeof fetch;
  /** For tests: where subscriptions go instead of the WebSocket (with `fetch`: silent unless given). */
  subscriptions?: ApolloLink;
}

/**
 * One Apollo client per app: subscriptions over WebSocket (live-link.ts), everything else through
 * the session link over plain HTTP. After the socket comes back from a drop, the active queries
 * are fetched again, so what happened meanwhile shows.
 */
export function createApolloClient({ store, uri = '/graphql', fetch: fetchImpl, subscriptions }: ApolloClientOptions): ApolloClient {
  const http = createSessionLink(store).concat(new HttpLink({ uri, ...(fetchImpl ? { fetch: fetchImpl } : {}) }));
  // A test's fake fetch has no socket beside it: subscriptions then stay silent.
  const live = fetchImpl ? null : createLiveLink(store, uri);
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
  };
  const link = ApolloLink.split(isSubscription, subscriptions ?? live?.link ?? new ApolloLink(() => NEVER), http);
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Singletons without ids: replaced whole, never merged field by field.
        Me: { keyFields: false, merge: false },
        EvaluatedFlag: { keyFields: false },
        // A ticket's conversation: newest comments first load, "show earlier" prepends.
        Ticket: { fields: { comments: earlierPagesPolicy } },
      },
    }),
  });
  if (live) live.onReconnected = () => void client.refetchObservableQueries();
  return client;
}
