import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection';

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

@ArgsType()
export class TenantsArgs extends ConnectionArgs {
  @Field(() => TenantFilter, { nullable: true })
  filter?: TenantFilter;
}

@InputType()
export class MembershipFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;
}

@ArgsType()
export class MembershipsArgs extends ConnectionArgs {
  @Field(() => MembershipFilter, { nullable: true })
  filter?: MembershipFilter;
}
