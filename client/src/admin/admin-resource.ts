import type { ApolloClient } from '@apollo/client';
import { type ComponentType, lazy, type ReactElement } from 'react';
import type { RaRecord, ResourceProps } from 'react-admin';
import type { ResourceProvider } from './providers/resource-provider';
import type { ResourceName } from './resource-names';

/** The resource actions the back office offers; anything else (deleting, bulk edits) is never offered. */
export const ADMIN_ACTIONS = ['list', 'show', 'edit', 'create'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** The platform permission each offered action needs; an action left out is offered to nobody. */
export type AdminAccess = Readonly<Partial<Record<AdminAction, string>>>;

/**
 * What staff do to a resource's records from its pages besides opening them (buttons such as
 * "Deactivate"), by name, each with the platform permission it needs. Pages ask
 * `useCanAccess({ resource, action: <name> })`, as for page actions; page action names are not
 * operations.
 */
export type AdminOperations = Readonly<Record<string, string>> & { readonly [A in AdminAction]?: never };

/**
 * One back-office resource as its folder's `index.ts` describes it, typed for its records:
 * its URL name, its data provider, who may do what, and its pages.
 */
export interface AdminResourceDefinition<R extends RaRecord> {
  name: ResourceName;
  /** The menu entry and page titles. */
  label: string;
  provider: (client: ApolloClient) => ResourceProvider<R>;
  access: AdminAccess;
  /** Buttons on its pages and the permission each needs; none when left out. */
  operations?: AdminOperations;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon: ComponentType;
  /** How references to a record read; react-admin may pass a record still loading, hence Partial. */
  recordRepresentation: string | ReactElement | ((record: Partial<R>) => string);
}

/** A resource as the list in resources.ts holds it, whatever its record type. */
export interface AdminResource {
  readonly name: ResourceName;
  readonly provider: (client: ApolloClient) => ResourceProvider<RaRecord>;
  readonly access: AdminAccess;
  readonly operations: AdminOperations;
  /** What `<Resource>` takes. */
  readonly props: ResourceProps & { name: ResourceName };
}

/** Describes a resource (in its folder's index.ts); the record type is checked here, then left behind. */
export function defineAdminResource<R extends RaRecord>(definition: AdminResourceDefinition<R>): AdminResource {
  const { name, label, provider, access, operations = {}, list, show, edit, create, icon, recordRepresentation } = definition;
  return {
    name,
    provider,
    access,
    operations,
    // Only the pages it has: react-admin offers a page (and its buttons) when its key is set.
    props: { name, ...(list && { list }), ...(show && { show }), ...(edit && { edit }), ...(create && { create }), icon, recordRepresentation, options: { label } },
  };
}

/**
 * A page of a resource loaded when it is first shown, not with the sign-in page: react-admin's
 * layout shows its loading state (Suspense) meanwhile. `name` is the page's export.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
