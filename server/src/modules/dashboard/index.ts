import { defineModule } from '../../common/module';
import { DashboardWidget } from './dashboard-widget.entity';
import { DashboardResolver } from './dashboard.resolver';
import { dashboardPermissions } from './dashboard.permissions';

export const dashboardModule = defineModule({
  name: 'dashboard',
  entities: [DashboardWidget],
  resolvers: [DashboardResolver],
  permissions: dashboardPermissions,
});
