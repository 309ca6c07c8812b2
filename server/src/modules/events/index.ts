import { defineModule, nodeType } from '../../common/module';
import { eventCorrelationItems } from './event.correlation';
import { systemEventAccess } from './event.access';
import { SystemEvent } from './system-event.entity';
import { SystemEventResolver } from './event.resolver';
import { eventPermissions } from './event.permissions';
import { createEventLoaders } from './event.loaders';

export const eventsModule = defineModule({
  name: 'events',
  entities: [SystemEvent],
  tenantScoped: [SystemEvent],
  resolvers: [SystemEventResolver],
  permissions: eventPermissions,
  correlationSources: [eventCorrelationItems],
  loaders: createEventLoaders,
  nodeTypes: {
    SystemEvent: nodeType(SystemEvent, systemEventAccess),
  },
});
