import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { auditPlatformAccess } from '../audit/audit.service';
import { User } from './user.entity';
import { userList, type UsersArgs } from './user.inputs';

/** Platform staff: every user, optionally matching email or name. Audited. */
export async function listUsers(ctx: Context, args: UsersArgs): Promise<ConnectionShape<User>> {
  const search = args.filter?.search;
  const where: FilterQuery<User> = search ? { $or: [{ email: { $ilike: containsPattern(search) } }, { name: { $ilike: containsPattern(search) } }] } : {};
  const page = await paginate({ em: ctx.em, entity: User, where, args, sort: userList.sortOf(args) });
  await auditPlatformAccess(ctx, 'users', { search: search ?? null });
  return page;
}
