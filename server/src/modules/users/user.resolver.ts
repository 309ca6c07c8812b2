import { Args, ArgsType, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { Connection, ConnectionArgs, type ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { containsPattern } from '../../common/like';
import { auditPlatformAccess } from '../audit/audit.service';
import { User } from './user.entity';

const UserConnection = Connection(User);

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Matches email or name.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Platform staff: every user.' })
  async users(@Args() args: UsersArgs, @Ctx() ctx: Context): Promise<ConnectionShape<User>> {
    const search = args.filter?.search;
    const where = search ? { $or: [{ email: { $ilike: containsPattern(search) } }, { name: { $ilike: containsPattern(search) } }] } : {};
    const page = await paginate({ em: ctx.em, entity: User, where, args, sort: dateSort<User>('createdAt', SortDirection.ASC) });
    await auditPlatformAccess(ctx, 'users', { filter: args.filter ?? null });
    return page;
  }
}
