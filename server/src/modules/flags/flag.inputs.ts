import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { FeatureFlag } from './feature-flag.entity';

@InputType({ description: "One tenant's override in a flag's complete set of overrides." })
export class FeatureFlagOverrideInput {
  @Field(() => ID, { description: 'Global id of the tenant.' })
  tenantId!: string;

  @Field({ description: 'Whether the flag is on for this tenant.' })
  enabled!: boolean;
}

@InputType({ description: 'A feature flag to create or replace.' })
export class SetFeatureFlagInput {
  @Field({ description: 'Unique key of the flag.' })
  @Matches(/^[a-z][a-z0-9_.-]{1,99}$/, { message: 'Flag keys are lowercase letters, digits, ".", "-" or "_".' })
  key!: string;

  @Field(() => String, { description: 'What the flag controls; optional.', nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field({ description: 'Whether the flag is on for tenants without an override.' })
  defaultEnabled!: boolean;

  @Field(() => [FeatureFlagOverrideInput], {
    nullable: true,
    description: 'When given, the complete set of tenant overrides after this change: tenants left out lose theirs. Applied with the default in one transaction.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  overrides?: FeatureFlagOverrideInput[] | null;
}

@InputType({ description: 'A per-tenant override of a feature flag.' })
export class SetFeatureFlagOverrideInput {
  @Field(() => ID, { description: 'Global id of the tenant.' })
  tenantId!: string;

  @Field({ description: 'Key of the feature flag.' })
  key!: string;

  @Field(() => Boolean, { nullable: true, description: 'null removes the override.' })
  enabled?: boolean | null;
}

@ObjectType({ description: 'A flag as it applies to the current tenant.' })
export class EvaluatedFlag {
  @Field({ description: 'Key of the feature flag.' })
  key!: string;

  @Field({ description: 'Whether the flag is on for the current tenant.' })
  enabled!: boolean;

  @Field({ description: 'True when the tenant overrides the global default.' })
  overridden!: boolean;
}

/** Flags oldest first. */
export const featureFlagList = defineList<FeatureFlag>()({
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.ASC },
});
export const FeatureFlagsArgs = featureFlagList.Args;
export type FeatureFlagsArgs = ArgsOf<typeof featureFlagList>;
