import type { FilterQuery } from '@mikro-orm/core';
import { forbidden, unauthenticated } from '../common/errors';
import { type AuthFailure, isPlatformScope, type RequestScope, userIdOf } from '../context/scope';
import type { PlatformPermission, TenantPermission } from './catalog';
import { enrollmentRefusal } from './two-factor';

/**
 * How a caller may read a type right now: as platform staff outside any tenant (every tenant's
 * rows), or as a member of one tenant (that tenant's rows only). Decided only from the request
 * scope (tenant and permissions), so any kind of principal (a user, later an API key) fits.
 */
export type ReadGrant =
  | { readonly as: 'platform' }
  | { readonly as: 'tenant'; readonly tenantId: string }
  /** A signed-in caller outside any tenant without staff rights (their own things only). */
  | { readonly as: 'personal'; readonly userId: string };

/** Any signed-in caller in that position, without a particular permission. */
export const SIGNED_IN = 'signed-in';

/**
 * Who may read one GraphQL type, declared once in its module's `<f>.access.ts`: the permission a
 * tenant member needs, the permission staff need (outside a tenant), and which rows each grant
 * reaches beyond the tenant filter. Shield rules, `node`/`nodes`, correlation, nested loaders and
 * REST routes all ask this declaration; nobody re-derives it with `ctx.permissions.has`.
 */
export interface AccessPolicy<T extends object = object> {
  /** The GraphQL type name, for messages. */
  readonly type: string;
  /** Needed inside a tenant; null: members never read this type. */
  readonly tenant: TenantPermission | typeof SIGNED_IN | null;
  /** Needed as staff outside a tenant; null: staff never read this type there. */
  readonly platform: PlatformPermission | typeof SIGNED_IN | null;
  /** Signed-in callers outside any tenant (and staff lacking `platform`) get a personal grant. */
  readonly personal?: boolean;
  /**
   * Which rows a grant reaches, as an ORM condition added to the query (the tenant filter still
   * applies to tenant grants). Absent: every row the tenant filter lets through.
   */
  readonly rows?: (grant: ReadGrant, scope: RequestScope) => FilterQuery<T>;
}

/** What deciding a grant needs from a policy (any entity type). */
export type AccessGate = Pick<AccessPolicy, 'type' | 'tenant' | 'platform' | 'personal'>;

export function defineAccess<T extends object>(policy: AccessPolicy<T>): AccessPolicy<T> {
  return policy;
}

/** The caller's grant for `policy`, or null when they may not read the type at all. */
export function readGrant(scope: RequestScope, policy: AccessGate): ReadGrant | null {
  const holds = (p: string | null) => p === SIGNED_IN || (p !== null && scope.permissions.has(p));
  if (scope.principal.kind === 'anonymous') return null;
  if (scope.tenantId) return holds(policy.tenant) ? { as: 'tenant', tenantId: scope.tenantId } : null;
  if (isPlatformScope(scope) && holds(policy.platform)) return { as: 'platform' };
  const userId = userIdOf(scope);
  return policy.personal && userId ? { as: 'personal', userId } : null;
}

export function canRead(scope: RequestScope, policy: AccessGate): boolean {
  return readGrant(scope, policy) !== null;
}

/**
 * The ORM condition for the rows the caller may read, and the find options that go with it
 * (staff turn the tenant filter off); null when they may read none.
 */
export function readableRows<T extends object>(
  scope: RequestScope,
  policy: AccessPolicy<T>,
): { where: FilterQuery<T>; options: { filters?: Record<string, boolean> } } | null {
  const grant = readGrant(scope, policy);
  if (!grant) return null;
  return {
    where: policy.rows ? policy.rows(grant, scope) : ({}),
    options: grant.as === 'platform' ? { filters: { tenant: false } } : {},
  };
}

/** The permissions that open `policy`, as "a or b", for messages. */
export function permissionsOf(policy: AccessGate): string {
  return [policy.tenant, policy.platform].filter((p) => p && p !== SIGNED_IN).join(' or ');
}

/**
 * For REST routes (GraphQL has shield): the grant, or the coded error to answer with. One line
 * per route: `const grant = requireRead(ctx, ticketAccess)`.
 */
export function requireRead(scope: RequestScope & { readonly authFailure?: AuthFailure | null }, policy: AccessGate): ReadGrant {
  if (scope.principal.kind === 'anonymous') throw unauthenticated('You must be signed in.', scope.authFailure ?? 'NO_TOKEN');
  const mustEnrol = enrollmentRefusal(scope);
  if (mustEnrol) throw mustEnrol;
  const grant = readGrant(scope, policy);
  if (!grant) throw forbidden(`Reading ${policy.type} needs the ${permissionsOf(policy)} permission.`, 'MISSING_PERMISSION');
  return grant;
}
