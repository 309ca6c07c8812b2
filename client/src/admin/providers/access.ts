import { type AdminAccess, type AdminAction, ADMIN_ACTIONS, type AdminResource } from '../admin-resource';
import { ADMIN_RESOURCES } from '../resources';

/** Which platform permission each resource action needs, by resource name. */
export type AccessMap = ReadonlyMap<string, AdminAccess>;

/** The access map of a list of resources: each resource's own `access`. */
export function accessMapOf(resources: readonly AdminResource[]): AccessMap {
  return new Map(resources.map((r) => [r.name, r.access]));
}

/**
 * Which platform permission each resource action needs, from the resources' descriptors. The UI
 * reads this (through the authProvider's canAccess) to hide what a role cannot do; the server
 * decides either way. Anything not listed (delete, bulk edits, creating tenants...) is not offered.
 */
export const ACCESS: AccessMap = accessMapOf(ADMIN_RESOURCES);

const isAdminAction = (action: string): action is AdminAction => (ADMIN_ACTIONS as readonly string[]).includes(action);

/** True when `permissions` allow `action` on `resource` (deny by default). */
export function canAccessWith(permissions: readonly string[], resource: string, action: string, access: AccessMap = ACCESS): boolean {
  const needed = isAdminAction(action) ? access.get(resource)?.[action] : undefined;
  return needed !== undefined && permissions.includes(needed);
}
