import { defineModule } from '../../common/module';
import { Session } from './session.entity';
import { RefreshToken } from './refresh-token.entity';
import { AuthResolver } from './auth.resolver';
import { authPermissions } from './auth.permissions';

export const authModule = defineModule({
  name: 'auth',
  entities: [Session, RefreshToken],
  resolvers: [AuthResolver],
  permissions: authPermissions,
});
