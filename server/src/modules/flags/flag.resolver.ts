import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { FeatureFlagOverride } from './feature-flag-override.entity';
import { FeatureFlag } from './feature-flag.entity';
import { FeatureFlagsArgs, SetFeatureFlagInput, SetFeatureFlagOverrideInput } from './flag.inputs';
import * as flags from './flag.service';
import { listCost } from '../../common/query-limits';

const FeatureFlagConnection = Connection(FeatureFlag);

@Resolver(() => FeatureFlag)
export class FlagResolver {
  @Query(() => FeatureFlagConnection, { description: 'Platform staff: every flag with its global default.' })
  featureFlags(@Args() args: FeatureFlagsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<FeatureFlag>> {
    return flags.listFlags(ctx, args);
  }

  @Mutation(() => FeatureFlag, { description: 'Platform staff: create a flag or change its global default.' })
  setFeatureFlag(@Arg('input', { description: 'The flag key and its default state.' }) input: SetFeatureFlagInput, @Ctx() ctx: Context): Promise<FeatureFlag> {
    return flags.setFeatureFlag(ctx, input);
  }

  @Mutation(() => FeatureFlag, { description: "Platform staff: set or clear one tenant's override." })
  setFeatureFlagOverride(@Arg('input', { description: 'The flag, the tenant and the override state (null removes it).' }) input: SetFeatureFlagOverrideInput, @Ctx() ctx: Context): Promise<FeatureFlag> {
    return flags.setFeatureFlagOverride(ctx, input);
  }

  @FieldResolver(() => [FeatureFlagOverride], { complexity: listCost(50), description: 'Per-tenant overrides (reached only through staff operations).' })
  overrides(@Root() flag: FeatureFlag, @Ctx() ctx: Context): Promise<FeatureFlagOverride[]> {
    return ctx.loaders.flags.overridesByFlag.load(flag.id);
  }
}

@Resolver(() => FeatureFlagOverride)
export class FlagOverrideResolver {
  @FieldResolver(() => Tenant, { description: 'Tenant the override applies to.' })
  tenant(@Root() override: FeatureFlagOverride, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(override.tenant.id);
  }
}
