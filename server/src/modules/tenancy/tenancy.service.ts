import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { readGrant } from '../../permissions/access';
import { tenantAccess } from './tenancy.access';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions, tenantRoleOf, userIdOf } from '../../context/scope';
import { isTenantPermission } from '../../permissions/catalog';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { keepAnOwner } from './membership.lifecycle';
import { Membership } from './membership.entity';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';
import {
  type CreateRoleInput,
  membershipList,
  type MembershipsArgs,
  roleList,
  type RolesArgs,
  tenantList,
  type TenantsArgs,
  type UpdateMembershipRoleInput,
  type UpdateRoleInput,
  type UpdateTenantSecurityInput,
} from './tenancy.inputs';

export async function listTenants(ctx: Context, args: TenantsArgs): Promise<ConnectionShape<Tenant>> {
  const filter = args.filter;
  const where: FilterQuery<Tenant> = filter?.search
    ? { $or: [{ name: { $ilike: containsPattern(filter.search) } }, { slug: { $ilike: containsPattern(filter.search) } }] }
    : {};
  const page = await paginate({ em: ctx.em, entity: Tenant, where, args, sort: tenantList.sortOf(args) });
  await auditPlatformAccess(ctx, 'tenants', { filter: filter ?? null });
  return page;
}

/** Your own tenant, or any tenant for staff; others answer NOT_FOUND. */
export async function getTenant(ctx: Context, tenantId: string): Promise<Tenant> {
  const grant = readGrant(ctx, tenantAccess);
  if (!grant || (grant.as === 'tenant' && tenantId !== grant.tenantId)) throw notFound('Tenant');
  const tenant = await ctx.loaders.tenancy.tenantById.load(tenantId);
  if (!tenant) throw notFound('Tenant');
  if (tenantId !== ctx.tenantId) await auditPlatformAccess(ctx, 'tenant', {}, tenantId);
  return tenant;
}

export async function listMemberships(ctx: Context, args: MembershipsArgs): Promise<ConnectionShape<Membership>> {
  const filter = args.filter;
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenant = expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId');
  if (filter?.userId) where.user = expectGlobalId(filter.userId, 'User', 'filter.userId');
  if (filter?.permission) {
    if (!isTenantPermission(filter.permission)) {
      throw badInput(`Unknown permission: ${filter.permission.slice(0, 100)}.`, [{ field: 'filter.permission', message: 'Not a tenant permission.' }]);
    }
    where.role = { permissions: { $contains: [filter.permission] } };
  }
  const page = await paginate({ em: ctx.em, entity: Membership, where, args, sort: membershipList.sortOf(args), options: scopeOptions(ctx) });
  await auditPlatformAccess(ctx, 'memberships', { filter: filter ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

/** Your tenant's roles; staff read any tenant's (one with filter.tenantId), audited. */
export async function listRoles(ctx: Context, args: RolesArgs): Promise<ConnectionShape<Role>> {
  const where: Record<string, unknown> = {};
  if (args.filter?.tenantId) where.tenant = expectGlobalId(args.filter.tenantId, 'Tenant', 'filter.tenantId');
  const page = await paginate({ em: ctx.em, entity: Role, where, args, sort: roleList.sortOf(args), options: scopeOptions(ctx) });
  await auditPlatformAccess(ctx, 'roles', { filter: args.filter ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

/** The current tenant's security settings; audited when something changes. */
export async function updateTenantSecurity(ctx: Context, input: UpdateTenantSecurityInput): Promise<Tenant> {
  const tenantId = ctx.tenantId;
  if (!tenantId) throw forbidden('Switch to a tenant first.', ErrorReason.TENANT_REQUIRED);
  return ctx.em.transactional(async (em) => {
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const diff = diffOf({ requireTwoFactor: tenant.requireTwoFactor }, { requireTwoFactor: input.requireTwoFactor });
    if (!diff) return tenant;
    tenant.requireTwoFactor = input.requireTwoFactor;
    recordAudit(ctx, em, { action: 'tenant.security_updated', tenantId, target: { type: 'Tenant', id: tenant.id }, diff });
    return tenant;
  });
}

const OWNER = 'owner';

/** No escalation: whoever grants a role, or adds permissions to one, must hold them all. */
export function checkNoEscalation(ctx: Context, granted: string[]): void {
  const beyond = granted.filter((p) => !ctx.permissions.has(p));
  if (beyond.length) throw forbidden(`You cannot grant permissions you do not have (${beyond.join(', ')}).`, ErrorReason.ESCALATION);
}

export async function updateMembershipRole(ctx: Context, input: UpdateMembershipRoleInput): Promise<Membership> {
  const membershipId = expectGlobalId(input.membershipId, 'Membership', 'membershipId');
  const roleId = expectGlobalId(input.roleId, 'Role', 'roleId');
  return ctx.em.transactional(async (em) => {
    const membership = await em.findOne(Membership, { id: membershipId }, { ...scopeOptions(ctx), populate: ['role'] });
    if (!membership) throw notFound('Membership');
    const tenantId = membership.tenant.id;
    const role = await em.findOne(Role, { id: roleId, tenant: tenantId }, { filters: false });
    if (!role) throw notFound('Role');
    const current = membership.role.getEntity();
    if (current.id === role.id) return membership;
    if (!isPlatformScope(ctx)) {
      if (membership.user.id === userIdOf(ctx)) throw forbidden('You cannot change your own role.', ErrorReason.SELF_ROLE_CHANGE);
      if ((role.name === OWNER || current.name === OWNER) && tenantRoleOf(ctx) !== OWNER) {
        throw forbidden('Only an owner can grant or take away the owner role.', ErrorReason.OWNER_ONLY);
      }
      checkNoEscalation(ctx, role.permissions);
    }
    // Locks the tenant's owner memberships so two concurrent demotions cannot both pass.
    if (current.name === OWNER) await keepAnOwner(em, tenantId);
    em.assign(membership, { role });
    recordAudit(ctx, em, {
      action: 'membership.role_changed',
      tenantId,
      target: { type: 'Membership', id: membership.id },
      diff: { before: { role: current.name }, after: { role: role.name }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
    });
    return membership;
  });
}

function checkPermissions(permissions: string[]): string[] {
  const unknown = permissions.filter((p) => !isTenantPermission(p));
  if (unknown.length) {
    throw badInput(`Unknown permission(s): ${unknown.join(', ')}.`, [{ field: 'permissions', message: `Unknown: ${unknown.join(', ')}` }]);
  }
  return [...new Set(permissions)].sort();
}

/**
 * The tenant a new role goes to: a member's current tenant (tenantId must be left out: the tenant
 * comes from the token), or for platform staff the tenant they name, which must exist.
 */
async function roleTenantOf(ctx: Context, tenantGlobalId: string | null | undefined): Promise<string> {
  if (!isPlatformScope(ctx)) {
    if (!ctx.tenantId) throw forbidden('Switch to a tenant first.', ErrorReason.TENANT_REQUIRED);
    if (tenantGlobalId) throw badInput('Leave tenantId out: a role goes to your current tenant.', [{ field: 'tenantId', message: 'Only platform staff name the tenant.' }]);
    return ctx.tenantId;
  }
  if (!tenantGlobalId) throw badInput('Choose the tenant the role belongs to.', [{ field: 'tenantId', message: 'Required for platform staff.' }]);
  const tenantId = expectGlobalId(tenantGlobalId, 'Tenant', 'tenantId');
  if (!(await ctx.em.count(Tenant, { id: tenantId }, { filters: false }))) throw notFound('Tenant');
  return tenantId;
}

/**
 * A custom role in the caller's tenant (or, for platform staff, the tenant they name). A member
 * grants only permissions they hold themselves; staff with platform:role:manage may grant any
 * tenant permission, audited as done through the platform.
 */
export async function createRole(ctx: Context, input: CreateRoleInput): Promise<Role> {
  const permissions = checkPermissions(input.permissions);
  const tenantId = await roleTenantOf(ctx, input.tenantId);
  const platform = isPlatformScope(ctx);
  if (!platform) checkNoEscalation(ctx, permissions);
  return ctx.em.transactional(async (em) => {
    if (await em.count(Role, { tenant: tenantId, name: input.name }, { filters: false })) throw conflict(`A role named "${input.name}" already exists.`, ErrorReason.DUPLICATE);
    const role = em.create(Role, { tenant: em.getReference(Tenant, tenantId), name: input.name, description: input.description ?? undefined, permissions });
    em.persist(role);
    recordAudit(ctx, em, {
      action: 'role.created',
      tenantId,
      target: { type: 'Role', id: role.id },
      diff: { after: { name: role.name, permissions }, ...(platform ? { viaPlatform: true } : {}) },
    });
    return role;
  });
}

export async function updateRole(ctx: Context, input: UpdateRoleInput): Promise<Role> {
  const id = expectGlobalId(input.id, 'Role');
  const platform = isPlatformScope(ctx);
  return ctx.em.transactional(async (em) => {
    const role = await em.findOne(Role, { id }, scopeOptions(ctx));
    if (!role) throw notFound('Role');
    if (role.system) throw forbidden('System roles cannot be changed; create a custom role instead.', ErrorReason.SYSTEM_ROLE);
    const after = {
      description: input.description ?? undefined,
      permissions: input.permissions ? checkPermissions(input.permissions) : undefined,
    };
    if (after.permissions && !platform) checkNoEscalation(ctx, after.permissions.filter((p) => !role.permissions.includes(p)));
    const diff = diffOf({ description: role.description, permissions: role.permissions }, after);
    if (!diff) return role;
    if (after.description !== undefined) role.description = after.description;
    if (after.permissions) role.permissions = after.permissions;
    recordAudit(ctx, em, { action: 'role.updated', tenantId: role.tenant.id, target: { type: 'Role', id: role.id }, diff: platform ? { ...diff, viaPlatform: true } : diff });
    return role;
  });
}

export async function deleteRole(ctx: Context, roleGlobalId: string): Promise<boolean> {
  const id = expectGlobalId(roleGlobalId, 'Role');
  return ctx.em.transactional(async (em) => {
    const role = await em.findOne(Role, { id }, scopeOptions(ctx));
    if (!role) throw notFound('Role');
    if (role.system) throw forbidden('System roles cannot be deleted.', ErrorReason.SYSTEM_ROLE);
    if (await em.count(Membership, { role: role.id }, { filters: false })) throw conflict('Members still hold this role; give them another role first.', ErrorReason.ROLE_IN_USE);
    em.remove(role);
    recordAudit(ctx, em, {
      action: 'role.deleted',
      tenantId: role.tenant.id,
      target: { type: 'Role', id: role.id },
      diff: { before: { name: role.name, permissions: role.permissions }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
    });
    return true;
  });
}
