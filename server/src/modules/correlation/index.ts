import { defineModule } from '../../common/module';
import { CorrelationResolver } from './correlation.resolver';
import { correlationPermissions } from './correlation.permissions';

export const correlationModule = defineModule({
  name: 'correlation',
  resolvers: [CorrelationResolver],
  permissions: correlationPermissions,
});
