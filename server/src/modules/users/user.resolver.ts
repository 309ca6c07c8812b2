import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { SessionsArgs } from '../auth/auth.inputs';
import { Session } from '../auth/session.entity';
import { User } from './user.entity';
import { UsersArgs } from './user.inputs';
import { listUsers } from './user.service';
import * as controls from './user.controls';

const UserConnection = Connection(User);
const SessionConnection = Connection(Session);

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Platform staff: every user.' })
  users(@Args() args: UsersArgs, @Ctx() ctx: Context): Promise<ConnectionShape<User>> {
    return listUsers(ctx, args);
  }

  @Query(() => SessionConnection, { description: "Platform staff: a user's active sessions, newest first; audited." })
  userSessions(
    @Arg('userId', () => ID, { description: 'The user whose sessions to list.' }) userId: string,
    @Args() args: SessionsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Session>> {
    return controls.listUserSessions(ctx, userId, args);
  }

  @Mutation(() => User, { description: 'Platform staff: deactivates an account (not your own); its sessions end and it cannot sign in. Audited.' })
  deactivateUser(@Arg('id', () => ID, { description: 'The user to deactivate.' }) id: string, @Ctx() ctx: Context): Promise<User> {
    return controls.deactivateUser(ctx, id);
  }

  @Mutation(() => User, { description: 'Platform staff: lets a deactivated account sign in again. Audited.' })
  reactivateUser(@Arg('id', () => ID, { description: 'The user to reactivate.' }) id: string, @Ctx() ctx: Context): Promise<User> {
    return controls.reactivateUser(ctx, id);
  }

  @Mutation(() => Int, { description: "Platform staff: ends every active session of a user; answers how many ended. Audited." })
  revokeUserSessions(@Arg('userId', () => ID, { description: 'The user to sign out everywhere.' }) userId: string, @Ctx() ctx: Context): Promise<number> {
    return controls.revokeUserSessions(ctx, userId);
  }

  @FieldResolver(() => Boolean, { description: 'The user signs in with a second factor (an authenticator app).' })
  twoFactorEnabled(@Root() user: User): boolean {
    return !!user.totpEnabledAt;
  }
}
