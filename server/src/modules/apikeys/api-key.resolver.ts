import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey, ApiKeyStatus, apiKeyStatus } from './api-key.entity';
import { ApiKeysArgs, CreateApiKeyInput, CreatedApiKey } from './api-key.inputs';
import * as apiKeys from './api-key.service';

const ApiKeyConnection = Connection(ApiKey);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "Your tenant's API keys, newest first, revoked and expired ones included (staff: every tenant's, audited)." })
  apiKeys(@Args() args: ApiKeysArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ApiKey>> {
    return apiKeys.listApiKeys(ctx, args);
  }

  @Mutation(() => CreatedApiKey, {
    description:
      "Creates an API key for your tenant that acts for you, with permissions you hold yourself; answers its secret, once. The key never does more than your current role allows. At most 50 active keys per tenant. Audited.",
  })
  createApiKey(@Arg('input', { description: 'Name, permissions and optional expiry of the new API key.' }) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    return apiKeys.createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key: it is refused from now on (API_KEY_REVOKED). Revoking a revoked key changes nothing. Audited.' })
  revokeApiKey(@Arg('id', () => ID, { description: 'Global id of the API key to revoke.' }) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return apiKeys.revokeApiKey(ctx, id);
  }

  @FieldResolver(() => ApiKeyStatus, { description: 'Active, expired or revoked, now.' })
  status(@Root() key: ApiKey): ApiKeyStatus {
    return apiKeyStatus(key);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The member the key acts for; null for a deleted account.' })
  createdBy(@Root() key: ApiKey, @Ctx() ctx: Context): Loaded<User> {
    return key.createdBy ? ctx.loaders.users.byId.get(key.createdBy.id) : null;
  }

  @FieldResolver(() => Tenant, { description: 'The tenant the key belongs to (and acts in).' })
  async tenant(@Root() key: ApiKey, @Ctx() ctx: Context): Promise<Tenant> {
    const tenant = await ctx.loaders.tenancy.tenantById.load(key.tenant.id);
    if (!tenant) throw new Error(`tenant of API key ${key.id} not loaded`);
    return tenant;
  }
}
