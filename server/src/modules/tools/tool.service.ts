import { type FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { visibleLength } from '../../common/input-hygiene';
import { expectGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { scopeOptions, requireTenant } from '../../context/scope';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { requireActiveEntitlement } from '../entitlements/entitlement.gate';
import { Tenant } from '../tenancy/tenant.entity';
import { PanelLayout, RecentRunsScope, ToolPanel } from './tool-panel.entity';
import { Tool, ToolStatus } from './tool.entity';
import {
  type CreateToolInput,
  type SetToolPanelInput,
  toolList,
  toolPanelList,
  type ToolPanelsArgs,
  type ToolsArgs,
  type UpdateToolInput,
} from './tool.inputs';
import { assertMatchesSchema, checkInputSchema, type JsonObject } from './tool.json-schema';

/** The catalog is global: every signed-in caller reads the same list. */
export function listTools(ctx: Context, args: ToolsArgs): Promise<ConnectionShape<Tool>> {
  const f = args.filter;
  const where: FilterQuery<Tool> = {};
  if (f?.status?.length) where.status = { $in: f.status };
  if (f?.category) where.category = f.category;
  if (f?.keys?.length) where.key = { $in: f.keys };
  if (f?.text?.trim()) {
    const pattern = containsPattern(f.text.trim());
    where.$or = [{ key: { $ilike: pattern } }, { name: { $ilike: pattern } }, { description: { $ilike: pattern } }];
  }
  return paginate({ em: ctx.em, entity: Tool, where, args, sort: toolList.sortOf(args) });
}

export async function getTool(ctx: Context, id: string): Promise<Tool> {
  const tool = await ctx.loaders.tools.byId.load(id);
  if (!tool) throw notFound('Tool');
  return tool;
}

function assertSchema(schema: unknown): JsonObject {
  const fields = checkInputSchema(schema);
  if (fields.length) throw badInput(fields.map((f) => f.message).join(' '), fields);
  return schema as JsonObject;
}

const duplicateKey = (key: string) => conflict(`A tool with the key "${key}" already exists.`, ErrorReason.DUPLICATE);

export async function createTool(ctx: Context, input: CreateToolInput): Promise<Tool> {
  const inputSchema = assertSchema(input.inputSchema);
  const name = input.name.trim();
  if (visibleLength(name) < 2) throw badInput('Name the tool (2 to 200 characters).', [{ field: 'name', message: 'Name the tool (2 to 200 characters).' }]);
  try {
    return await ctx.em.transactional(async (em) => {
      if (await em.count(Tool, { key: input.key })) throw duplicateKey(input.key);
      const tool = em.create(Tool, {
        key: input.key,
        name,
        category: input.category,
        description: input.description?.trim() ?? '',
        status: input.status ?? ToolStatus.BETA,
        inputSchema,
      });
      em.persist(tool);
      recordAudit(ctx, em, {
        action: 'tool.created',
        tenantId: null,
        target: { type: 'Tool', id: tool.id },
        diff: { after: { key: tool.key, name: tool.name, category: tool.category, status: tool.status, inputSchema } },
      });
      return tool;
    });
  } catch (err) {
    // Two creates of one key at once: the unique index decides.
    if (err instanceof UniqueConstraintViolationException) throw duplicateKey(input.key);
    throw err;
  }
}

export async function updateTool(ctx: Context, input: UpdateToolInput): Promise<Tool> {
  const id = expectGlobalId(input.id, 'Tool');
  const inputSchema = input.inputSchema === undefined || input.inputSchema === null ? undefined : assertSchema(input.inputSchema);
  return ctx.em.transactional(async (em) => {
    const tool = await em.findOne(Tool, { id });
    if (!tool) throw notFound('Tool');
    const before = { name: tool.name, category: tool.category, description: tool.description, status: tool.status, inputSchema: tool.inputSchema };
    const after = {
      name: input.name?.trim() || undefined,
      category: input.category ?? undefined,
      description: input.description === undefined || input.description === null ? undefined : input.description.trim(),
      status: input.status ?? undefined,
      inputSchema,
    };
    const diff = diffOf(before, after);
    if (!diff) return tool;
    em.assign(tool, Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined)));
    recordAudit(ctx, em, { action: 'tool.updated', tenantId: null, target: { type: 'Tool', id: tool.id }, diff });
    return tool;
  });
}

// ---- Panels ----

export async function listToolPanels(ctx: Context, args: ToolPanelsArgs): Promise<ConnectionShape<ToolPanel>> {
  const where: Record<string, unknown> = {};
  if (args.filter?.toolId) where.tool = expectGlobalId(args.filter.toolId, 'Tool', 'filter.toolId');
  // Inside a tenant the filter pins the tenant already; another tenant's id matches nothing.
  if (args.filter?.tenantId) where.tenant = expectGlobalId(args.filter.tenantId, 'Tenant', 'filter.tenantId');
  const page = await paginate({ em: ctx.em, entity: ToolPanel, where, args, sort: toolPanelList.sortOf(args), options: scopeOptions(ctx) });
  await auditPlatformAccess(ctx, 'toolPanels', { filter: args.filter ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

export async function getToolPanel(ctx: Context, id: string): Promise<ToolPanel> {
  const panel = await ctx.loaders.tools.panelById.load(id);
  if (!panel) throw notFound('Tool panel');
  await auditPlatformAccess(ctx, 'toolPanel', { toolPanelId: id }, panel.tenant.id);
  return panel;
}

/** Creates or replaces the caller's tenant's panel for a tool it is entitled to; audited. */
export async function setToolPanel(ctx: Context, input: SetToolPanelInput): Promise<ToolPanel> {
  const { tenantId } = requireTenant(ctx);
  const toolId = expectGlobalId(input.toolId, 'Tool', 'toolId');
  const title = input.title.trim();
  if (visibleLength(title) < 2) throw badInput('Give the panel a title (2 to 200 characters).', [{ field: 'title', message: 'Give the panel a title (2 to 200 characters).' }]);
  return ctx.em.transactional(async (em) => {
    const tool = await em.findOne(Tool, { id: toolId });
    if (!tool) throw notFound('Tool');
    if (tool.isRetired()) throw forbidden(`${tool.name} is retired.`, ErrorReason.TOOL_RETIRED);
    await requireActiveEntitlement(em, tenantId, tool, new Date());
    const defaultInput = (input.defaultInput ?? {}) as JsonObject;
    assertMatchesSchema(tool.inputSchema, defaultInput, { field: 'defaultInput', partial: true, what: 'The default input' });
    const values = {
      title,
      layout: input.layout ?? PanelLayout.FORM,
      defaultInput,
      recentRunsLimit: input.recentRunsLimit ?? 5,
      recentRunsScope: input.recentRunsScope ?? RecentRunsScope.MINE,
    };
    let panel = await em.findOne(ToolPanel, { tool: tool.id });
    const before = panel
      ? { title: panel.title, layout: panel.layout, defaultInput: panel.defaultInput, recentRunsLimit: panel.recentRunsLimit, recentRunsScope: panel.recentRunsScope }
      : null;
    if (panel) {
      const diff = diffOf(before ?? {}, values);
      if (!diff) return panel;
      em.assign(panel, values);
      recordAudit(ctx, em, { action: 'tool_panel.updated', target: { type: 'ToolPanel', id: panel.id }, diff: { ...diff, tool: tool.key } });
    } else {
      panel = em.create(ToolPanel, { tenant: em.getReference(Tenant, tenantId), tool, ...values });
      em.persist(panel);
      recordAudit(ctx, em, { action: 'tool_panel.created', target: { type: 'ToolPanel', id: panel.id }, diff: { after: { tool: tool.key, ...values } } });
    }
    return panel;
  });
}

export async function deleteToolPanel(ctx: Context, globalId: string): Promise<boolean> {
  requireTenant(ctx);
  const id = expectGlobalId(globalId, 'ToolPanel');
  return ctx.em.transactional(async (em) => {
    const panel = await em.findOne(ToolPanel, { id }, { populate: ['tool'] });
    if (!panel) throw notFound('Tool panel');
    em.remove(panel);
    recordAudit(ctx, em, { action: 'tool_panel.deleted', target: { type: 'ToolPanel', id: panel.id }, diff: { before: { tool: panel.tool.getEntity().key, title: panel.title } } });
    return true;
  });
}
