import { defineModule } from '../../common/module';
import { CorrelationResolver } from './correlation.resolver';
import { correlationPermissions } from './correlation.permissions';
import { auditCorrelationItems, eventCorrelationItems, incidentCorrelationItems, ticketCorrelationItems } from './correlation.sources';

export const correlationModule = defineModule({
  name: 'correlation',
  resolvers: [CorrelationResolver],
  permissions: correlationPermissions,
  // The kinds without a module of their own here yet; messages and runs contribute theirs.
  correlationSources: [eventCorrelationItems, ticketCorrelationItems, incidentCorrelationItems, auditCorrelationItems],
});
