/** What each permission's resource is called on screen; unknown ones show their own name. */
const GROUP_LABELS: Record<string, string> = {
  ticket: 'Tickets',
  member: 'Members',
  role: 'Roles',
  tenant: 'Organisation',
  audit: 'Audit trail',
  session: 'Sessions',
  event: 'System events',
  incident: 'Incidents',
  correlation: 'Correlation',
  dashboard: 'Dashboard',
  kyc: 'KYC',
  tool: 'Tools',
  run: 'Automation runs',
  message: 'Inbound messages',
  apikey: 'API keys',
  webhook: 'Webhooks',
};

export interface PermissionGroup {
  key: string;
  label: string;
  permissions: string[];
}

/**
 * The permissions a key may be given: the caller's own tenant permissions (a key can never hold
 * a platform one), grouped by resource ("ticket:read", "ticket:write" → Tickets), sorted.
 */
export function keyablePermissions(mine: readonly string[]): string[] {
  return [...new Set(mine.filter((p) => !p.startsWith('platform:')))].sort();
}

export function groupPermissions(permissions: readonly string[]): PermissionGroup[] {
  const groups = new Map<string, string[]>();
  for (const p of permissions) {
    const key = p.split(':')[0] ?? p;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, label: GROUP_LABELS[key] ?? key, permissions: list }));
}

/** "ticket:read" → "read"; the group names the resource. */
export function actionOf(permission: string): string {
  return permission.split(':').slice(1).join(':') || permission;
}
