import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { TENANT_PERMISSIONS } from '../../permissions/catalog';
import { User } from '../users/user.entity';
import { Membership } from './membership.entity';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';
import { CreateRoleInput, MembershipsArgs, RolesArgs, TenantsArgs, UpdateMembershipRoleInput, UpdateRoleInput, UpdateTenantSecurityInput } from './tenancy.inputs';
import * as tenancy from './tenancy.service';
import * as lifecycle from './membership.lifecycle';

const TenantConnection = Connection(Tenant);
const MembershipConnection = Connection(Membership);
const RoleConnection = Connection(Role);

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => TenantConnection, { description: 'Platform staff: all tenants.' })
  tenants(@Args() args: TenantsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Tenant>> {
    return tenancy.listTenants(ctx, args);
  }

  @Query(() => Tenant, { nullable: true, description: 'Your current tenant, or any tenant for staff.' })
  tenant(@Arg('id', () => ID, { description: 'Global id of the tenant.' }) id: string, @Ctx() ctx: Context): Promise<Tenant> {
    return tenancy.getTenant(ctx, expectGlobalId(id, 'Tenant'));
  }

  @Mutation(() => Tenant, { description: "Changes your current tenant's security settings (owners: tenant:manage); audited." })
  updateTenantSecurity(@Arg('input', { description: 'The security settings to change on the current tenant.' }) input: UpdateTenantSecurityInput, @Ctx() ctx: Context): Promise<Tenant> {
    return tenancy.updateTenantSecurity(ctx, input);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => MembershipConnection, { description: 'Members of your tenant (staff: of any tenant).' })
  memberships(@Args() args: MembershipsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Membership>> {
    return tenancy.listMemberships(ctx, args);
  }

  @Mutation(() => Membership, { description: "Changes a member's role; audited." })
  updateMembershipRole(@Arg('input', { description: 'The membership and the role to give it.' }) input: UpdateMembershipRoleInput, @Ctx() ctx: Context): Promise<Membership> {
    return tenancy.updateMembershipRole(ctx, input);
  }

  @Mutation(() => Membership, {
    description: 'Removes a member from your tenant (staff: any tenant); their sessions there end. The last owner stays. Audited.',
  })
  removeMember(@Arg('membershipId', () => ID, { description: 'Global id of the membership to remove.' }) membershipId: string, @Ctx() ctx: Context): Promise<Membership> {
    return lifecycle.removeMember(ctx, membershipId);
  }

  @Mutation(() => Boolean, { description: 'Leaves the tenant you act in; your sessions there end. The last owner cannot leave. Audited.' })
  leaveTenant(@Ctx() ctx: Context): Promise<boolean> {
    return lifecycle.leaveTenant(ctx);
  }

  @FieldResolver(() => User, { description: 'The member.' })
  user(@Root() m: Membership, @Ctx() ctx: Context): Loaded<User> {
    return ctx.loaders.users.byId.get(m.user.id);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the user belongs to.' })
  tenant(@Root() m: Membership, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(m.tenant.id);
  }

  @FieldResolver(() => Role, { description: 'Role the user has in the tenant.' })
  role(@Root() m: Membership, @Ctx() ctx: Context): Loaded<Role> {
    // A user's own memberships in other tenants (me.memberships) need their roles too.
    return ctx.loaders.tenancy.roleOfMembership.load(m.role.id);
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => RoleConnection, { description: "Your tenant's roles (staff: any tenant's)." })
  roles(@Args() args: RolesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Role>> {
    return tenancy.listRoles(ctx, args);
  }

  @Query(() => [String], { description: 'Every permission a tenant role can hold (the catalog), in catalog order; a member grants only those they hold.' })
  tenantPermissions(): string[] {
    return [...TENANT_PERMISSIONS];
  }

  @Mutation(() => Role, { description: 'Creates a custom role in the current tenant (platform staff: in the tenant they name). Audited.' })
  createRole(@Arg('input', { description: 'Name and permissions of the new role.' }) input: CreateRoleInput, @Ctx() ctx: Context): Promise<Role> {
    return tenancy.createRole(ctx, input);
  }

  @Mutation(() => Role, { description: 'Changes a custom role\'s description or permissions (platform staff: in any tenant). Audited.' })
  updateRole(@Arg('input', { description: 'The role to change and its new description or permissions.' }) input: UpdateRoleInput, @Ctx() ctx: Context): Promise<Role> {
    return tenancy.updateRole(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a custom role no member holds (system roles cannot be deleted); answers true. Audited.' })
  deleteRole(@Arg('id', () => ID, { description: 'Global id of the role to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return tenancy.deleteRole(ctx, id);
  }
}
