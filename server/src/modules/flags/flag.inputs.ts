import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType()
export class SetFeatureFlagInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_.-]{1,99}$/, { message: 'Flag keys are lowercase letters, digits, ".", "-" or "_".' })
  key!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field()
  defaultEnabled!: boolean;
}

@InputType()
export class SetFeatureFlagOverrideInput {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  key!: string;

  @Field(() => Boolean, { nullable: true, description: 'null removes the override.' })
  enabled?: boolean | null;
}

@ObjectType({ description: 'A flag as it applies to the current tenant.' })
export class EvaluatedFlag {
  @Field()
  key!: string;

  @Field()
  enabled!: boolean;

  @Field({ description: 'True when the tenant overrides the global default.' })
  overridden!: boolean;
}
