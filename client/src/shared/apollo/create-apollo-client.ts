import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createSessionLink } from '../session/session-link';
import { earlierPagesPolicy } from './earlier-pages';
import type { SessionStore } from '../session/session-store';

export interface ApolloClientOptions {
  store: SessionStore;
  /** GraphQL endpoint; same origin in production and behind the dev server's proxy. */
  uri?: string;
  /** For tests: a fetch that answers without a network. */
  fetch?: typeof fetch;
}

/** One Apollo client per app: the session link in front of plain HTTP. */
export function createApolloClient({ store, uri = '/graphql', fetch: fetchImpl }: ApolloClientOptions): ApolloClient {
  return new ApolloClient({
    link: createSessionLink(store).concat(new HttpLink({ uri, ...(fetchImpl ? { fetch: fetchImpl } : {}) })),
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
}
