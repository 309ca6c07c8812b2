import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';

/*
 * Dashboard widgets, as the modules that own the data contribute them: each declares its kinds
 * under `widgets` in its index.ts, keyed by a WidgetType; composeModules puts them into the
 * registry and the dashboard reads them from there, naming no module.
 */

/**
 * Every widget type, one per kind a module contributes (checked when the modules are composed).
 * Static because type-graphql registers it as the GraphQL enum `WidgetType` and the ORM makes
 * it the `dashboard_widgets.type` check constraint: keep the values and this order (the
 * constraint's); a new type is a value here, its kind in its module, and a migration.
 */
export enum WidgetType {
  OPEN_TICKETS_BY_STATUS = 'OPEN_TICKETS_BY_STATUS',
  RUNS_LAST_7_DAYS_BY_STATUS = 'RUNS_LAST_7_DAYS_BY_STATUS',
  ACTIVE_INCIDENTS = 'ACTIVE_INCIDENTS',
  KYC_AWAITING_ACTION = 'KYC_AWAITING_ACTION',
  QUOTA_USAGE = 'QUOTA_USAGE',
}

/** One value of a widget: a bar, a slice, a counter. `limit` is set for quotas. */
export interface WidgetPoint {
  key: string;
  label: string;
  value: number;
  limit?: number | null;
}

/** What a widget's data function gets: the request's EntityManager, the caller's tenant, the time. */
export interface WidgetScope {
  em: EntityManager;
  tenantId: string;
  now: Date;
}

/** How one widget type validates its config, who may see it, and where its data comes from. */
export interface WidgetKind {
  /** Checks and normalizes a config; throws a ZodError with the offending paths. */
  parseConfig(config: unknown): Record<string, unknown>;
  /** Tenant permission needed to add the widget and to see its data. */
  requires: string;
  /** One aggregate query. */
  load: (scope: WidgetScope, config: Record<string, unknown>) => Promise<WidgetPoint[]>;
}

/** The widget kinds one module contributes, by type. */
export type WidgetKinds = Readonly<Partial<Record<WidgetType, WidgetKind>>>;

/** Declares a widget kind: its config rules, the permission its data needs, and its one query. */
export function widget<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  requires: string,
  load: (scope: WidgetScope, config: z.infer<S>) => Promise<WidgetPoint[]>,
): WidgetKind {
  return {
    parseConfig: (config) => schema.parse(config ?? {}),
    requires,
    // Stored configs are parsed again on read, so a row that predates a rule cannot slip through.
    load: (scope, config) => load(scope, schema.parse(config)),
  };
}

/** The config of a widget that has no settings: only `{}`. */
export const noConfig = z.object({}).strict();

/**
 * The widget kinds of all modules, by type, in the modules' order. Every WidgetType must have
 * exactly one kind and every kind a WidgetType: a type declared twice, a type no module
 * declares, or a kind under an unknown type is a bug, reported at startup.
 */
export function composeWidgets(modules: readonly { readonly name: string; readonly widgets?: WidgetKinds }[]): ReadonlyMap<WidgetType, WidgetKind> {
  const known = new Set<string>(Object.values(WidgetType));
  const kinds = new Map<WidgetType, WidgetKind>();
  const owners = new Map<string, string>();
  for (const m of modules) {
    for (const [type, kind] of Object.entries(m.widgets ?? {})) {
      if (!kind) continue;
      if (!known.has(type)) throw new Error(`The module ${m.name} declares the widget type ${type}, which is not a WidgetType`);
      const owner = owners.get(type);
      if (owner) throw new Error(`Two modules declare the widget type ${type}: ${owner} and ${m.name}`);
      owners.set(type, m.name);
      kinds.set(type as WidgetType, kind);
    }
  }
  const missing = [...known].filter((type) => !owners.has(type));
  if (missing.length > 0) throw new Error(`No module declares the widget type(s) ${missing.join(', ')}`);
  return kinds;
}
