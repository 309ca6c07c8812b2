import { defineAccess } from '../../permissions/access';
import { userIdOf } from '../../context/scope';
import type { DashboardWidget } from './dashboard-widget.entity';

/** Dashboard widgets: members with dashboard:use see their tenant's shared widgets and their own. */
export const dashboardWidgetAccess = defineAccess<DashboardWidget>({
  type: 'DashboardWidget',
  tenant: 'dashboard:use',
  platform: null,
  rows: (_grant, scope) => {
    const userId = userIdOf(scope);
    return userId ? { $or: [{ user: null }, { user: userId }] } : { id: null as unknown as string };
  },
});
