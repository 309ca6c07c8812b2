import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Context } from '../context/context';
import { authenticateDeferred } from '../context/create-context';
import { classifyDatabaseFailure, unavailableErrorOf } from './database-unavailable';
import { ErrorReason } from './error-reason';
import { isExpectedError } from './format-error';
import { retryAfterOf } from './errors';
import { queryCost } from './query-limits';

/**
 * The last checks before a validated operation runs, in order: its cost (refused with
 * BAD_USER_INPUT `QUERY_TOO_COMPLEX` before any SQL), then the caller's session look-up (the
 * context was built without it, see createDeferredContext). Afterwards: any SERVICE_UNAVAILABLE
 * error makes the answer a 503 with Retry-After, and errors are logged with the correlation id.
 */
export function frontDoorPlugin(opts: { maxCost: number; retryAfterSeconds: number }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const cost = queryCost(schema, document, request.variables, operationName);
          if (cost > opts.maxCost) {
            throw new GraphQLError(`This query would cost ${cost}, more than the ${opts.maxCost} a request may. Ask for smaller pages or fewer nested lists.`, {
              extensions: { code: 'BAD_USER_INPUT', reason: ErrorReason.QUERY_TOO_COMPLEX, cost, maxCost: opts.maxCost, http: { status: 400 } },
            });
          }
          try {
            await authenticateDeferred(contextValue);
          } catch (err) {
            const unavailable = unavailableErrorOf(err, opts.retryAfterSeconds);
            if (!unavailable) throw err;
            contextValue.logger.error({ err }, 'database unavailable while authenticating');
            throw unavailable.toGraphQLError();
          }
        },

        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const err of errors) {
            const original = unwrapResolverError(err);
            if (classifyDatabaseFailure(original)) contextValue.logger.error({ err: original, operationName, path: err.path }, 'database unavailable');
            else if (!isExpectedError(err)) contextValue.logger.error({ err: original, operationName, path: err.path }, 'unexpected error');
          }
        },

        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
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
