import { defineModule, nodeType } from '../../common/module';
import { runAccess } from './run.access';
import { WidgetType } from '../../common/widget';
import { AutomationRun } from './run.entity';
import { RunResolver, TicketRunsResolver } from './run.resolver';
import { runPermissions } from './run.permissions';
import { createRunLoaders } from './run.loaders';
import { runCorrelationItems } from './run.correlation';
import { runsLast7DaysWidget } from './run.widgets';

export const runsModule = defineModule({
  name: 'runs',
  entities: [AutomationRun],
  resolvers: [RunResolver, TicketRunsResolver],
  permissions: runPermissions,
  loaders: createRunLoaders,
  correlationSources: [runCorrelationItems],
  nodeTypes: {
    AutomationRun: nodeType(AutomationRun, runAccess),
  },
  widgets: { [WidgetType.RUNS_LAST_7_DAYS_BY_STATUS]: runsLast7DaysWidget },
});
