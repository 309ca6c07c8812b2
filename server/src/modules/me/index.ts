import { defineModule } from '../../common/module';
import { MeResolver } from './me.resolver';
import { mePermissions } from './me.permissions';

export const meModule = defineModule({
  name: 'me',
  resolvers: [MeResolver],
  permissions: mePermissions,
});
