import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { User } from './user.entity';
import { UsersArgs } from './user.inputs';
import { listUsers } from './user.service';

const UserConnection = Connection(User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Platform staff: every user.' })
  users(@Args() args: UsersArgs, @Ctx() ctx: Context): Promise<ConnectionShape<User>> {
    return listUsers(ctx, args);
  }
}
