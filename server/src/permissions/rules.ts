import { allow, rule } from 'graphql-shield';
import type { Context } from '../context/context';
import type { GraphQLResolveInfo } from 'graphql';
import { ErrorReason, forbidden } from '../common/errors';
import { noteKeyForbidden } from '../modules/apikeys/api-key.refusals';
import { authRefusal } from './requirement';
import type { PlatformPermission, TenantPermission } from './catalog';
import { type AccessGate, SIGNED_IN } from './access';

export { allow };


function authError(ctx: Context) {
  return authRefusal(ctx).toGraphQLError();
}

/** Public operations (login, refresh). They do their own abuse limiting. */
export const isPublic = allow;

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.principal.kind === 'anonymous' ? authError(ctx) : true,
);

function check(ctx: Context, info: GraphQLResolveInfo, tenantPerms: readonly TenantPermission[], platformPerms: readonly PlatformPermission[]) {
  if (ctx.principal.kind === 'anonymous') return authError(ctx);
  if (ctx.tenantId && tenantPerms.some((p) => ctx.permissions.has(p))) return true;
  if (platformPerms.some((p) => ctx.permissions.has(p))) return true;
  const needed = [...tenantPerms, ...platformPerms].join(' or ');
  // An API key asking beyond its permissions (or for a staff operation) is a refused use: audited.
  noteKeyForbidden(ctx, ErrorReason.MISSING_PERMISSION, `${info.parentType.name}.${info.fieldName}`);
  return forbidden(`This needs the ${needed} permission.`, ErrorReason.MISSING_PERMISSION).toGraphQLError();
}

// Shield requires one rule object per name, so each permission's rule is made once.
const made = new Map<string, ReturnType<ReturnType<typeof rule>>>();
function permissionRule(tenantPerms: readonly TenantPermission[], platformPerms: readonly PlatformPermission[]) {
  const name = `can:${[...tenantPerms, ...platformPerms].join('|')}`;
  let r = made.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_p, _a, ctx: Context, info: GraphQLResolveInfo) => check(ctx, info, tenantPerms, platformPerms));
    made.set(name, r);
  }
  return r;
}

/** Caller holds `permission` in the tenant they are acting in. */
export const can = (permission: TenantPermission) => permissionRule([permission], []);

/** Platform staff holding `permission`; they act across tenants. */
export const staffCan = (permission: PlatformPermission) => permissionRule([], [permission]);

/** Either a tenant member with `tenantPermission`, or staff with `platformPermission`. */
export const canOrStaff = (tenantPermission: TenantPermission, platformPermission: PlatformPermission) =>
  permissionRule([tenantPermission], [platformPermission]);

/**
 * Reading a type: exactly who its access policy (`<f>.access.ts`) lets in. A policy open to any
 * signed-in caller is `isAuthenticated`; otherwise the tenant permission inside a tenant or the
 * platform permission as staff.
 */
export function readable(policy: AccessGate) {
  if (policy.tenant === SIGNED_IN || policy.platform === SIGNED_IN || policy.personal) return isAuthenticated;
  return permissionRule(policy.tenant ? [policy.tenant] : [], policy.platform ? [policy.platform] : []);
}
