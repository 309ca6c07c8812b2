import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { Entitlement } from './entitlement.entity';

@InputType({ description: 'An entitlement to grant to a tenant.' })
export class GrantEntitlementInput {
  @Field(() => ID, { description: 'The tenant that receives the right.' })
  tenantId!: string;

  @Field(() => ID, { nullable: true, description: 'A tool of the catalog; give either toolId or feature.' })
  toolId?: string | null;

  @Field(() => String, { nullable: true, description: 'A feature key (not a tool), e.g. "automation".' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{1,99}$/, { message: 'Feature keys are lowercase letters, digits, ".", "-" or "_".' })
  feature?: string | null;

  @Field({ description: 'Plan or source, e.g. "pro", "trial", "manual".' })
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'Plans are lowercase words, e.g. "pro" or "trial".' })
  plan!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Limits as whole numbers, e.g. { "runsPerMonth": 500 }.' })
  @IsOptional()
  limits?: unknown;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Open-ended when left out.' })
  @IsOptional()
  validUntil?: Date | null;
}

@InputType({ description: 'An entitlement to revoke.' })
export class RevokeEntitlementInput {
  @Field(() => ID, { description: 'Global id of the entitlement.' })
  id!: string;

  @Field(() => String, { description: 'Why it is revoked; optional.', nullable: true })
  @IsOptional()
  @Length(1, 500, { message: 'The reason has at most 500 characters.' })
  reason?: string | null;
}

@InputType({ description: 'Narrows a list of entitlements.' })
export class EntitlementFilter {
  @Field({ description: 'Only entitlements to this feature key.', nullable: true })
  @IsOptional()
  @Length(1, 100)
  feature?: string;

  @Field(() => ID, { description: 'Only entitlements to this tool (global id).', nullable: true })
  toolId?: string;

  @Field({ nullable: true, description: 'true: only those active now; false: only inactive (expired, future or revoked).' })
  active?: boolean;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const entitlementList = defineList<Entitlement>()({
  filter: EntitlementFilter,
  validateFilter: false,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const EntitlementsArgs = entitlementList.Args;
export type EntitlementsArgs = ArgsOf<typeof entitlementList>;
