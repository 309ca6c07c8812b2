import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern } from '../../common/like';
import type { ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { sortKeyOf } from '../../common/pagination/order';
import { dateSort, paginate, stringSort } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { auditPlatformAccess } from '../audit/audit.service';
import { User } from './user.entity';
import { USER_ORDER_DEFAULT, type UsersArgs } from './user.inputs';

const USER_SORTS = {
  createdAt: (d: SortDirection) => dateSort<User>('createdAt', d),
  name: (d: SortDirection) => stringSort<User>('name', d),
  email: (d: SortDirection) => stringSort<User>('email', d),
};

/** Platform staff: every user, optionally matching email or name. Audited. */
export async function listUsers(ctx: Context, args: UsersArgs): Promise<ConnectionShape<User>> {
  const search = args.filter?.search;
  const where: FilterQuery<User> = search ? { $or: [{ email: { $ilike: containsPattern(search) } }, { name: { $ilike: containsPattern(search) } }] } : {};
  const page = await paginate({ em: ctx.em, entity: User, where, args, sort: sortKeyOf(args.orderBy, USER_ORDER_DEFAULT, USER_SORTS) });
  await auditPlatformAccess(ctx, 'users', { search: search ?? null });
  return page;
}
