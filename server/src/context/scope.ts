import { forbidden } from '../common/errors';
import type { Context } from './context';

/**
 * The part of a request that decides what it may reach: who calls, in which tenant, holding which
 * permissions. Scope helpers, access policies and the raw-SQL tenant condition read only this, so
 * they serve GraphQL, REST routes and loaders alike, whatever kind of principal is calling.
 */
export type RequestScope = Pick<Context, 'tenantId' | 'principal' | 'permissions'>;

export function userIdOf(ctx: Pick<Context, 'principal'>): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.userId : null;
}

/** A signed-in user acting in a tenant; FORBIDDEN (TENANT_REQUIRED) otherwise. */
export function requireTenant(ctx: Pick<Context, 'tenantId' | 'principal'>): { tenantId: string; userId: string } {
  const userId = userIdOf(ctx);
  if (!ctx.tenantId || !userId) throw forbidden('Switch to a tenant first.', 'TENANT_REQUIRED');
  return { tenantId: ctx.tenantId, userId };
}

/** True when the caller acts outside any tenant with platform (staff) rights. */
export function isPlatformScope(ctx: Pick<Context, 'tenantId' | 'principal'>): boolean {
  return ctx.tenantId === null && ctx.principal.kind === 'user' && ctx.principal.staffRole !== null;
}

/**
 * Find options for reads that staff may make across tenants. Inside a tenant the filter stays
 * on; only a platform-scoped caller, already let through by a platform rule, turns it off.
 */
export function scopeOptions(ctx: Pick<Context, 'tenantId' | 'principal'>): { filters?: Record<string, boolean> } {
  return isPlatformScope(ctx) ? { filters: { tenant: false } } : {};
}
