import { forbidden } from '../common/errors';
import type { StaffRole } from '../permissions/staff-role';

/**
 * Who is calling. Resolvers and services see only this, never the token or headers, so a
 * partner API-key principal can be added as another variant without touching them.
 */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly sessionId: string;
      readonly tenantId: string | null;
      readonly membershipId: string | null;
      readonly role: string | null;
      readonly staffRole: StaffRole | null;
      /** The user signs in with a second factor (TOTP). */
      readonly twoFactorEnabled: boolean;
      /**
       * The tenant acted in requires two-factor sign-in and the user has none: every operation
       * but enrolment and a few others is refused (permissions/two-factor.ts).
       */
      readonly twoFactorEnrollmentRequired: boolean;
    }
  | {
      /** A partner's API key (`Authorization: Bearer atr_...`). */
      readonly kind: 'apiKey';
      readonly apiKeyId: string;
      /** The key's tenant: a key never acts outside it, and never with staff rights. */
      readonly tenantId: string;
      /**
       * The member who created the key. The key acts on their behalf (what it writes is authored
       * by them, the audit trail names the key) and never beyond their current role.
       */
      readonly userId: string;
      readonly membershipId: string;
      /** The creator's current role in the key's tenant (owner-only rules apply to their keys too). */
      readonly role: string;
    };

/** Why a presented token was not accepted, so UNAUTHENTICATED can say so. */
export type AuthFailure =
  | 'EXPIRED'
  | 'INVALID'
  | 'SESSION_ENDED'
  /** An `atr_...` bearer that is no key of ours. */
  | 'API_KEY_INVALID'
  | 'API_KEY_REVOKED'
  | 'API_KEY_EXPIRED'
  /** The key's creator has left its tenant or been deactivated: the key acts for nobody. */
  | 'API_KEY_CREATOR_INACTIVE';

/**
 * The part of a request that decides what it may reach: who calls, in which tenant, holding which
 * permissions. Scope helpers, access policies and the raw-SQL tenant condition read only this, so
 * they serve GraphQL, REST routes and loaders alike, whatever kind of principal is calling.
 */
export interface RequestScope {
  readonly principal: Principal;
  /** The tenant every tenant-owned read and write is scoped to; null outside a tenant. */
  readonly tenantId: string | null;
  /** Effective permissions: the role's in the current tenant plus any platform (staff) ones. */
  readonly permissions: ReadonlySet<string>;
}

/** The user a request acts as: the signed-in user, or the member an API key acts on behalf of. */
export function userIdOf(ctx: Pick<RequestScope, 'principal'>): string | null {
  return ctx.principal.kind === 'anonymous' ? null : ctx.principal.userId;
}

/** The caller's role in the tenant they act in (an API key: its creator's); null outside a tenant. */
export function tenantRoleOf(ctx: Pick<RequestScope, 'principal'>): string | null {
  return ctx.principal.kind === 'anonymous' ? null : ctx.principal.role;
}

/** A signed-in user acting in a tenant; FORBIDDEN (TENANT_REQUIRED) otherwise. */
export function requireTenant(ctx: Pick<RequestScope, 'tenantId' | 'principal'>): { tenantId: string; userId: string } {
  const userId = userIdOf(ctx);
  if (!ctx.tenantId || !userId) throw forbidden('Switch to a tenant first.', 'TENANT_REQUIRED');
  return { tenantId: ctx.tenantId, userId };
}

/** True when the caller acts outside any tenant with platform (staff) rights. */
export function isPlatformScope(ctx: Pick<RequestScope, 'tenantId' | 'principal'>): boolean {
  return ctx.tenantId === null && ctx.principal.kind === 'user' && ctx.principal.staffRole !== null;
}

/**
 * Find options for reads that staff may make across tenants. Inside a tenant the filter stays
 * on; only a platform-scoped caller, already let through by a platform rule, turns it off.
 */
export function scopeOptions(ctx: Pick<RequestScope, 'tenantId' | 'principal'>): { filters?: Record<string, boolean> } {
  return isPlatformScope(ctx) ? { filters: { tenant: false } } : {};
}
