import { ArrayMaxSize, IsBoolean, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { Membership } from './membership.entity';
import type { Role } from './role.entity';
import type { Tenant } from './tenant.entity';

@InputType({ description: 'A new role for a tenant member.' })
export class UpdateMembershipRoleInput {
  @Field(() => ID, { description: 'Global id of the membership.' })
  membershipId!: string;

  @Field(() => ID, { description: 'Global id of the role to give.' })
  roleId!: string;
}

@InputType({ description: 'A new custom role for the current tenant.' })
export class CreateRoleInput {
  @Field({ description: 'Name of the role, unique within the tenant.' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Role names are lowercase letters, digits and "-".' })
  name!: string;

  @Field(() => String, { description: 'What the role is for; optional.', nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [String], { description: 'Permission keys the role grants (see the permissions catalog).' })
  @ArrayMaxSize(50)
  permissions!: string[];

  @Field(() => ID, {
    description: 'Platform staff (platform:role:manage): the tenant to create the role in. Members leave it out: the role goes to their current tenant.',
    nullable: true,
  })
  @IsOptional()
  tenantId?: string | null;
}

@InputType({ description: 'Changes to a custom role; fields left out stay as they are.' })
export class UpdateRoleInput {
  @Field(() => ID, { description: 'Global id of the role.' })
  id!: string;

  @Field(() => String, { description: 'New description; unchanged when omitted.', nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [String], { description: 'New permission keys, replacing the old ones; unchanged when omitted.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  permissions?: string[] | null;
}

@InputType({ description: "The current tenant's security settings." })
export class UpdateTenantSecurityInput {
  @Field({ description: 'Members must sign in with two-factor authentication; those without it are asked to enrol first.' })
  @IsBoolean()
  requireTwoFactor!: boolean;
}

@InputType({ description: 'Narrows a list of tenants.' })
export class TenantFilter {
  @Field({ nullable: true, description: 'Matches name or slug.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

export const tenantList = defineList<Tenant>()({
  filter: TenantFilter,
  validateFilter: false,
  orderBy: {
    input: 'TenantOrder',
    fields: { createdAt: 'date', name: 'string', slug: 'string' },
    default: { field: 'createdAt', direction: SortDirection.ASC },
    description: 'Oldest first unless asked otherwise.',
  },
});
export const TenantsArgs = tenantList.Args;
export type TenantsArgs = ArgsOf<typeof tenantList>;

@InputType({ description: 'Narrows a list of memberships.' })
export class MembershipFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;

  @Field(() => ID, { description: 'Only memberships of this user (global id).', nullable: true })
  userId?: string;

  @Field({ description: 'Only members whose role grants this permission, e.g. "ticket:write" for who can work tickets.', nullable: true })
  permission?: string;
}

@InputType({ description: 'Narrows a list of roles.' })
export class RoleFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant (others see their own tenant only).' })
  tenantId?: string;
}

export const roleList = defineList<Role>()({
  filter: RoleFilter,
  validateFilter: false,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.ASC },
});
export const RolesArgs = roleList.Args;
export type RolesArgs = ArgsOf<typeof roleList>;

export const membershipList = defineList<Membership>()({
  filter: MembershipFilter,
  validateFilter: false,
  orderBy: {
    input: 'MembershipOrder',
    fields: { createdAt: 'date' },
    default: { field: 'createdAt', direction: SortDirection.ASC },
    description: 'Oldest first unless asked otherwise.',
  },
});
export const MembershipsArgs = membershipList.Args;
export type MembershipsArgs = ArgsOf<typeof membershipList>;
