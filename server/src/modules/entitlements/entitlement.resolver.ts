import type { Loaded } from '../../common/batch-loaders';
import { listCost } from '../../common/query-limits';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { Tool } from '../tools/tool.entity';
import { Entitlement } from './entitlement.entity';
import { EntitlementsArgs, GrantEntitlementInput, RevokeEntitlementInput } from './entitlement.inputs';
import * as entitlements from './entitlement.service';
import { QuotaUsage } from './quota-usage.types';

const EntitlementConnection = Connection(Entitlement);

@Resolver(() => Entitlement)
export class EntitlementResolver {
  @Query(() => EntitlementConnection, { description: "Your tenant's entitlements, newest first, including expired and revoked ones (staff: any tenant)." })
  entitlements(@Args() args: EntitlementsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Entitlement>> {
    return entitlements.listEntitlements(ctx, args);
  }

  @Query(() => Entitlement, { description: 'One entitlement by global id; NOT_FOUND when not visible.', nullable: true })
  entitlement(@Arg('id', () => ID, { description: 'Global id of the entitlement.' }) id: string, @Ctx() ctx: Context): Promise<Entitlement> {
    return entitlements.getEntitlement(ctx, expectGlobalId(id, 'Entitlement'));
  }

  @Query(() => [QuotaUsage], {
    complexity: listCost(entitlements.QUOTA_USAGE_LIMIT),
    description: "This month's runs against each active entitlement of your tenant (staff: of the tenant named; audited); at most 200.",
  })
  quotaUsage(
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform staff: the tenant (required); inside a tenant, your own (another answers NOT_FOUND).' }) tenantId: string | null,
    @Ctx() ctx: Context,
  ): Promise<QuotaUsage[]> {
    return entitlements.quotaUsageOf(ctx, tenantId);
  }

  @Mutation(() => Entitlement, { description: 'Platform staff: grant a tenant a tool or feature; audited.' })
  grantEntitlement(@Arg('input', { description: 'The tenant, plan, feature or tool, limits and validity to grant.' }) input: GrantEntitlementInput, @Ctx() ctx: Context): Promise<Entitlement> {
    return entitlements.grantEntitlement(ctx, input);
  }

  @Mutation(() => Entitlement, { description: 'Platform staff: revoke a grant; audited.' })
  revokeEntitlement(@Arg('input', { description: 'The entitlement to revoke and why.' }) input: RevokeEntitlementInput, @Ctx() ctx: Context): Promise<Entitlement> {
    return entitlements.revokeEntitlement(ctx, input);
  }

  @FieldResolver(() => Tool, { nullable: true, description: 'The tool, for tool grants.' })
  tool(@Root() e: Entitlement, @Ctx() ctx: Context): Loaded<Tool> {
    return e.tool ? ctx.loaders.tools.readById.get(e.tool.id) : null;
  }

  @FieldResolver(() => Int, {
    description:
      "Runs created this calendar month (UTC) that count against this grant's runsPerMonth limit: the tool's runs for a tool grant, all the tenant's runs for a feature grant. Counted by the server, as the quota check counts them.",
  })
  runsUsedThisMonth(@Root() e: Entitlement, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.entitlements.runsThisMonth.load(e.id);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant that holds the entitlement.' })
  tenant(@Root() e: Entitlement, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(e.tenant.id);
  }
}
