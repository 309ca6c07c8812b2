import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import type { GraphqlLimits } from '../config';
import { ErrorReason } from './error-reason';
import { DEFAULT_PAGE_SIZE } from './pagination/connection';

/**
 * What one GraphQL request may ask for, checked before anything runs. The values (config.ts,
 * README "Limits") start from graphql-armor's defaults and were set against every operation the
 * portal and back office send (a test walks them all):
 *
 * - depth 12 (armor: 6): `ticket → comments → edges → node → author → memberships → tenant` is
 *   already 7 with fragments flattened; 12 leaves room for the apps while a cycle such as
 *   Incident.tickets ↔ Ticket.incidents is cut long before it matters. Cost bounds the rest.
 * - aliases 30 (armor: 15): the dashboard asks each widget under its own alias.
 * - directives 50 (armor's default), tokens 3,000 (armor: 1,000; the largest app document
 *   has ~900), body 100 KB.
 * - cost 40,000: every object counts 1, leaves 0, and a connection multiplies what it selects by
 *   its page size (`first`/`last`, default 20), so `tickets(first: 100) { nodes { requester {…} } }`
 *   costs ~300, the back office's largest page (100 flags with their overrides) ~5,200, the ids
 *   of 100 comments on each of 100 tickets ~10,200, a correlation chain with its incidents'
 *   tenants ~31,200 (600 entries, each counted as the dearest kind), and any two nested levels of
 *   100-item pages with a few objects each, or the nested-comments attack (millions), are refused. Plain object lists declare their
 *   bound with type-graphql's `complexity` option (see `listCost`); one that does not is
 *   assumed to hold 100.
 */

/** Cost of a plain (non-connection) object list whose field declares no bound of its own. */
export const UNDECLARED_LIST_BOUND = 100;

/**
 * A type-graphql `complexity` for a field that returns at most `bound` objects: each costs what
 * it selects, plus one. Use it on every list field that is not a connection.
 */
export function listCost(bound: number) {
  return ({ childComplexity }: { childComplexity: number }) => 1 + bound * Math.max(childComplexity, 1);
}

function unwrapList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

function isConnectionType(name: string): boolean {
  return name.endsWith('Connection');
}

function pageSizeOf(args: Record<string, unknown>): number {
  const n = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  return Math.max(0, n);
}

/** Connections, object lists, objects and leaves; introspection is free (it is off in production). */
const shapeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const named = getNamedType(field.type);
  if (named.name.startsWith('__')) return 0;
  if (isLeafType(named)) return 0;
  // pageInfo is a fixed-size object of scalars.
  if (named.name === 'PageInfo') return 0;
  if (isObjectType(named) && isConnectionType(named.name)) return 1 + pageSizeOf(args) * childComplexity;
  // edges/nodes of a connection: the connection field above multiplies them by the page size.
  if (unwrapList(field.type)) return isConnectionType(type.name) ? 1 + childComplexity : 1 + UNDECLARED_LIST_BOUND * Math.max(childComplexity, 1);
  return 1 + childComplexity;
};

export const COST_ESTIMATORS: ComplexityEstimator[] = [fieldExtensionsEstimator(), shapeEstimator];

/** The estimated cost of one operation of `document` with its variables. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  try {
    return getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: COST_ESTIMATORS });
  } catch (err) {
    // Variables that do not fit their types: the caller's mistake, said the way execution would.
    if (err instanceof GraphQLError) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw err;
  }
}

/** A field's cost declaration, for tests that check every list declares one. */
export function declaresCost(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions.complexity !== undefined;
}

/**
 * graphql-armor's depth, alias and directive rules, each refusal tagged with a reason the
 * client can act on. Tokens are limited by graphql-js's own parser (Apollo's parseOptions) and
 * cost by `queryCost` after validation; field suggestions are hidden by Apollo in production.
 */
export function limitValidationRules(limits: GraphqlLimits): ValidationRule[] {
  // Report each refusal ourselves (as armor's Apollo adapter does), with a reason the client can act on.
  const tag = (reason: ErrorReason) => ({
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) => {
        ctx?.reportError(new GraphQLError(err.message, { extensions: { reason } }));
      },
    ],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...tag(ErrorReason.QUERY_TOO_DEEP) },
    maxAliases: { n: limits.maxAliases, allowList: [], ...tag(ErrorReason.TOO_MANY_ALIASES) },
    maxDirectives: { n: limits.maxDirectives, ...tag(ErrorReason.TOO_MANY_DIRECTIVES) },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
