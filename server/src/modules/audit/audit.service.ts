import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { expectGlobalId } from '../../common/global-id';
import { prefixPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions, userIdOf } from '../../context/scope';
import { ApiKey } from '../apikeys/api-key.entity';
import { auditLogList, type AuditLogsArgs } from './audit.inputs';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  target?: { type: string; id: string };
  diff?: Record<string, unknown>;
  /** Defaults to the caller's tenant. */
  tenantId?: string | null;
  /** Defaults to the calling user (for an API key: the member it acts for). */
  actorId?: string | null;
  /** Defaults to the calling API key, if the caller is one. */
  apiKeyId?: string | null;
}

/**
 * Stages an audit row in `em`. Call it inside the transaction that makes the change, so the row
 * commits or rolls back with it; a failed mutation leaves no audit row.
 */
export function recordAudit(ctx: Pick<Context, 'principal' | 'tenantId' | 'correlationId' | 'ip'>, em: EntityManager, entry: AuditEntry): AuditLog {
  const tenantId = entry.tenantId !== undefined ? entry.tenantId : ctx.tenantId;
  // An API key is a third kind of actor: its row names the key, and the member it acts for as
  // actor, so queries by actor still find what was done on their behalf.
  const actorId = entry.actorId !== undefined ? entry.actorId : userIdOf(ctx);
  const apiKeyId = entry.apiKeyId !== undefined ? entry.apiKeyId : ctx.principal.kind === 'apiKey' ? ctx.principal.apiKeyId : null;
  const row = em.create(AuditLog, {
    action: entry.action,
    tenant: tenantId ? em.getReference(Tenant, tenantId) : undefined,
    actor: actorId ? em.getReference(User, actorId) : undefined,
    apiKey: apiKeyId ? em.getReference(ApiKey, apiKeyId) : undefined,
    targetType: entry.target?.type,
    targetId: entry.target ? toGlobalId(entry.target.type, entry.target.id) : undefined,
    diff: entry.diff,
    correlationId: ctx.correlationId,
    ip: ctx.ip ?? undefined,
  });
  em.persist(row);
  return row;
}

/** The keys whose values differ, as { before: {...}, after: {...} }; undefined when nothing changed. */
export function diffOf<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | undefined {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : undefined;
}

/**
 * Platform staff reading across tenants leave a trail: one audit row per access, committed on
 * its own because a read has no transaction of its own.
 */
export async function auditPlatformAccess(
  ctx: Context,
  operation: string,
  details: Record<string, unknown>,
  tenantId: string | null = null,
): Promise<void> {
  if (!isPlatformScope(ctx)) return;
  if (ctx.auditedAccess) {
    if (ctx.auditedAccess.has(operation)) return;
    ctx.auditedAccess.add(operation);
  }
  await ctx.em.fork().transactional(async (em) => {
    recordAudit(ctx, em, { action: 'platform.access', tenantId, diff: { operation, ...details } });
  });
}

/** The audit trail, newest first, with the caller's filters; staff reads are themselves audited. */
export async function listAuditLogs(ctx: Context, args: AuditLogsArgs, selection: PageSelection = {}): Promise<ConnectionShape<AuditLog>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.action) where.action = f.action.endsWith('.') ? { $like: prefixPattern(f.action) } : f.action;
  if (f?.actorId) where.actor = expectGlobalId(f.actorId, 'User', 'filter.actorId');
  if (f?.apiKeyId) where.apiKey = expectGlobalId(f.apiKeyId, 'ApiKey', 'filter.apiKeyId');
  if (f?.targetId) where.targetId = f.targetId;
  if (f?.targetType) where.targetType = f.targetType;
  if (f?.correlationId) where.correlationId = f.correlationId;
  if (f?.from || f?.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  // Audit the access before reading: the page and its lazily computed totalCount then both
  // include this access row, instead of totalCount counting a row the page does not show.
  await auditPlatformAccess(ctx, 'auditLogs', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({ em: ctx.em, entity: AuditLog, where, args, sort: auditLogList.sortOf(args), options: scopeOptions(ctx), ...selection });
}
