import { useMemo } from 'react';

/**
 * A refetch for changes announced live, one read at a time: a change announced while a read is
 * on its way is read again once that read has answered (any number of changes meanwhile make one
 * more read), so the newest answer is the one left in the cache.
 *
 * Calling `refetch` for each change instead goes wrong when changes come quickly: Apollo joins a
 * refetch to the identical request already in flight (in-flight deduplication), and that request
 * answers the state from before the change (a run page stayed "Running" after its run had
 * succeeded); sent apart, two reads may also answer out of order.
 */
export function serialRefetch(read: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      // A failed read shows through the query's own error state; the next change reads again.
      await read().catch(() => undefined);
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  };
}

/** serialRefetch for a component: one serialiser per `read` (a query's `refetch` keeps its identity). */
export function useSerialRefetch(read: () => Promise<unknown>): () => void {
  return useMemo(() => {
    const next = serialRefetch(read);
    return () => void next();
  }, [read]);
}
