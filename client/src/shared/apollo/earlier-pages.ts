import type { FieldPolicy } from '@apollo/client';

interface ConnectionLike {
  nodes: readonly unknown[];
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * A connection read newest-last with `last`, where "show earlier" asks for `last` + `before`:
 * the earlier page goes in front of what is already shown. Any other read (first load, a
 * refetch after a change) replaces the list. `before` is not part of the cache key, so earlier
 * pages land in the same list; `first`, `last` and `after` are.
 */
export const earlierPagesPolicy: FieldPolicy<ConnectionLike> = {
  keyArgs: ['first', 'last', 'after'],
  merge(existing, incoming, { args }) {
    if (!existing || !args?.before) return incoming;
    return {
      ...incoming,
      nodes: [...incoming.nodes, ...existing.nodes],
      pageInfo: { ...existing.pageInfo, hasPreviousPage: incoming.pageInfo.hasPreviousPage, startCursor: incoming.pageInfo.startCursor },
    };
  },
};
