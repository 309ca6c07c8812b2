import { type Context } from '../../context/context';
import { readableRows, readGrant } from '../../permissions/access';

/*
 * Which types `node`/`nodes` can fetch is declared by the module that owns the type (`nodeTypes`
 * in its index.ts); who may see each, and which rows, by the type's access policy.
 */

export function isNodeType(ctx: Context, type: string): boolean {
  return ctx.app.registry.nodeTypes.has(type);
}

/** Loads ids of one type that the caller may see; one query per type. */
export async function loadNodes(ctx: Context, type: string, ids: string[]): Promise<Map<string, object>> {
  const def = ctx.app.registry.nodeTypes.get(type);
  const readable = def ? readableRows(ctx, def.access) : null;
  const grant = def ? readGrant(ctx, def.access) : null;
  if (!def || !readable || !grant) return new Map();
  // Tenant-owned types keep the tenant filter (it fails closed outside a tenant); staff pass through.
  const narrowed = def.narrow ? await def.narrow(ctx, ids, grant) : {};
  const rows = await ctx.em.find(def.entity, { $and: [{ id: { $in: ids } }, readable.where, narrowed] }, readable.options);
  return new Map(rows.map((r) => [r.id, r as object]));
}
