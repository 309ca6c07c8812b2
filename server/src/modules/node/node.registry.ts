import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { TENANT_FILTER } from '../../database/tenant-filter';

/*
 * Which types `node`/`nodes` can fetch, and who may see each, is declared by the module that
 * owns the type (`nodeTypes` in its index.ts); the app composes them into ctx.app.registry.
 */

const has = (ctx: Context, perms: string[]) => perms.length === 0 || perms.some((p) => ctx.permissions.has(p));

/** Whether the tenant filter applies to `type`, as the ORM was configured (orm.config.ts). */
function isTenantScoped(ctx: Context, type: string): boolean {
  const filter = ctx.em.config.get('filters')[TENANT_FILTER];
  const scoped = filter?.entity;
  return Array.isArray(scoped) ? scoped.includes(type) : scoped === type;
}

export function isNodeType(ctx: Context, type: string): boolean {
  return ctx.app.registry.nodeTypes.has(type);
}

/** Loads ids of one type that the caller may see; one query per type. */
export async function loadNodes(ctx: Context, type: string, ids: string[]): Promise<Map<string, object>> {
  const def = ctx.app.registry.nodeTypes.get(type);
  if (!def || !has(ctx, def.anyOf) || ctx.principal.kind === 'anonymous') return new Map();
  // Outside a tenant, tenant-owned rows are visible to platform staff only.
  if (isTenantScoped(ctx, type) && !ctx.tenantId && !isPlatformScope(ctx)) return new Map();
  // Tenant-owned types keep the tenant filter; platform staff pass through scopeOptions.
  const extra = def.where ? await def.where(ctx, ids) : {};
  const rows = await ctx.em.find(def.entity, { $and: [{ id: { $in: ids } }, extra] }, scopeOptions(ctx));
  return new Map(rows.map((r) => [r.id, r as object]));
}
