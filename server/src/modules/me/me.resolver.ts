import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context';
import { getMe } from './me.service';
import { Me } from './me.types';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: 'The current principal: user, tenant, role, permissions and flags.' })
  me(@Ctx() ctx: Context): Promise<Me> {
    return getMe(ctx);
  }
}
