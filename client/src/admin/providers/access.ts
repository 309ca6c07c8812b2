import type { AdminResource } from '../admin-resource';
import { ADMIN_RESOURCES } from '../resources';

/** Which platform permission each resource action (a page or an operation) needs, by resource name. */
export type AccessMap = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** The access map of a list of resources: each resource's own `access` and `operations`. */
export function accessMapOf(resources: readonly Pick<AdminResource, 'name' | 'access' | 'operations'>[]): AccessMap {
  return new Map(resources.map((r) => [r.name, { ...r.operations, ...r.access }]));
}

/**
 * Which platform permission each resource action needs, from the resources' descriptors. The UI
 * reads this (through the authProvider's canAccess) to hide what a role cannot do; the server
 * decides either way. Anything not listed (delete, bulk edits...) is not offered.
 */
export const ACCESS: AccessMap = accessMapOf(ADMIN_RESOURCES);

/** True when `permissions` allow `action` on `resource` (deny by default). */
export function canAccessWith(permissions: readonly string[], resource: string, action: string, access: AccessMap = ACCESS): boolean {
  const entry = access.get(resource);
  const needed = entry && Object.hasOwn(entry, action) ? entry[action] : undefined;
  return needed !== undefined && permissions.includes(needed);
}
