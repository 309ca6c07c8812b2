import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { prefixPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate, type PageSelection } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { auditPlatformAccess } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { type SystemEventFilter, systemEventList, type SystemEventsArgs } from './event.inputs';
import { EventSeverity, SystemEvent } from './system-event.entity';

export interface SystemEventInput {
  /** Null for a platform-wide event. */
  tenantId: string | null;
  type: string;
  source: string;
  severity?: EventSeverity;
  payload?: Record<string, unknown>;
  correlationId?: string | null;
  occurredAt?: Date;
}

/**
 * Stages a system event in `em`; it commits with the caller's transaction, so an event never
 * describes a change that rolled back. Works without a request Context (executor, jobs).
 */
export function recordSystemEvent(em: EntityManager, input: SystemEventInput): SystemEvent {
  const event = em.create(SystemEvent, {
    tenant: input.tenantId ? em.getReference(Tenant, input.tenantId) : undefined,
    type: input.type,
    source: input.source,
    severity: input.severity ?? EventSeverity.INFO,
    payload: input.payload ?? {},
    correlationId: input.correlationId ?? undefined,
    occurredAt: input.occurredAt ?? new Date(),
  });
  em.persist(event);
  return event;
}

/** Severities from least to most severe; "minSeverity" keeps a suffix of this list. */
export const SEVERITY_ORDER: readonly EventSeverity[] = [
  EventSeverity.DEBUG,
  EventSeverity.INFO,
  EventSeverity.WARNING,
  EventSeverity.ERROR,
  EventSeverity.CRITICAL,
];

/** The list's filter as a query; the histogram counts with the same one. */
export function whereOf(filter?: SystemEventFilter | null): FilterQuery<SystemEvent> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.type) where.type = filter.type.endsWith('.') ? { $like: prefixPattern(filter.type) } : filter.type;
  if (filter.minSeverity && filter.severities?.length) {
    throw badInput('Use either "minSeverity" or "severities", not both.', [{ field: 'filter.severities', message: 'Conflicts with minSeverity.' }]);
  }
  if (filter.minSeverity) where.severity = { $in: SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(filter.minSeverity)) };
  if (filter.severities?.length) where.severity = { $in: [...new Set(filter.severities)] };
  if (filter.source) where.source = filter.source;
  if (filter.correlationId) where.correlationId = filter.correlationId;
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw badInput('"from" must not be after "to".', [{ field: 'filter.from', message: 'Must not be after "to".' }]);
  }
  if (filter.from || filter.to) where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  if (filter.tenantId && filter.platformOnly) {
    throw badInput('Use either "tenantId" or "platformOnly", not both.', [{ field: 'filter.platformOnly', message: 'Conflicts with tenantId.' }]);
  }
  // Inside a tenant the filter already pins the tenant: another tenant's id, or platformOnly,
  // simply matches nothing.
  if (filter.tenantId) where.tenant = expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId');
  if (filter.platformOnly === true) where.tenant = null;
  if (filter.platformOnly === false) where.tenant = { $ne: null };
  return where;
}

/** Events newest first. Customers see their tenant's; staff see every tenant's and the platform's (audited). */
export async function listSystemEvents(ctx: Context, args: SystemEventsArgs, selection: PageSelection = {}): Promise<ConnectionShape<SystemEvent>> {
  const where = whereOf(args.filter);
  const page = await paginate({ em: ctx.em, entity: SystemEvent, where, args, sort: systemEventList.sortOf(args), options: scopeOptions(ctx), ...selection });
  const tenant = (where as { tenant?: unknown }).tenant;
  await auditPlatformAccess(ctx, 'systemEvents', { filter: args.filter ?? null }, typeof tenant === 'string' ? tenant : null);
  return page;
}

export async function getSystemEvent(ctx: Context, id: string): Promise<SystemEvent> {
  const event = await ctx.loaders.events.byId.load(id);
  if (!event) throw notFound('System event');
  await auditPlatformAccess(ctx, 'systemEvent', { eventId: id }, event.tenant?.id ?? null);
  return event;
}
