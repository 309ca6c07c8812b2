import './common/node-compat';
import { type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';
import { DateTimeScalar } from './common/date-time';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { nodeTypeName } from './common/base.entity';
import { forbidden } from './common/errors';
import { rememberValidationRules, validateArgument } from './common/input-hygiene';
import { modules } from './modules';
import { withApiKeyRestrictions } from './permissions/api-key-gate';
import { withTwoFactorRequirement } from './permissions/two-factor';
import type { Rule } from './permissions/types';

/** Every Query and Mutation rule, merged from the modules. A duplicate name is a bug. */
export function operationRules(): { Query: Record<string, Rule>; Mutation: Record<string, Rule> } {
  const merged = { Query: {} as Record<string, Rule>, Mutation: {} as Record<string, Rule> };
  for (const { permissions } of modules) {
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, rule] of Object.entries(permissions?.[root] ?? {})) {
        if (merged[root][field]) throw new Error(`Two modules define a rule for ${root}.${field}`);
        merged[root][field] = rule;
      }
    }
  }
  return merged;
}

/** Every Subscription rule, merged from the modules (realtime). A duplicate name is a bug. */
export function subscriptionRules(): Record<string, Rule> {
  const merged: Record<string, Rule> = {};
  for (const { permissions } of modules) {
    for (const [field, rule] of Object.entries(permissions?.Subscription ?? {})) {
      if (merged[field]) throw new Error(`Two modules define a rule for Subscription.${field}`);
      merged[field] = rule;
    }
  }
  return merged;
}

/**
 * type-graphql asks for a pubSub as soon as there is a @Subscription, although every one of ours
 * brings its own `subscribe` (realtime/live.ts) and the publisher is per app (realtime/bus.ts):
 * this one is never called.
 */
const NO_PUBSUB = {
  publish(): void {
    throw new Error('subscriptions publish through realtime/bus.ts');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('subscriptions listen through realtime/live.ts');
  },
};

/**
 * A field that only reads the property of its name (no resolver method, no middleware, no
 * renaming) gets no resolver at all, as type-graphql's `simple` option allows: otherwise
 * type-graphql wraps each one in a function that builds an object and runs an empty middleware
 * chain, for every field of every row, and the compiled executor (common/compiled-execution.ts)
 * reads a field without a resolver straight off the object.
 */
function plainPropertiesResolveThemselves(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles?.length) field.simple = true;
  }
}

/** One instance of each resolver class, as type-graphql's default container keeps them, but found by a map lookup. */
const resolverInstances = new Map<Function, object>();
const container = {
  get(target: Function): object {
    let instance = resolverInstances.get(target);
    if (!instance) {
      instance = new (target as new () => object)();
      resolverInstances.set(target, instance);
    }
    return instance;
  },
};

type FieldResolverMeta = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type Param = NonNullable<FieldResolverMeta['params']>[number];

/** The parameters of a field method, in order, when each is the parent, the context or the info. */
function plainParams(meta: FieldResolverMeta): Param[] | null {
  if (meta.middlewares?.length || meta.roles?.length) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  return params.every((p) => (p.kind === 'root' && !p.propertyName) || (p.kind === 'context' && !p.propertyName) || p.kind === 'info') ? params : null;
}

/**
 * Field methods that take only the parent (`@Root`), the context (`@Ctx`) and `@Info`, with no
 * middleware or roles, called directly: a resolver class's (a ticket's requester, a comment's
 * author) and an object type's own (every entity's `id`, its `globalId()`). type-graphql's own
 * resolver, per field of every row, converts the parent, sorts the parameters, searches its
 * container for the resolver class's instance and checks each parameter's kind before calling the
 * same method with the same values. Fields are matched to their method as type-graphql matches
 * them; a parent that is not an instance of the class (which type-graphql would convert) takes
 * type-graphql's own path.
 */
function directFieldResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || type.name !== objectType.name) continue;
    const fields = type.getFields();
    // Its own fields, then those it inherits (an entity's `id` is Node's), the nearest first.
    const declared = new Map<string, NonNullable<typeof objectType.fields>[number]>();
    for (let c: unknown = objectType.target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      const owner = storage.objectTypes.find((o) => o.target === c) ?? storage.interfaceTypes.find((o) => o.target === c);
      for (const f of owner?.fields ?? []) if (!declared.has(f.schemaName)) declared.set(f.schemaName, f);
    }
    for (const fieldMeta of declared.values()) {
      const field = fields[fieldMeta.schemaName];
      const fallback = field?.resolve;
      const meta = storage.fieldResolvers.find((r) => r.getObjectType?.() === fieldMeta.target && r.methodName === fieldMeta.name);
      const params = meta && plainParams(meta);
      if (!field || !fallback || !meta || !params) continue;
      const kinds = params.map((p) => p.kind);
      const valuesOf = (root: unknown, context: unknown, info: unknown) => kinds.map((kind) => (kind === 'root' ? root : kind === 'context' ? context : info));
      let call: GraphQLFieldResolver<unknown, unknown>;
      let parentClass: unknown;
      /** The object's own field method, for parents of another class that hold the same function. */
      let ownMethod: unknown;
      if (meta.kind === 'external') {
        const instance = container.get(meta.target) as Record<string, (...args: unknown[]) => unknown>;
        const method = instance[meta.methodName];
        if (typeof method !== 'function') continue;
        parentClass = params.find((p): p is Extract<Param, { kind: 'root' }> => p.kind === 'root')?.getType?.();
        call = kinds.join() === 'root,context' ? (root, _args, context) => method.call(instance, root, context) : (root, _args, context, info) => method.apply(instance, valuesOf(root, context, info));
      } else {
        // The object's own method (or getter), called on the parent itself.
        parentClass = fieldMeta.target;
        const name = meta.methodName;
        call = (root, _args, context, info) => {
          const own = (root as Record<string, unknown>)[name];
          if (typeof own !== 'function') return own;
          return kinds.length === 0 ? (own as () => unknown).call(root) : (own as (...args: unknown[]) => unknown).apply(root, valuesOf(root, context, info));
        };
        // It is also called on a parent of another class that holds the very same function under
        // the field's name (connectionOf's pages hold their types' totalCount), as type-graphql
        // would call it after copying the parent into an instance.
        ownMethod = methodOf((fieldMeta.target as { prototype?: object }).prototype, name);
      }
      const methodName = meta.methodName;
      const isInstance =
        typeof parentClass !== 'function'
          ? (root: unknown) => root != null
          : typeof ownMethod === 'function'
            ? (root: unknown) => root instanceof parentClass || (root != null && (root as Record<string, unknown>)[methodName] === ownMethod)
            : (root: unknown) => root instanceof parentClass;
      field.resolve = (root, args, context, info) => (isInstance(root) ? call(root, args, context, info) : fallback(root, args, context, info));
    }
  }
}

/** The function a class's prototype chain holds under `name` as a plain method (never a getter's value: a getter is not run on the prototype). */
function methodOf(proto: object | undefined, name: string): unknown {
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return descriptor.value;
  }
  return undefined;
}

/** The schema exactly as type-graphql emits it, before permissions. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const [first, ...rest] = modules.flatMap((m) => m.resolvers ?? []);
  if (!first) throw new Error('no resolvers');
  plainPropertiesResolveThemselves();
  rememberValidationRules();
  const schema = await buildSchema({
    resolvers: [first, ...rest],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Every argument: refuse text that cannot be stored (NUL, lone surrogates), then
    // class-validator as type-graphql would run it (a validateFn replaces that step).
    validateFn: validateArgument,
    container,
    emitSchemaFile: false,
    pubSub: NO_PUBSUB,
  });
  // type-graphql has no option for the root types' descriptions; they are set here.
  const query = schema.getQueryType();
  if (query) query.description = 'Operations that read data; a caller sees only what its tenant and permissions allow (other tenants\' ids answer NOT_FOUND).';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Operations that change data.';
  // type-graphql wraps a resolveType in an async function; the compiled executor
  // (common/compiled-execution.ts) needs the type at once, and the class name is known at once.
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  node.resolveType = nodeTypeName;
  directFieldResolvers(schema);
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = 'Live changes over WebSocket (graphql-transport-ws at /graphql); each event is read with your permissions, as a query would.';
  return schema;
}

/**
 * The executable schema: shield over every Query and Mutation field, deny for any without a
 * rule. Object types below the root are reachable only through a permitted operation and what
 * they load is tenant-scoped by the loaders, so they carry no rules; only the root types get
 * shield's middleware, which keeps the per-field cost off every nested field (see the bench).
 * A member who must enrol in two-factor sign-in first is refused in front of every rule but a
 * few (permissions/two-factor.ts), and API keys from operations on a person's own account
 * (permissions/api-key-gate.ts).
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  const rules = withApiKeyRestrictions(withTwoFactorRequirement({ ...operationRules(), Subscription: subscriptionRules() }));
  const permissions = shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: () => forbidden().toGraphQLError(),
    // Resolver errors pass through to formatError, which masks anything unexpected.
    allowExternalErrors: true,
    debug: false,
  });
  const generated = permissions.generate(schema) as Record<string, IMiddlewareFieldMap[string]>;
  const guarded = applyMiddleware(schema, { Query: generated.Query, Mutation: generated.Mutation } as IMiddlewareFieldMap);
  guardSubscriptions(guarded, generated.Subscription);
  return guarded;
}

type FieldMiddleware = (resolve: GraphQLFieldResolver<unknown, unknown>, parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Shield on each Subscription field's `subscribe`, so a subscription the caller may not start is
 * refused when it starts (graphql-middleware would wrap the per-event `resolve` instead, since
 * type-graphql gives subscription fields both).
 */
function guardSubscriptions(schema: GraphQLSchema, middleware: IMiddlewareFieldMap[string] | undefined): void {
  const fields = schema.getSubscriptionType()?.getFields() ?? {};
  for (const [name, field] of Object.entries(fields)) {
    const entry = (middleware as Record<string, unknown> | undefined)?.[name];
    const mw = (typeof entry === 'function' ? entry : (entry as { resolve?: unknown } | undefined)?.resolve) as FieldMiddleware | undefined;
    const subscribe = field.subscribe;
    if (!mw || !subscribe) throw new Error(`Subscription.${name} has no rule or no subscribe`);
    field.subscribe = (parent, args, ctx, info) => mw(subscribe, parent, args, ctx, info);
  }
}
