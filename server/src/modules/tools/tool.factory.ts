import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenancy/tenant.entity';
import { PanelLayout, RecentRunsScope, ToolPanel } from './tool-panel.entity';
import { Tool, ToolStatus } from './tool.entity';

export interface ToolData {
  key: string;
  name?: string;
  category?: string;
  description?: string;
  status?: ToolStatus;
  inputSchema?: Record<string, unknown>;
  createdAt?: Date;
}

/** A catalog entry. Persisted, not flushed. */
export function makeTool(em: EntityManager, data: ToolData): Tool {
  const createdAt = data.createdAt ?? new Date();
  const tool = em.create(Tool, {
    key: data.key,
    name: data.name ?? data.key,
    category: data.category ?? 'general',
    description: data.description ?? '',
    status: data.status ?? ToolStatus.ACTIVE,
    inputSchema: data.inputSchema ?? { type: 'object', properties: {}, additionalProperties: false },
    createdAt,
    updatedAt: createdAt,
  });
  em.persist(tool);
  return tool;
}

export function makeToolPanel(
  em: EntityManager,
  tenant: Tenant,
  tool: Tool,
  data: { title?: string; layout?: PanelLayout; defaultInput?: Record<string, unknown>; recentRunsLimit?: number; recentRunsScope?: RecentRunsScope } = {},
): ToolPanel {
  const panel = em.create(ToolPanel, {
    tenant,
    tool,
    title: data.title ?? tool.name,
    layout: data.layout ?? PanelLayout.FORM,
    defaultInput: data.defaultInput ?? {},
    recentRunsLimit: data.recentRunsLimit ?? 5,
    recentRunsScope: data.recentRunsScope ?? RecentRunsScope.MINE,
  });
  em.persist(panel);
  return panel;
}
