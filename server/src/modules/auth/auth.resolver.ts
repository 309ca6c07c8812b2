import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import * as auth from './auth.service';
import { LoginInput, sessionList, SessionsArgs } from './auth.inputs';
import { AuthPayload } from './auth.types';
import { Session } from './session.entity';

const SessionConnection = Connection(Session);

@Resolver(() => Session)
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in and starts a session.' })
  login(@Arg('input', { description: 'Email and password, with the one-time code and tenant slug when needed.' }) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return auth.login(ctx, input);
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens; each token works once.' })
  refreshSession(@Arg('refreshToken', { description: 'Refresh token from a previous AuthPayload; it is rotated.' }) refreshToken: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return auth.refreshSession(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return auth.logout(ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Issues tokens for another tenant you are a member of.' })
  switchTenant(@Arg('tenantId', () => ID, { description: 'Global id of the tenant to switch to; the user must be a member.' }) tenantId: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return auth.switchTenant(ctx, expectGlobalId(tenantId, 'Tenant', 'tenantId'));
  }

  @Mutation(() => Session, { description: 'Ends one of your sessions (another device, say).' })
  revokeSession(@Arg('id', () => ID, { description: 'Global id of the session to revoke.' }) id: string, @Ctx() ctx: Context): Promise<Session> {
    return auth.revokeSession(ctx, expectGlobalId(id, 'Session'));
  }

  @Query(() => SessionConnection, { description: 'Your active sessions, newest first.' })
  mySessions(@Args() args: SessionsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Session>> {
    if (ctx.principal.kind !== 'user') throw unauthenticated();
    return paginate({
      em: ctx.em,
      entity: Session,
      where: { user: ctx.principal.userId, revokedAt: null, expiresAt: { $gt: new Date() } },
      args,
      sort: sessionList.sortOf(args),
    });
  }

  @FieldResolver(() => Boolean, { description: 'True for the session making this request.' })
  current(@Root() session: Session, @Ctx() ctx: Context): boolean {
    return ctx.principal.kind === 'user' && ctx.principal.sessionId === session.id;
  }
}
