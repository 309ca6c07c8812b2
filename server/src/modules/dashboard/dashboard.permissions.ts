import type { ModulePermissions } from '../../permissions/types';
import { can } from '../../permissions/rules';

/** Every member may use the dashboard and keep widgets of their own; tenant-wide ones also need dashboard:manage (checked by the service). */
export const dashboardPermissions: ModulePermissions = {
  Query: { dashboard: can('dashboard:use') },
  Mutation: {
    addDashboardWidget: can('dashboard:use'),
    updateDashboardWidget: can('dashboard:use'),
    moveDashboardWidget: can('dashboard:use'),
    removeDashboardWidget: can('dashboard:use'),
  },
};
