import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern } from '../../common/like';
import { type ConnectionArgs, type ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { auditPlatformAccess } from '../audit/audit.service';
import { User } from './user.entity';

/** Platform staff: every user, optionally matching email or name. Audited. */
export async function listUsers(ctx: Context, args: ConnectionArgs, search?: string | null): Promise<ConnectionShape<User>> {
  const where: FilterQuery<User> = search ? { $or: [{ email: { $ilike: containsPattern(search) } }, { name: { $ilike: containsPattern(search) } }] } : {};
  const page = await paginate({ em: ctx.em, entity: User, where, args, sort: dateSort<User>('createdAt', SortDirection.ASC) });
  await auditPlatformAccess(ctx, 'users', { search: search ?? null });
  return page;
}
