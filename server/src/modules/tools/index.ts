import { defineModule, nodeType } from '../../common/module';
import { toolAccess, toolPanelAccess } from './tool.access';
import { Tool } from './tool.entity';
import { ToolPanel } from './tool-panel.entity';
import { ToolResolver, ToolPanelResolver } from './tool.resolver';
import { toolPermissions } from './tool.permissions';
import { createToolLoaders } from './tool.loaders';

export const toolsModule = defineModule({
  name: 'tools',
  entities: [Tool, ToolPanel],
  resolvers: [ToolResolver, ToolPanelResolver],
  permissions: toolPermissions,
  loaders: createToolLoaders,
  nodeTypes: {
    Tool: nodeType(Tool, toolAccess),
    ToolPanel: nodeType(ToolPanel, toolPanelAccess),
  },
});
