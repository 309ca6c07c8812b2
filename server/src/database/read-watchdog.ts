/**
 * The client-side read timeout of the API's pooled connections: a PostgreSQL that stops
 * answering altogether (frozen, or cut off by a network partition) never enforces its own
 * statement_timeout, so the driver must give up on it.
 *
 * pg's `query_timeout` would do it, but it arms a timer per query whose closures hold the query,
 * its result and the caller's callback; however the timer is cleared, young objects it reached
 * survived minor GCs until the next full one (measured on Node 20 and 24 with pg 8.20: a quarter
 * of every result's bytes promoted to the old generation, 21 KB of each one-ticket read, which
 * is what made full collections frequent and the heap large under load).
 *
 * Here each watched connection carries only the time its current statement was sent (a number),
 * cleared when the answer arrives, and one timer for the whole process looks at every watched
 * connection a few times per limit. A connection that has waited past its limit is destroyed
 * with `Query read timeout` (database-unavailable.ts maps it to 503): its statements fail at
 * once, and the pool (knex marks a connection that errored as disposed) never hands it out
 * again, where pg's own timeout left the connection waiting behind the frozen server.
 */

/** What of a pg Client the watchdog uses. */
export interface WatchedClient {
  query(...args: unknown[]): unknown;
  on(event: 'end', listener: () => void): unknown;
  connection?: { stream?: { destroy(err?: Error): void } };
}

const SENT_AT = Symbol('statementSentAt');
const LIMIT_MS = Symbol('readTimeoutMs');
type Watched = WatchedClient & { [SENT_AT]: number; [LIMIT_MS]: number };

const watched = new Set<Watched>();
let timer: NodeJS.Timeout | undefined;
let tickMs = 1000;

/** The message a connection is destroyed with (also pg's own for its query_timeout). */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Watches one pooled connection: a statement (sent with a callback, as knex and the lean reads
 * send theirs) that has had no answer after `limitMs` destroys the connection. Statements sent
 * otherwise (streams, promises) are passed through unwatched.
 */
export function watchReads<T extends WatchedClient>(client: T, limitMs: number): T {
  const c = client as T & Watched;
  c[SENT_AT] = 0;
  c[LIMIT_MS] = limitMs;
  const query = client.query.bind(client);
  c.query = function watchedQuery(config: unknown, values?: unknown, callback?: unknown) {
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb !== 'function' || (config && typeof (config as { submit?: unknown }).submit === 'function')) {
      return query(config, values, callback);
    }
    c[SENT_AT] = performance.now();
    const done = (err: unknown, result: unknown) => {
      c[SENT_AT] = 0;
      (cb as (err: unknown, result: unknown) => void)(err, result);
    };
    return typeof values === 'function' ? query(config, done) : query(config, values, done);
  };
  watched.add(c);
  client.on('end', () => unwatch(c));
  tickMs = Math.min(tickMs, Math.max(50, Math.floor(limitMs / 4)));
  if (!timer) {
    timer = setInterval(sweep, tickMs);
    timer.unref();
  }
  return client;
}

function unwatch(c: Watched): void {
  watched.delete(c);
  if (watched.size === 0 && timer) {
    clearInterval(timer);
    timer = undefined;
    tickMs = 1000;
  }
}

/** Destroys every watched connection whose statement has waited past its limit. */
function sweep(): void {
  const now = performance.now();
  for (const c of watched) {
    const sent = c[SENT_AT];
    if (sent === 0 || now - sent < c[LIMIT_MS]) continue;
    c[SENT_AT] = 0;
    unwatch(c);
    c.connection?.stream?.destroy(new Error(READ_TIMEOUT_MESSAGE));
  }
}
