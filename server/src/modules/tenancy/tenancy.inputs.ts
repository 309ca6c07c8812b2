import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, SortDirection } from '../../common/pagination/connection';
import { orderInput } from '../../common/pagination/order';

@InputType()
export class UpdateMembershipRoleInput {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => ID)
  roleId!: string;
}

@InputType()
export class CreateRoleInput {
  @Field()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Role names are lowercase letters, digits and "-".' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [String])
  @ArrayMaxSize(50)
  permissions!: string[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  permissions?: string[] | null;
}

@InputType()
export class TenantFilter {
  @Field({ nullable: true, description: 'Matches name or slug.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

export enum TenantOrderField {
  CREATED_AT = 'createdAt',
  NAME = 'name',
  SLUG = 'slug',
}
registerEnumType(TenantOrderField, { name: 'TenantOrderField' });
export const TENANT_ORDER_DEFAULT = { field: TenantOrderField.CREATED_AT, direction: SortDirection.ASC };
export const TenantOrder = orderInput('TenantOrder', TenantOrderField, TENANT_ORDER_DEFAULT);
export type TenantOrder = InstanceType<typeof TenantOrder>;

@ArgsType()
export class TenantsArgs extends ConnectionArgs {
  @Field(() => TenantFilter, { nullable: true })
  filter?: TenantFilter;

  @Field(() => TenantOrder, { nullable: true, description: 'Oldest first unless asked otherwise.' })
  orderBy?: TenantOrder;
}

@InputType()
export class MembershipFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;
}

@InputType()
export class RoleFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant (others see their own tenant only).' })
  tenantId?: string;
}

@ArgsType()
export class RolesArgs extends ConnectionArgs {
  @Field(() => RoleFilter, { nullable: true })
  filter?: RoleFilter;
}

export enum MembershipOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(MembershipOrderField, { name: 'MembershipOrderField' });
export const MEMBERSHIP_ORDER_DEFAULT = { field: MembershipOrderField.CREATED_AT, direction: SortDirection.ASC };
export const MembershipOrder = orderInput('MembershipOrder', MembershipOrderField, MEMBERSHIP_ORDER_DEFAULT);
export type MembershipOrder = InstanceType<typeof MembershipOrder>;

@ArgsType()
export class MembershipsArgs extends ConnectionArgs {
  @Field(() => MembershipFilter, { nullable: true })
  filter?: MembershipFilter;

  @Field(() => MembershipOrder, { nullable: true, description: 'Oldest first unless asked otherwise.' })
  orderBy?: MembershipOrder;
}
