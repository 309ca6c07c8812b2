import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
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

/*
 * Estimates by document (Apollo hands every request with the same text the same parsed
 * document), operation and variables: a client repeating its queries pays the walk once. At most
 * MAX_COSTS_PER_DOCUMENT variable sets (each under MAX_COST_KEY_LENGTH) are kept per document;
 * past that the document's are dropped.
 */
const MAX_COSTS_PER_DOCUMENT = 256;
const MAX_COST_KEY_LENGTH = 1024;
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

/** The estimated cost of one operation of `document` with its variables. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap<DocumentNode, Map<string, number>>()));
  let known = bySchema.get(document);
  if (!known) bySchema.set(document, (known = new Map<string, number>()));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const cost = estimate(schema, document, variables, operationName);
  // Large variables (a ticket's body, a run's input) are not worth keeping as a key.
  if (key.length > MAX_COST_KEY_LENGTH) return cost;
  if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
  return cost;
}

function estimate(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  try {
    return getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: COST_ESTIMATORS });
  } catch (err) {
    // Variables that do not fit their types: the caller's mistake, said the way execution would.
    if (err instanceof GraphQLError) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw err;
  }
}

/*
 * The actual cost: the same weights, counted on what the response really holds. A connection
 * is charged per item it returned instead of per item it could have (its page size), a plain
 * list per item instead of its bound; an object that came back null costs nothing. For a
 * response of full pages the two agree; with fewer items the actual cost is lower, and the
 * throttle refunds the difference. One walk over the response data, no per-field hooks.
 */

/** How a selected field counts (the estimator's cases). */
type FieldRule = 'object' | 'connection' | 'connectionList' | 'list';

interface FieldPlan {
  readonly key: string;
  readonly rule: FieldRule;
  readonly type: GraphQLCompositeType;
  readonly selections: SelectionSetNode[];
  /** The sub-selection's plan, built on first use and then reused for every item. */
  children?: FieldPlan[];
}

function isFree(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  if (parent.name.startsWith('__') || field.name.startsWith('__')) return true;
  const named = getNamedType(field.type);
  return named.name.startsWith('__') || isLeafType(named) || named.name === 'PageInfo';
}

function ruleOf(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): FieldRule {
  const named = getNamedType(field.type);
  // A declared cost (listCost) is a plain list's: per item, at least one.
  if (field.extensions.complexity !== undefined) return unwrapList(field.type) ? 'list' : 'object';
  if (isObjectType(named) && isConnectionType(named.name)) return 'connection';
  if (unwrapList(field.type)) return isConnectionType(parent.name) ? 'connectionList' : 'list';
  return 'object';
}

/**
 * The costed fields a selection set asks of `parent`, merged by response key. Fragments on
 * another type than `parent` contribute their fields too: the walk only counts keys present in
 * the response, which are those of the runtime type (and of fields not skipped).
 */
function planOf(schema: GraphQLSchema, fragments: Record<string, FragmentDefinitionNode>, parent: GraphQLCompositeType, sets: readonly SelectionSetNode[]): FieldPlan[] {
  const byKey = new Map<string, FieldPlan>();
  const visit = (type: GraphQLCompositeType, set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const known = byKey.get(key);
        if (known) {
          if (selection.selectionSet) known.selections.push(selection.selectionSet);
          continue;
        }
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field || isFree(type, field) || !selection.selectionSet) continue;
        const named = getNamedType(field.type);
        if (!isCompositeType(named)) continue;
        byKey.set(key, { key, rule: ruleOf(type, field), type: named, selections: [selection.selectionSet] });
      } else {
        const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : fragments[selection.name.value]?.typeCondition;
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
        if (!inner) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (seen.has(selection.name.value)) continue;
          seen.add(selection.name.value);
        }
        const on = condition ? schema.getType(condition.name.value) : type;
        visit(on && isCompositeType(on) ? on : type, inner, seen);
      }
    }
  };
  for (const set of sets) visit(parent, set, new Set());
  return [...byKey.values()];
}

const plans = new WeakMap<OperationDefinitionNode, FieldPlan[]>();

/**
 * What an executed operation really cost: `data` walked against the operation, every object
 * returned counting 1 and leaves 0, as `queryCost` estimates them (see above).
 */
export function actualQueryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, data: unknown): number {
  const root = schema.getRootType(operation.operation);
  if (!root || typeof data !== 'object' || data === null) return 0;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let plan = plans.get(operation);
  if (!plan) {
    plan = planOf(schema, fragments, root, [operation.selectionSet]);
    plans.set(operation, plan);
  }
  const childrenOf = (p: FieldPlan): FieldPlan[] => (p.children ??= planOf(schema, fragments, p.type, p.selections));
  const objectCost = (fields: FieldPlan[], value: unknown): number => {
    if (typeof value !== 'object' || value === null) return 0;
    const obj = value as Record<string, unknown>;
    let sum = 0;
    for (const f of fields) {
      const v = obj[f.key];
      if (v === undefined || v === null) continue;
      sum += fieldCost(f, v);
    }
    return sum;
  };
  const items = (v: unknown, out: unknown[] = []): unknown[] => {
    if (Array.isArray(v)) for (const i of v) items(i, out);
    else if (v !== null && v !== undefined) out.push(v);
    return out;
  };
  const fieldCost = (f: FieldPlan, v: unknown): number => {
    const children = childrenOf(f);
    switch (f.rule) {
      case 'object':
      case 'connection':
        return 1 + objectCost(children, v);
      case 'connectionList':
        return items(v).reduce<number>((sum, item) => sum + 1 + objectCost(children, item), 0);
      case 'list':
        return 1 + items(v).reduce<number>((sum, item) => sum + Math.max(objectCost(children, item), 1), 0);
    }
  };
  return objectCost(plan, data);
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
