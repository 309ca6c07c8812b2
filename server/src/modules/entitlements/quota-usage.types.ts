import { Field, ID, Int, ObjectType } from 'type-graphql';

/** This month's use of one active grant of a tenant. */
@ObjectType({ description: "This month's use of one of a tenant's active entitlements (runs counted as the quota gate counts them)." })
export class QuotaUsage {
  @Field(() => ID, { description: 'Global id of the entitlement.' })
  entitlementId!: string;

  @Field({ description: 'The feature or tool key the entitlement grants.' })
  feature!: string;

  @Field({ description: 'The tool name for tool grants, else the feature key.' })
  label!: string;

  @Field({ description: 'Plan of the entitlement.' })
  plan!: string;

  @Field(() => Int, { description: 'Runs this calendar month (UTC) the entitlement covers.' })
  used!: number;

  @Field(() => Int, { nullable: true, description: 'The runsPerMonth limit; null when the entitlement has none.' })
  limit?: number | null;

  @Field({ description: 'When the monthly count starts again (first instant of next month, UTC).' })
  resetsAt!: Date;
}
