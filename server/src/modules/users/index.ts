import { defineModule, nodeType } from '../../common/module';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { userPermissions } from './user.permissions';
import { createUserLoaders } from './user.loaders';
import { Membership } from '../tenancy/membership.entity';
import { userIdOf } from '../../context/scope';

export const usersModule = defineModule({
  name: 'users',
  entities: [User],
  resolvers: [UserResolver],
  permissions: userPermissions,
  loaders: createUserLoaders,
  nodeTypes: {
    User: nodeType(User, [], async (ctx, ids) => {
      // Yourself, members of your tenant, or anyone for staff.
      if (ctx.permissions.has('platform:user:read')) return {};
      const me = userIdOf(ctx);
      if (!ctx.tenantId) return { id: me };
      // Only the requested users that are members here (the tenant filter applies).
      const members = await ctx.em.find(Membership, { user: { $in: ids } }, { fields: ['user'] });
      return { id: { $in: [me, ...members.map((m) => m.user.id)] } };
    }),
  },
});
