import { defineModule } from '../../common/module';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { userPermissions } from './user.permissions';
import { createUserLoaders } from './user.loaders';

export const usersModule = defineModule({
  name: 'users',
  entities: [User],
  resolvers: [UserResolver],
  permissions: userPermissions,
  loaders: createUserLoaders,
});
