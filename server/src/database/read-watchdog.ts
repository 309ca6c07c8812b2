/**
 * The client-side read timeout of the API's pooled connections: a PostgreSQL that stops
 * answering altogether (frozen, or cut off by a network partition) never enforces its own
 * statement_timeout, so the driver must give up on it.
 *
 * pg's `query_timeout` would do it, but it arms a timer per query whose closures hold the query,
 * its result and the caller's callback; however the timer is cleared, young objects it reached
 * survived minor GCs until the next full one (measured on Node 20 and 24 with pg 8.20: 21 KB of
 * each one-ticket read and 28 KB of each page of 50 tickets promoted to the old generation, which
 * made full collections frequent and the heap large under load).
 *
 * Here each watched connection carries two numbers: how many of its statements await an answer,
 * and when it last made progress (a statement sent to an idle connection, or an answer received).
 * One timer for the whole process looks at every watched connection a few times per limit. A
 * connection with statements pending and no progress for longer than its limit is destroyed with
 * `Query read timeout` (database-unavailable.ts maps it to 503): its statements fail at once, and
 * the pool (knex marks a connection that errored as disposed) never hands it out again, where
 * pg's own timeout left the connection waiting behind the frozen server.
 */

/** What of a pg Client the watchdog uses. */
export interface WatchedClient {
  query(...args: unknown[]): unknown;
  on(event: 'end', listener: () => void): unknown;
  connection?: { stream?: { destroy(err?: Error): void } };
}

const PENDING = Symbol('statementsPending');
const PROGRESS_AT = Symbol('lastProgressAt');
const LIMIT_MS = Symbol('readTimeoutMs');
type Watched = WatchedClient & { [PENDING]: number; [PROGRESS_AT]: number; [LIMIT_MS]: number };

const watched = new Set<Watched>();
let timer: NodeJS.Timeout | undefined;
let tickMs = 0;

/** The message a connection is destroyed with (also pg's own for its query_timeout). */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Watches one pooled connection: once statements sent with a callback (as knex and the lean
 * reads send theirs) have had no answer for `limitMs`, the connection is destroyed. Statements
 * sent otherwise (streams, promises) pass through unwatched.
 */
export function watchReads<T extends WatchedClient>(client: T, limitMs: number): T {
  const c = client as T & Watched;
  c[PENDING] = 0;
  c[PROGRESS_AT] = 0;
  c[LIMIT_MS] = limitMs;
  const query = client.query.bind(client);
  c.query = function watchedQuery(config: unknown, values?: unknown, callback?: unknown) {
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb !== 'function' || (config && typeof (config as { submit?: unknown }).submit === 'function')) {
      return query(config, values, callback);
    }
    if (c[PENDING]++ === 0) c[PROGRESS_AT] = performance.now();
    const done = (err: unknown, result: unknown) => {
      c[PENDING]--;
      c[PROGRESS_AT] = performance.now();
      (cb as (err: unknown, result: unknown) => void)(err, result);
    };
    return typeof values === 'function' ? query(config, done) : query(config, values, done);
  };
  watched.add(c);
  client.on('end', () => unwatch(c));
  // A few looks per limit (at least every second, at most every 50 ms).
  const wanted = Math.min(1000, Math.max(50, Math.floor(limitMs / 4)));
  if (!timer || wanted < tickMs) {
    clearInterval(timer);
    tickMs = wanted;
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
  }
}

/** Destroys every watched connection that has waited for an answer past its limit. */
function sweep(): void {
  const now = performance.now();
  for (const c of watched) {
    if (c[PENDING] === 0 || now - c[PROGRESS_AT] < c[LIMIT_MS]) continue;
    unwatch(c);
    c.connection?.stream?.destroy(new Error(READ_TIMEOUT_MESSAGE));
  }
}
