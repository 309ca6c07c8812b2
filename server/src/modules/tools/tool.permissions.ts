import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, isAuthenticated, staffCan } from '../../permissions/rules';

export const toolPermissions: ModulePermissions = {
  Query: {
    // The catalog is global and holds nothing tenant-specific: every signed-in caller reads it.
    tools: isAuthenticated,
    tool: isAuthenticated,
    toolPanels: canOrStaff('tool:read', 'platform:tool:read'),
    toolPanel: canOrStaff('tool:read', 'platform:tool:read'),
  },
  Mutation: {
    createTool: staffCan('platform:tool:manage'),
    updateTool: staffCan('platform:tool:manage'),
    setToolPanel: can('tool:manage'),
    deleteToolPanel: can('tool:manage'),
  },
};
