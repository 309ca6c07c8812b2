import { defineModule, nodeType } from '../../common/module';
import { DashboardWidget } from './dashboard-widget.entity';
import { DashboardResolver } from './dashboard.resolver';
import { dashboardPermissions } from './dashboard.permissions';
import { visibleWidgets } from './dashboard.service';

export const dashboardModule = defineModule({
  name: 'dashboard',
  entities: [DashboardWidget],
  resolvers: [DashboardResolver],
  permissions: dashboardPermissions,
  nodeTypes: {
    // The tenant's widgets and your own; another member's own widgets are not found.
    DashboardWidget: nodeType(DashboardWidget, ['dashboard:use'], (ctx) => visibleWidgets(ctx)),
  },
});
