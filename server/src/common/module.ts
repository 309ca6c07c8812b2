import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { Request, Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context, CorrelationSource, LoaderScope, Loaders, ModuleRegistry, NodeType } from '../context/context';
import { loadersFrom } from '../context/compose-loaders';
import type { AccessPolicy, ReadGrant } from '../permissions/access';
import type { ModulePermissions } from '../permissions/types';
import { composeWidgets, type WidgetKinds } from './widget';

/**
 * One feature module, as its `modules/<feature>/index.ts` describes it. `modules/index.ts`
 * lists the modules; the schema (resolvers and shield rules), the ORM's entity list and each
 * request's loaders are all read from that list, so a new module is its folder plus one line.
 */
/**
 * Declares an entity class as a node type: `node`/`nodes` load it for callers its access policy
 * lets in, with the policy's row condition; `narrow` adds a condition that needs the ids (one
 * query). The casts to the loose row type live here, once.
 */
export function nodeType<T extends { id: string }>(
  entity: EntityName<T>,
  access: AccessPolicy<T>,
  narrow?: (ctx: Context, ids: string[], grant: ReadGrant) => FilterQuery<T> | Promise<FilterQuery<T>>,
): NodeType {
  return { entity: entity as NodeType['entity'], access: access, narrow: narrow };
}

/** What a module's plain-HTTP routes get from the app: the same context a GraphQL request has. */
export interface HttpDeps {
  readonly contextOf: (req: Request) => Promise<Context>;
  /** The app's configuration, for routes that exist only in some environments. */
  readonly config: Config;
  /** The executable schema (e.g. to serve its SDL). */
  readonly schema: GraphQLSchema;
}

/** A plain-HTTP route of a module, mounted under `path` with the request budget in front. */
export interface HttpRoute {
  readonly path: string;
  readonly router: (deps: HttpDeps) => Router;
}

export interface ModuleDefinition<Name extends string = string> {
  readonly name: Name;
  /** ORM entities (MikroORM discovers exactly these). */
  readonly entities?: readonly Function[];
  /**
   * Entities with a nullable tenant that the tenant filter still applies to (every
   * TenantOwnedEntity is scoped without being named here).
   */
  readonly tenantScoped?: readonly Function[];
  /** type-graphql resolver classes. */
  readonly resolvers?: readonly Function[];
  /** A shield rule for every Query and Mutation field the resolvers add (deny by default). */
  readonly permissions?: ModulePermissions;
  /**
   * Per-request DataLoaders, built the first time a request reads `ctx.loaders[name]`. Their
   * type joins `Loaders` (context.ts) by declaration merging in the module's loaders file.
   */
  readonly loaders?: (scope: LoaderScope) => object;
  /** The module's types that `node`/`nodes` can fetch, by GraphQL type name. */
  readonly nodeTypes?: Readonly<Record<string, NodeType>>;
  /** Finders of what this module owns that carries a correlation id (one query each). */
  readonly correlationSources?: readonly CorrelationSource[];
  /** Plain-HTTP routes (uploads, webhooks in), beside GraphQL. */
  readonly http?: readonly HttpRoute[];
  /** Dashboard widget kinds over the module's data, by WidgetType (common/widget.ts). */
  readonly widgets?: WidgetKinds;
}

export function defineModule<const Name extends string>(definition: ModuleDefinition<Name>): ModuleDefinition<Name> {
  return definition;
}

/**
 * What the app builds once from the module list: each request's loaders (by module name) and
 * the registry of what modules declare for each other. A name declared twice is a bug.
 */
export function composeModules(modules: readonly ModuleDefinition[]): { createLoaders: (scope: LoaderScope) => Loaders; registry: ModuleRegistry } {
  const factories = new Map<string, (scope: LoaderScope) => object>();
  const nodeTypes = new Map<string, NodeType>();
  for (const m of modules) {
    if (m.loaders) factories.set(m.name, m.loaders);
    for (const [name, type] of Object.entries(m.nodeTypes ?? {})) {
      if (nodeTypes.has(name)) throw new Error(`Two modules declare the node type ${name}`);
      nodeTypes.set(name, type);
    }
  }
  return {
    createLoaders: loadersFrom(factories),
    registry: { nodeTypes, correlationSources: modules.flatMap((m) => m.correlationSources ?? []), widgets: composeWidgets(modules) },
  };
}
