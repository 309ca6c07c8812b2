import { defineModule, nodeType } from '../../common/module';
import { dashboardWidgetAccess } from './dashboard.access';
import { DashboardWidget } from './dashboard-widget.entity';
import { DashboardResolver } from './dashboard.resolver';
import { dashboardPermissions } from './dashboard.permissions';

export const dashboardModule = defineModule({
  name: 'dashboard',
  entities: [DashboardWidget],
  resolvers: [DashboardResolver],
  permissions: dashboardPermissions,
  nodeTypes: {
    // The tenant's widgets and your own; another member's own widgets are not found.
    DashboardWidget: nodeType(DashboardWidget, dashboardWidgetAccess),
  },
});
