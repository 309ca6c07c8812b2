import { toolAccess, toolPanelAccess } from './tool.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, readable, staffCan } from '../../permissions/rules';

export const toolPermissions: ModulePermissions = {
  Query: {
    // The catalog is global and holds nothing tenant-specific: every signed-in caller reads it.
    tools: readable(toolAccess),
    tool: readable(toolAccess),
    toolPanels: readable(toolPanelAccess),
    toolPanel: readable(toolPanelAccess),
  },
  Mutation: {
    createTool: staffCan('platform:tool:manage'),
    updateTool: staffCan('platform:tool:manage'),
    setToolPanel: can('tool:manage'),
    deleteToolPanel: can('tool:manage'),
  },
};
