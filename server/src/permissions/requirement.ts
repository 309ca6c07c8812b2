import { type AppError, ErrorReason, forbidden, unauthenticated } from '../common/errors';
import type { Context } from '../context/context';
import type { AuthFailure, RequestScope } from '../context/scope';
import { noteKeyForbidden } from '../modules/apikeys/api-key.refusals';
import { type AccessGate, permissionsOf, readGrant } from './access';
import type { TenantPermission } from './catalog';
import { enrollmentRefusal } from './two-factor';

/** What UNAUTHENTICATED says for each reason a presented token was refused. */
export const AUTH_MESSAGES: Record<AuthFailure, string> = {
  EXPIRED: 'Your access token has expired; refresh it and try again.',
  INVALID: 'Your access token is not valid. Please sign in again.',
  SESSION_ENDED: 'Your session has ended. Please sign in again.',
  API_KEY_INVALID: 'This API key is not valid. Check that the whole key was sent: Authorization: Bearer atr_...',
  API_KEY_REVOKED: 'This API key has been revoked. Ask an administrator of your organisation for a new one.',
  API_KEY_EXPIRED: 'This API key has expired. Ask an administrator of your organisation for a new one.',
  API_KEY_CREATOR_INACTIVE: 'The member who created this API key is no longer active in its organisation, so the key no longer works. Ask an administrator for a new one.',
};

type Caller = RequestScope & { readonly authFailure: AuthFailure | null };
/** What auditing a refused API key needs: a route's request context has it. */
type KeyAuditing = Pick<Context, 'em' | 'logger' | 'correlationId' | 'ip'>;

/** UNAUTHENTICATED with the reason the token was refused (or NO_TOKEN). */
export function authRefusal(ctx: Caller, missing = 'You must be signed in.'): AppError {
  return unauthenticated(ctx.authFailure ? AUTH_MESSAGES[ctx.authFailure] : missing, ctx.authFailure ?? ErrorReason.NO_TOKEN);
}

/**
 * What a plain-HTTP route requires, stated in one line (GraphQL fields say it with shield rules):
 * - `{ read: policy }`: whoever the type's access policy lets read it;
 * - `{ tenant: permission }`: a member holding it in the tenant they act in (as shield's `can`);
 * - `{ inTenant: permission }`: the same, but a caller outside any tenant is told to switch first.
 */
export type RouteRequirement = { read: AccessGate } | { tenant: TenantPermission } | { inTenant: TenantPermission };

/**
 * Null when the caller meets `requirement`; otherwise the coded error to answer with. A member
 * who must enrol in two-factor sign-in is refused whatever the requirement (two-factor.ts).
 */
export function refusal(ctx: Caller & Partial<KeyAuditing>, requirement: RouteRequirement, missing?: string): AppError | null {
  const refused = routeRefusal(ctx, requirement, missing);
  // An API key refused by a route is a refused use: audited (with a request context to do it in).
  if (refused?.code === 'FORBIDDEN' && ctx.em && ctx.logger && ctx.correlationId !== undefined) {
    noteKeyForbidden({ principal: ctx.principal, em: ctx.em, logger: ctx.logger, correlationId: ctx.correlationId, ip: ctx.ip ?? null }, refused.extensions.reason ?? ErrorReason.MISSING_PERMISSION, 'HTTP route');
  }
  return refused;
}

function routeRefusal(ctx: Caller, requirement: RouteRequirement, missing?: string): AppError | null {
  if (ctx.principal.kind === 'anonymous') return authRefusal(ctx, missing);
  const mustEnrol = enrollmentRefusal(ctx);
  if (mustEnrol) return mustEnrol;
  if ('read' in requirement) {
    return readGrant(ctx, requirement.read) ? null : forbidden(`This needs the ${permissionsOf(requirement.read)} permission.`, ErrorReason.MISSING_PERMISSION);
  }
  const permission = 'tenant' in requirement ? requirement.tenant : requirement.inTenant;
  if (!ctx.tenantId && 'inTenant' in requirement) return forbidden('Switch to a tenant first.', ErrorReason.TENANT_REQUIRED);
  return ctx.tenantId && ctx.permissions.has(permission) ? null : forbidden(`This needs the ${permission} permission in your tenant.`, ErrorReason.MISSING_PERMISSION);
}
