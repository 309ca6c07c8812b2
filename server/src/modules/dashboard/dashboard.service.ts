import type { FilterQuery } from '@mikro-orm/core';
import { readableRows } from '../../permissions/access';
import { dashboardWidgetAccess } from './dashboard.access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ZodError } from 'zod';
import { ErrorReason, badInput, forbidden, notFound } from '../../common/errors';
import { isBlank } from '../../common/input-hygiene';
import { expectGlobalId } from '../../common/global-id';
import { type Context } from '../../context/context';
import { requireTenant } from '../../context/scope';
import { diffOf, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import type { WidgetPoint, WidgetType } from '../../common/widget';
import { DashboardWidget, GRID_COLUMNS } from './dashboard-widget.entity';
import type { AddDashboardWidgetInput, MoveDashboardWidgetInput, UpdateDashboardWidgetInput, WidgetPlacementInput } from './dashboard.inputs';
import { availableWidgetTypes, widgetKind } from './widget.registry';

/** Widgets per tenant-wide dashboard, and per member's own. */
export const MAX_WIDGETS = 30;

export interface DashboardShape {
  columns: number;
  widgets: DashboardWidget[];
  availableTypes: WidgetType[];
}

export interface WidgetDataShape {
  total: number;
  points: WidgetPoint[];
}

/** Within the tenant (the filter): the tenant-wide widgets and the caller's own, never another member's. */
function visibleWidgets(ctx: Context): FilterQuery<DashboardWidget> {
  return readableRows(ctx, dashboardWidgetAccess)?.where ?? { id: null as unknown as string };
}

/** The caller's dashboard: the tenant-wide widgets and their own, top to bottom, left to right. */
export async function getDashboard(ctx: Context): Promise<DashboardShape> {
  requireTenant(ctx);
  const widgets = await ctx.em.find(
    DashboardWidget,
    visibleWidgets(ctx),
    { orderBy: { y: 'ASC', x: 'ASC', createdAt: 'ASC', id: 'ASC' } },
  );
  return { columns: GRID_COLUMNS, widgets, availableTypes: availableWidgetTypes() };
}

/**
 * A widget's data: one aggregate query, in the caller's tenant. Null when the caller lacks the
 * permission its data needs (a tenant-wide widget can be seen by members with fewer rights).
 */
export async function widgetData(ctx: Context, widget: DashboardWidget): Promise<WidgetDataShape | null> {
  const { tenantId } = requireTenant(ctx);
  const kind = widgetKind(ctx.app.registry, widget.type);
  if (!ctx.permissions.has(kind.requires)) return null;
  const points = await kind.load({ em: ctx.em, tenantId, now: new Date() }, widget.config);
  return { total: points.reduce((sum, p) => sum + p.value, 0), points };
}

function parseConfig(ctx: Context, type: WidgetType, config: unknown): Record<string, unknown> {
  try {
    return widgetKind(ctx.app.registry, type).parseConfig(config);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const fields = err.issues.map((i) => ({ field: ['config', ...i.path.map(String)].join('.'), message: i.message }));
    throw badInput(`Invalid config for ${type}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}.`, fields);
  }
}

function checkFits(p: WidgetPlacementInput): void {
  if (p.x + p.w > GRID_COLUMNS) {
    const message = `The widget does not fit: x + w must be at most ${GRID_COLUMNS} (here ${p.x} + ${p.w}).`;
    throw badInput(message, [{ field: 'w', message }]);
  }
}

type Placement = Pick<WidgetPlacementInput, 'x' | 'y' | 'w' | 'h'>;

const overlap = (a: Placement, b: Placement) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Refuses a place another widget already covers on the dashboards it shows on: a member's own
 * widget shares the grid with the tenant-wide ones and their other own widgets; a tenant-wide one
 * is checked against the tenant-wide ones. One advisory lock per tenant's dashboard makes two
 * concurrent placements check one after the other.
 */
async function checkFree(em: EntityManager, tenantId: string, place: Placement, ownerId: string | null, movingId?: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`dashboard:${tenantId}`]);
  const layer: FilterQuery<DashboardWidget> = ownerId ? { $or: [{ user: null }, { user: ownerId }] } : { user: null };
  const others = await em.find(DashboardWidget, movingId ? { $and: [layer, { id: { $ne: movingId } }] } : layer);
  const taken = others.find((o) => overlap(o, place));
  if (taken) {
    const message = `That place overlaps "${taken.title}" (columns ${taken.x}–${taken.x + taken.w - 1}, rows ${taken.y}–${taken.y + taken.h - 1}); choose a free one.`;
    throw badInput(message, [{ field: 'y', message }]);
  }
}

function requireTitle(title: string): string {
  const trimmed = title.trim();
  if (isBlank(trimmed)) throw badInput('Give the widget a title.', [{ field: 'title', message: 'Give the widget a title.' }]);
  return trimmed;
}

function canManageTenantWide(ctx: Context): boolean {
  return ctx.permissions.has('dashboard:manage');
}

/** A widget the caller may change: their own, or a tenant-wide one when they manage the dashboard. */
async function loadChangeable(ctx: Context, em: EntityManager, globalId: string): Promise<DashboardWidget> {
  const id = expectGlobalId(globalId, 'DashboardWidget');
  // The tenant filter applies: another tenant's widget, or another member's own, is not found.
  const widget = await em.findOne(DashboardWidget, { $and: [{ id }, visibleWidgets(ctx)] });
  if (!widget) throw notFound('Dashboard widget');
  if (!widget.user && !canManageTenantWide(ctx)) {
    throw forbidden('Tenant-wide widgets are changed by those with the dashboard:manage permission.', ErrorReason.MISSING_PERMISSION);
  }
  return widget;
}

const snapshot = (w: DashboardWidget) => ({ type: w.type, title: w.title, x: w.x, y: w.y, w: w.w, h: w.h, config: w.config, personal: Boolean(w.user) });

export async function addDashboardWidget(ctx: Context, input: AddDashboardWidgetInput): Promise<DashboardWidget> {
  const { tenantId, userId } = requireTenant(ctx);
  const kind = widgetKind(ctx.app.registry, input.type);
  if (!input.personal && !canManageTenantWide(ctx)) {
    throw forbidden('Adding a widget for the whole tenant needs the dashboard:manage permission.', ErrorReason.MISSING_PERMISSION);
  }
  if (!ctx.permissions.has(kind.requires)) {
    throw forbidden(`A ${input.type} widget shows data that needs the ${kind.requires} permission.`, ErrorReason.MISSING_PERMISSION);
  }
  const title = requireTitle(input.title);
  checkFits(input);
  const config = parseConfig(ctx, input.type, input.config);
  return ctx.em.transactional(async (em) => {
    const scope = input.personal ? { user: userId } : { user: null };
    if ((await em.count(DashboardWidget, scope)) >= MAX_WIDGETS) {
      const message = `A dashboard holds at most ${MAX_WIDGETS} widgets; remove one first.`;
      throw badInput(message, [{ field: 'personal', message }]);
    }
    await checkFree(em, tenantId, input, input.personal ? userId : null);
    const widget = em.create(DashboardWidget, {
      tenant: em.getReference(Tenant, tenantId),
      user: input.personal ? em.getReference(User, userId) : undefined,
      type: input.type,
      title,
      x: input.x,
      y: input.y,
      w: input.w,
      h: input.h,
      config,
    });
    em.persist(widget);
    recordAudit(ctx, em, { action: 'dashboard.widget_added', target: { type: 'DashboardWidget', id: widget.id }, diff: { after: snapshot(widget) } });
    return widget;
  });
}

export async function updateDashboardWidget(ctx: Context, input: UpdateDashboardWidgetInput): Promise<DashboardWidget> {
  requireTenant(ctx);
  const title = input.title === undefined || input.title === null ? undefined : requireTitle(input.title);
  return ctx.em.transactional(async (em) => {
    const widget = await loadChangeable(ctx, em, input.id);
    const config = input.config === undefined || input.config === null ? undefined : parseConfig(ctx, widget.type, input.config);
    const before = snapshot(widget);
    if (title !== undefined) widget.title = title;
    if (config !== undefined) widget.config = config;
    const diff = diffOf(before, snapshot(widget));
    if (diff) recordAudit(ctx, em, { action: 'dashboard.widget_updated', target: { type: 'DashboardWidget', id: widget.id }, diff });
    return widget;
  });
}

export async function moveDashboardWidget(ctx: Context, input: MoveDashboardWidgetInput): Promise<DashboardWidget> {
  const { tenantId } = requireTenant(ctx);
  checkFits(input);
  return ctx.em.transactional(async (em) => {
    const widget = await loadChangeable(ctx, em, input.id);
    await checkFree(em, tenantId, input, widget.user?.id ?? null, widget.id);
    const before = snapshot(widget);
    Object.assign(widget, { x: input.x, y: input.y, w: input.w, h: input.h });
    const diff = diffOf(before, snapshot(widget));
    if (diff) recordAudit(ctx, em, { action: 'dashboard.widget_moved', target: { type: 'DashboardWidget', id: widget.id }, diff });
    return widget;
  });
}

/** Removes a widget; answers its id. */
export async function removeDashboardWidget(ctx: Context, globalId: string): Promise<string> {
  requireTenant(ctx);
  return ctx.em.transactional(async (em) => {
    const widget = await loadChangeable(ctx, em, globalId);
    recordAudit(ctx, em, { action: 'dashboard.widget_removed', target: { type: 'DashboardWidget', id: widget.id }, diff: { before: snapshot(widget) } });
    em.remove(widget);
    return globalId;
  });
}
