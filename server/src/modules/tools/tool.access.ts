import { defineAccess, SIGNED_IN } from '../../permissions/access';
import type { ToolPanel } from './tool-panel.entity';
import type { Tool } from './tool.entity';

/** The tool catalog is platform-wide: any signed-in caller may read it. */
export const toolAccess = defineAccess<Tool>({ type: 'Tool', tenant: SIGNED_IN, platform: SIGNED_IN, personal: true });

/** Tool panels: members with tool:read see their tenant's; staff with platform:tool:read see all. */
export const toolPanelAccess = defineAccess<ToolPanel>({ type: 'ToolPanel', tenant: 'tool:read', platform: 'platform:tool:read' });
