import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from '../apikeys/api-key.entity';
import { Entitlement } from '../entitlements/entitlement.entity';
import { EvaluatedFlag } from '../flags/flag.inputs';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { StaffRole, User } from '../users/user.entity';
import { listCost } from '../../common/query-limits';

@ObjectType({ description: 'The caller: who they are, where they act and what they may do.' })
export class Me {
  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;

  @Field(() => Tenant, { nullable: true, description: 'The tenant this session acts in.' })
  tenant!: Tenant | null;

  @Field({ description: 'Role in the current tenant; for staff outside a tenant, their staff role; else "none".' })
  role!: string;

  @Field(() => StaffRole, { description: 'Platform staff role of the user; null for customers.', nullable: true })
  staffRole!: StaffRole | null;

  @Field(() => [String], { description: 'Effective permissions, sorted.' })
  permissions!: string[];

  @Field(() => [Entitlement], { complexity: listCost(50), description: "The current tenant's active entitlements." })
  entitlements!: Entitlement[];

  @Field(() => [EvaluatedFlag], { complexity: listCost(100), description: 'Feature flags evaluated for the current tenant.' })
  featureFlags!: EvaluatedFlag[];

  @Field(() => [Membership], { complexity: listCost(100), description: 'All your memberships, for switching tenants.' })
  memberships!: Membership[];

  @Field({ description: 'You sign in with a second factor (an authenticator app).' })
  twoFactorEnabled!: boolean;

  @Field({
    description:
      'Your current tenant requires two-factor sign-in and you have not set it up: until you enrol (beginTotpEnrollment, confirmTotpEnrollment), other operations answer FORBIDDEN with reason TWO_FACTOR_ENROLLMENT_REQUIRED.',
  })
  twoFactorEnrollmentRequired!: boolean;

  @Field(() => ApiKey, { nullable: true, description: 'The API key making this request (then `user` is the member it acts for, and `permissions` the key\'s, capped by that member\'s role); null for a person.' })
  apiKey!: ApiKey | null;
}
