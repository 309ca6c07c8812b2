import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context/context';
import { authenticateDeferred } from '../context/create-context';
import { noteKeyForbidden } from '../modules/apikeys/api-key.refusals';
import { classifyDatabaseFailure, unavailableErrorOf } from './database-unavailable';
import { ErrorReason } from './error-reason';
import { isExpectedError } from './format-error';
import { AppError, retryAfterOf, serviceUnavailable } from './errors';
import { actualQueryCost, queryCost } from './query-limits';
import type { BucketIdentity, QueryThrottle, ThrottleStatus } from './throttle/throttle';

/** `extensions.cost` of every answer to a GraphQL operation while the throttle is on (Shopify's shape). */
export interface QueryCostExtension {
  requestedQueryCost: number;
  /** What the response really held; null when nothing ran (refused, or failed before execution). */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

export interface FrontDoorOptions {
  maxCost: number;
  retryAfterSeconds: number;
  /** The query-cost budgets (throttle/throttle.ts); null or absent: none. */
  throttle?: QueryThrottle | null;
}

/** What one request was charged, and to which buckets. */
interface Spent {
  readonly requested: number;
  readonly charged: BucketIdentity[];
  status: ThrottleStatus | null;
}

const rootTypeName = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** The field name behind a response key of the operation's root (an alias reads as its field). */
function rootFieldAt(operation: OperationDefinitionNode, key: string | number | undefined): string {
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && (selection.alias?.value ?? selection.name.value) === key) return selection.name.value;
  }
  return String(key ?? 'unknown');
}

const SECOND = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);

/**
 * The last checks before a validated operation runs, in order: its cost (refused with
 * BAD_USER_INPUT `QUERY_TOO_COMPLEX` before any SQL), the caller's query-cost budget (refused
 * with RATE_LIMITED `THROTTLED`, HTTP 429, before any SQL; see throttle/throttle.ts), then the
 * caller's session look-up (the context was built without it, see createDeferredContext).
 * Afterwards: the actual cost is refunded and reported in `extensions.cost`, any
 * SERVICE_UNAVAILABLE error makes the answer a 503 with Retry-After, and errors are logged with
 * the correlation id. Operations run without HTTP (`executeOperation`, /api/me) are not metered.
 */
export function frontDoorPlugin(opts: FrontDoorOptions): ApolloServerPlugin<Context> {
  const throttle = opts.throttle ?? null;

  const unavailable = (ctx: Context, err: unknown): GraphQLError => {
    ctx.logger.error({ err }, 'query throttle: store unavailable');
    return serviceUnavailable('The API cannot answer right now. Please try again shortly.', ErrorReason.DATABASE_UNAVAILABLE, opts.retryAfterSeconds).toGraphQLError();
  };

  return {
    async requestDidStart() {
      let spent: Spent | null = null;

      /** Charges `identity`; throws THROTTLED when its bucket cannot pay. */
      const charge = async (ctx: Context, s: Spent, identity: BucketIdentity) => {
        if (!throttle) return;
        let result;
        try {
          result = await throttle.charge(identity, s.requested);
        } catch (err) {
          throw unavailable(ctx, err);
        }
        s.status = result.status;
        if (result.allowed) {
          s.charged.push(identity);
          return;
        }
        const { retryAfterSeconds, status } = result;
        throw new GraphQLError(
          `This query costs ${s.requested} and your budget holds ${status.currentlyAvailable} of ${status.maximumAvailable} now; it refills ${status.restoreRate} a second. Try again in ${SECOND(retryAfterSeconds)}.`,
          {
            extensions: {
              code: 'RATE_LIMITED',
              reason: ErrorReason.THROTTLED,
              retryAfterSeconds,
              requestedQueryCost: s.requested,
              throttleStatus: status,
              http: { status: 429 },
            },
          },
        );
      };

      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const cost = queryCost(schema, document, request.variables, operationName);
          const http = request.http;
          const identity = throttle && http ? throttle.identify(http.headers.get('authorization'), contextValue.ip) : null;
          const s: Spent = { requested: Math.max(1, cost), charged: [], status: null };
          if (identity) spent = s;
          // A bucket can never pay more than it holds: its maximum caps the cost like GRAPHQL_MAX_COST.
          const maxCost = identity ? Math.min(opts.maxCost, identity.limits.maximumAvailable) : opts.maxCost;
          if (cost > maxCost) {
            if (identity && throttle) {
              // Nothing is charged; the status is the bucket's as it stands (a charge of 0).
              try {
                s.status = (await throttle.charge(identity, 0)).status;
              } catch (err) {
                throw unavailable(contextValue, err);
              }
            }
            throw new GraphQLError(`This query would cost ${cost}, more than the ${maxCost} a request may. Ask for smaller pages or fewer nested lists.`, {
              extensions: { code: 'BAD_USER_INPUT', reason: ErrorReason.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
            });
          }
          if (identity) await charge(contextValue, s, identity);
          try {
            await authenticateDeferred(contextValue);
          } catch (err) {
            const unavailableErr = unavailableErrorOf(err, opts.retryAfterSeconds);
            if (!unavailableErr) throw err;
            contextValue.logger.error({ err }, 'database unavailable while authenticating');
            throw unavailableErr.toGraphQLError();
          }
          // A key or session that did not authenticate pays from its address's bucket too: made-up
          // keys must not each bring a fresh bucket.
          if (throttle && identity && identity.kind !== 'address' && contextValue.authFailure) await charge(contextValue, s, throttle.address(contextValue.ip));
        },

        async didEncounterErrors({ contextValue, errors, operationName, operation }) {
          for (const err of errors) {
            const original = unwrapResolverError(err);
            // A key refused by a service (OWNER_ONLY, ESCALATION, ...) is audited like one refused
            // by a rule; a rule's own note came first, and the per-key throttle keeps it to one row.
            const refusal = original instanceof AppError ? original : err;
            if (contextValue.principal.kind === 'apiKey' && operation && (refusal instanceof AppError ? refusal.code : refusal.extensions.code) === 'FORBIDDEN') {
              const reason = typeof refusal.extensions?.reason === 'string' ? refusal.extensions.reason : ErrorReason.MISSING_PERMISSION;
              noteKeyForbidden(contextValue, reason, `${rootTypeName[operation.operation]}.${rootFieldAt(operation, err.path?.[0])}`);
            }
            if (classifyDatabaseFailure(original)) contextValue.logger.error({ err: original, operationName, path: err.path }, 'database unavailable');
            else if (!isExpectedError(err)) contextValue.logger.error({ err: original, operationName, path: err.path }, 'unexpected error');
          }
        },

        async willSendResponse({ response, schema, document, operation, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (spent && throttle) {
            const s = spent;
            // Executed (data present, even null): charge what came back. Refused or failed
            // before execution: nothing ran, so nothing is owed.
            const executed = result.data !== undefined && operation !== undefined && document !== undefined;
            const actual = executed && operation && document ? Math.max(1, actualQueryCost(schema, document, operation, result.data)) : null;
            const refund = s.requested - (actual ?? 0);
            if (s.charged.length && refund > 0) {
              // Not awaited, so the answer does not wait for a second round trip: the store applies
              // each caller's commands in order (one Redis connection per instance), so the next
              // charge from this instance already sees the refund. Failing, the bucket keeps the
              // charge and refills on its own.
              for (const identity of s.charged) {
                throttle.refund(identity, refund).catch((err: unknown) => contextValue.logger.error({ err }, 'query throttle: refund failed'));
              }
              // What the bucket holds after the refund (as charged, plus the refund, up to its maximum).
              if (s.status && actual !== null) s.status = { ...s.status, currentlyAvailable: Math.min(s.status.maximumAvailable, s.status.currentlyAvailable + refund) };
            }
            const cost: QueryCostExtension = { requestedQueryCost: s.requested, actualQueryCost: actual, throttleStatus: s.status };
            result.extensions = { ...result.extensions, cost };
          }

          const errors = result.errors ?? [];
          // Any error that asks the caller to wait (RATE_LIMITED, SERVICE_UNAVAILABLE) says so in the header too.
          const waits = errors.map((e) => retryAfterOf(e.extensions)).filter((s): s is number => s !== null);
          if (waits.length) response.http.headers.set('retry-after', String(Math.max(...waits)));
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            if (!waits.length) response.http.headers.set('retry-after', String(opts.retryAfterSeconds));
          }
        },
      };
    },
  };
}
