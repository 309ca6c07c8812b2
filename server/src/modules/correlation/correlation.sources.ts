import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { AuditLog } from '../audit/audit-log.entity';
import { SystemEvent } from '../events/system-event.entity';
import { Incident } from '../incidents/incident.entity';
import { incidentScope } from '../incidents/incident.service';
import { Ticket } from '../tickets/ticket.entity';
import type { CorrelationItem } from './correlation.types';

import { CORRELATION_SOURCE_LIMIT } from './correlation.types';

/** A tenant member holding `tenantPermission` (their tenant only), or staff with `platformPermission` (all). */
function mayRead(ctx: Context, tenantPermission: string, platformPermission: string): boolean {
  if (ctx.tenantId) return ctx.permissions.has(tenantPermission);
  return isPlatformScope(ctx) && ctx.permissions.has(platformPermission);
}

export async function eventCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  if (!mayRead(ctx, 'event:read', 'platform:event:read')) return [];
  const rows = await ctx.em.find(SystemEvent, { correlationId }, { ...scopeOptions(ctx), orderBy: { occurredAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 });
  return rows.map((e) => ({ at: e.occurredAt, kind: 'EVENT', title: `${e.type} (${e.source}, ${e.severity})`, node: e }));
}

export async function ticketCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  if (!mayRead(ctx, 'ticket:read', 'platform:ticket:read')) return [];
  const rows = await ctx.em.find(Ticket, { correlationId }, { ...scopeOptions(ctx), orderBy: { createdAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 });
  return rows.map((t) => ({ at: t.createdAt, kind: 'TICKET', title: `Ticket #${t.number}: ${t.subject}`, node: t }));
}

export async function incidentCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  // Customers: incidents that affect their tenant; staff: all.
  const scope = incidentScope(ctx);
  if (!scope) return [];
  const rows = await ctx.em.find(
    Incident,
    { $and: [{ correlationId }, scope] },
    { ...scopeOptions(ctx), orderBy: { createdAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 },
  );
  return rows.map((i) => ({ at: i.createdAt, kind: 'INCIDENT', title: `Incident ${i.severity}: ${i.title}`, node: i }));
}

export async function auditCorrelationItems(ctx: Context, correlationId: string): Promise<CorrelationItem[]> {
  if (!mayRead(ctx, 'audit:read', 'platform:audit:read')) return [];
  const rows = await ctx.em.find(AuditLog, { correlationId }, { ...scopeOptions(ctx), orderBy: { createdAt: 'ASC', id: 'ASC' }, limit: CORRELATION_SOURCE_LIMIT + 1 });
  return rows.map((a) => ({ at: a.createdAt, kind: 'AUDIT', title: a.targetType ? `${a.action} (${a.targetType})` : a.action, node: a }));
}
