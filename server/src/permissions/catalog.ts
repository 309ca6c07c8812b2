import { StaffRole } from './staff-role';

/** Permissions a tenant role can hold. */
export const TENANT_PERMISSIONS = [
  'ticket:read',
  'ticket:write',
  'ticket:assign',
  'ticket:comment',
  'member:read',
  'member:manage',
  'role:manage',
  'tenant:manage',
  'audit:read',
  'session:read',
  'event:read',
  'incident:read',
  'correlation:read',
  'dashboard:use',
  'dashboard:manage',
  'kyc:read',
  'kyc:write',
  'tool:read',
  'tool:manage',
  'run:read',
  'run:write',
  'message:read',
  'message:write',
] as const;
export type TenantPermission = (typeof TENANT_PERMISSIONS)[number];

/** Permissions of platform staff; they act across tenants, and each such access is audited. */
export const PLATFORM_PERMISSIONS = [
  'platform:tenant:read',
  'platform:tenant:manage',
  'platform:user:read',
  'platform:user:manage',
  'platform:member:manage',
  'platform:ticket:read',
  'platform:ticket:write',
  'platform:audit:read',
  'platform:flag:read',
  'platform:flag:manage',
  'platform:event:read',
  'platform:incident:read',
  'platform:incident:manage',
  'platform:correlation:read',
  'platform:kyc:read',
  'platform:kyc:review',
  'platform:tool:read',
  'platform:tool:manage',
  'platform:entitlement:read',
  'platform:entitlement:manage',
  'platform:run:read',
  'platform:run:manage',
  'platform:message:read',
] as const;
export type PlatformPermission = (typeof PLATFORM_PERMISSIONS)[number];
export type PermissionName = TenantPermission | PlatformPermission;

export const SYSTEM_ROLE_NAMES = ['owner', 'admin', 'agent', 'member', 'viewer'] as const;
export type SystemRoleName = (typeof SYSTEM_ROLE_NAMES)[number];

export const SYSTEM_ROLES: Record<SystemRoleName, { description: string; permissions: readonly TenantPermission[] }> = {
  owner: { description: 'Full control of the tenant, including roles.', permissions: TENANT_PERMISSIONS },
  admin: {
    description: 'Manages members, tickets, tool panels, KYC and the audit trail.',
    permissions: [
      'ticket:read',
      'ticket:write',
      'ticket:assign',
      'ticket:comment',
      'member:read',
      'member:manage',
      'audit:read',
      'session:read',
      'event:read',
      'incident:read',
      'correlation:read',
      'dashboard:use',
      'dashboard:manage',
      'kyc:read',
      'kyc:write',
      'tool:read',
      'tool:manage',
      'run:read',
      'run:write',
      'message:read',
      'message:write',
    ],
  },
  agent: {
    description: 'Works tickets (updates, assigns, comments), runs tools and handles inbound messages.',
    permissions: [
      'ticket:read',
      'ticket:write',
      'ticket:assign',
      'ticket:comment',
      'member:read',
      'event:read',
      'incident:read',
      'correlation:read',
      'dashboard:use',
      'tool:read',
      'run:read',
      'run:write',
      'message:read',
      'message:write',
    ],
  },
  member: {
    description: 'Raises and follows tickets, runs tools.',
    permissions: ['ticket:read', 'ticket:write', 'ticket:comment', 'member:read', 'incident:read', 'dashboard:use', 'tool:read', 'run:read', 'run:write'],
  },
  viewer: { description: 'Reads tickets, tools and runs only.', permissions: ['ticket:read', 'member:read', 'incident:read', 'dashboard:use', 'tool:read', 'run:read'] },
};

export const STAFF_PERMISSIONS: Record<StaffRole, readonly PlatformPermission[]> = {
  [StaffRole.SUPERADMIN]: PLATFORM_PERMISSIONS,
  [StaffRole.SUPPORT]: [
    'platform:tenant:read',
    'platform:user:read',
    'platform:user:manage',
    'platform:ticket:read',
    'platform:ticket:write',
    'platform:audit:read',
    'platform:flag:read',
    'platform:event:read',
    'platform:incident:read',
    'platform:incident:manage',
    'platform:correlation:read',
    'platform:tool:read',
    'platform:entitlement:read',
    'platform:run:read',
    'platform:run:manage',
    'platform:message:read',
  ],
  [StaffRole.COMPLIANCE]: [
    'platform:tenant:read',
    'platform:user:read',
    'platform:ticket:read',
    'platform:audit:read',
    'platform:flag:read',
    'platform:event:read',
    'platform:incident:read',
    'platform:correlation:read',
    'platform:kyc:read',
    'platform:kyc:review',
    'platform:tool:read',
    'platform:entitlement:read',
    'platform:run:read',
    'platform:message:read',
  ],
};

export function isTenantPermission(p: string): p is TenantPermission {
  return (TENANT_PERMISSIONS as readonly string[]).includes(p);
}
