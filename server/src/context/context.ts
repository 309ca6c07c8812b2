import type { SessionCache, SessionRow } from '../modules/auth/session-cache';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../common/logger';
import type { LoginLimiter } from '../modules/auth/login-limiter';
import type { AccessPolicy, ReadGrant } from '../permissions/access';
import type { WidgetKind, WidgetType } from '../common/widget';
import type { AuthFailure, Principal } from './scope';

export type { AuthFailure, Principal };


/**
 * Each module's per-request DataLoaders under its name (`ctx.loaders.tickets`). Empty here: each
 * module's `<f>.loaders.ts` adds its entry by declaration merging, so this file names no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** What loaders are built from: the request's context without the loaders themselves. */
export type LoaderScope = Omit<Context, 'loaders'>;

type Loaded = { id: string };

/** How `node`/`nodes` fetch one type: its access policy, and any condition that needs the ids. */
export interface NodeType {
  entity: EntityName<Loaded>;
  /** Who may read the type and which rows (the type's `<f>.access.ts`). */
  access: AccessPolicy<Loaded>;
  narrow?: (ctx: Context, ids: string[], grant: ReadGrant) => FilterQuery<Loaded> | Promise<FilterQuery<Loaded>>;
}

/*
 * Correlation: kinds of things that carry a correlation id, contributed by the module that owns
 * each kind (`correlationSources` in its index.ts) and read by the correlation module.
 */
export type CorrelationKindName = 'MESSAGE' | 'RUN' | 'EVENT' | 'TICKET' | 'INCIDENT' | 'AUDIT';

/** One thing that carries a correlation id. `node` is the entity itself (a Node type). */
export interface CorrelationItem {
  at: Date;
  kind: CorrelationKindName;
  title: string;
  node: object;
}

/**
 * Finds everything of one kind that carries `correlationId`: one query, scoped to what the caller
 * may see (the tenant filter or scopeOptions(ctx), and the kind's read permission).
 */
export type CorrelationSource = (ctx: Context, correlationId: string) => Promise<CorrelationItem[]>;

/** What the modules add up to, built once by the app from modules/index.ts and shared by every request. */
export interface ModuleRegistry {
  /** GraphQL type name → how `node`/`nodes` load it. */
  readonly nodeTypes: ReadonlyMap<string, NodeType>;
  /** Every kind of thing that carries a correlation id, in the modules' order. */
  readonly correlationSources: readonly CorrelationSource[];
  /** Dashboard widget type → its kind; every WidgetType has exactly one. */
  readonly widgets: ReadonlyMap<WidgetType, WidgetKind>;
}

/** Long-lived collaborators shared by every request. */
export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly loginLimiter: LoginLimiter;
  /** Builds a request's `ctx.loaders` from the modules' loader factories (modules/index.ts). */
  readonly createLoaders: (scope: LoaderScope) => Loaders;
  /** What the modules declare for everyone to read (node types, ...), composed once. */
  readonly registry: ModuleRegistry;
  /** Remembered session look-ups (modules/auth/session-cache.ts); absent when SESSION_CACHE_ENABLED=false. */
  readonly sessionCache?: SessionCache<SessionRow>;
}

export interface Context {
  readonly em: EntityManager;
  readonly app: AppServices;
  readonly principal: Principal;
  /** The tenant every tenant-owned read and write is scoped to; null outside a tenant. */
  readonly tenantId: string | null;
  /** Effective permissions: the role's in the current tenant plus any platform (staff) ones. */
  readonly permissions: ReadonlySet<string>;
  readonly loaders: Loaders;
  readonly correlationId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly logger: Logger;
  /** Why a presented token was not accepted, so UNAUTHENTICATED can say so. */
  readonly authFailure: AuthFailure | null;
  /**
   * Set by a request that reads one list many times (a CSV export, page after page): staff
   * access is then audited once per operation, not once per page.
   */
  auditedAccess?: Set<string>;
}
