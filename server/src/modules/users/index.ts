import { defineModule, nodeType } from '../../common/module';
import { userAccess } from './user.access';
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
    User: nodeType(User, userAccess, async (ctx, ids, grant) => {
      // Inside a tenant: yourself, or the requested users that are members here (the tenant filter applies).
      if (grant.as !== 'tenant') return {};
      const members = await ctx.em.find(Membership, { user: { $in: ids } }, { fields: ['user'] });
      return { id: { $in: [userIdOf(ctx), ...members.map((m) => m.user.id)] } };
    }),
  },
});
