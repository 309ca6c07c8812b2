import { RESOURCES } from './resources';

/**
 * Which platform permission each resource action needs. The UI reads this (through the
 * authProvider's canAccess) to hide what a role cannot do; the server decides either way.
 * Anything not listed (delete, bulk edits, creating tenants...) is not offered.
 */
export const ACCESS: Record<string, Partial<Record<'list' | 'show' | 'edit' | 'create', string>>> = {
  [RESOURCES.tickets]: { list: 'platform:ticket:read', show: 'platform:ticket:read', edit: 'platform:ticket:write' },
  [RESOURCES.auditLogs]: { list: 'platform:audit:read', show: 'platform:audit:read' },
  [RESOURCES.tenants]: { list: 'platform:tenant:read', show: 'platform:tenant:read' },
  [RESOURCES.users]: { list: 'platform:user:read', show: 'platform:user:read' },
  [RESOURCES.memberships]: { list: 'platform:tenant:read', show: 'platform:tenant:read', edit: 'platform:member:manage' },
  [RESOURCES.featureFlags]: { list: 'platform:flag:read', show: 'platform:flag:read', edit: 'platform:flag:manage', create: 'platform:flag:manage' },
};

/** True when `permissions` allow `action` on `resource` (deny by default). */
export function canAccessWith(permissions: readonly string[], resource: string, action: string): boolean {
  const needed = ACCESS[resource]?.[action as 'list'];
  return needed !== undefined && permissions.includes(needed);
}
