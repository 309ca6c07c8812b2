import { defineModule } from '../../common/module';
import { NodeResolver } from './node.resolver';
import { nodePermissions } from './node.permissions';

export const nodeModule = defineModule({
  name: 'node',
  resolvers: [NodeResolver],
  permissions: nodePermissions,
});
