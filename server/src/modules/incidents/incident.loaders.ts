import type { EntityDictionary, EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type Context } from '../../context/context';
import { isPlatformScope } from '../../context/scope';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { Incident } from './incident.entity';
import { readableRows } from '../../permissions/access';
import { incidentAccess, isIncidentStaff } from './incident.access';
import { pgArray } from '../../database/pg-array';
import { groupBy } from '../../common/batch-loaders';

type Scope = { sql: string; params: unknown[] } | null;

/**
 * The most each nested list returns per parent (the query cost model counts with these): an
 * incident's lists and a ticket's incidents are plain lists, so the bound is what keeps a
 * response, and the SQL behind it, finite.
 */
export const INCIDENT_LIST_BOUNDS = { affectedTenants: 50, tickets: 50, events: 50, timeline: 100, ofTicket: 20 } as const;

/**
 * At most `bound` rows per `__key`, in `order` within each key: wraps a select that returns
 * `__key` with a window function, so PostgreSQL stops each parent's list at the bound.
 */
function boundedPerKey(select: string, order: string, bound: number): string {
  return `select * from (select b.*, row_number() over (partition by b.__key order by ${order}) as __rn from (${select}) b) r
           where r.__rn <= ${Number(bound)} order by r.__key, r.__rn`;
}

/**
 * Raw SQL bypasses the tenant filter, so each query states the tenant itself: staff with the
 * platform permission see everything, a tenant member with the tenant permission sees their
 * tenant's rows, and anyone else nothing (null: fail closed). `sql` uses `?` for the tenant.
 */
function scopeOf(ctx: Omit<Context, 'loaders'>, tenantPermission: string, platformPermission: string, sql: string): Scope {
  if (isPlatformScope(ctx) && ctx.permissions.has(platformPermission)) return { sql: '', params: [] };
  if (ctx.tenantId && ctx.permissions.has(tenantPermission)) {
    const n = sql.split('?').length - 1;
    return { sql, params: Array.from({ length: n }, () => ctx.tenantId) };
  }
  return null;
}


/** Rows of `select <key> as __key, x.* ...`, mapped to entities and grouped by key, in query order. */
function groupRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: Record<string, unknown>[], keys: readonly string[]): T[][] {
  const grouped = groupBy(rows, (row) => String(row.__key));
  return keys.map((k) => (grouped.get(k) ?? []).map(({ __key: _key, __rn: _rn, ...row }) => em.map(entity, row as EntityDictionary<T>)));
}

export function createIncidentLoaders(ctx: Omit<Context, 'loaders'>) {
  const em = ctx.em;
  const execute = (sql: string, params: unknown[]): Promise<Record<string, unknown>[]> => em.getConnection().execute(sql, params);
  const staff = () => isIncidentStaff(ctx);

  return {
    /** Incidents the caller may see (staff: all; customers: those affecting their tenant). */
    byId: new DataLoader<string, Incident | null>(async (ids) => {
      const readable = readableRows(ctx, incidentAccess);
      if (!readable) return ids.map(() => null);
      const rows = await em.find(Incident, { $and: [{ id: { $in: [...ids] } }, readable.where] }, readable.options);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Affected tenants of many incidents in one query; a customer sees only their own tenant there. */
    affectedTenants: new DataLoader<string, Tenant[]>(async (incidentIds) => {
      const scope = scopeOf(ctx, 'incident:read', 'platform:incident:read', 'and it.tenant_id = ?');
      if (!scope) return incidentIds.map(() => []);
      const rows = await execute(
        boundedPerKey(
          `select it.incident_id as __key, t.* from incident_tenants it join tenants t on t.id = it.tenant_id
            where it.incident_id = any(?::uuid[]) ${scope.sql}`,
          'b.slug, b.id',
          INCIDENT_LIST_BOUNDS.affectedTenants,
        ),
        [pgArray(incidentIds), ...scope.params],
      );
      return groupRows(em, Tenant, rows, incidentIds);
    }),

    /** Linked tickets of many incidents; a customer sees only their tenant's (and needs ticket:read). */
    tickets: new DataLoader<string, Ticket[]>(async (incidentIds) => {
      const scope = staff() || ctx.permissions.has('incident:read')
        ? scopeOf(ctx, 'ticket:read', 'platform:ticket:read', 'and it.tenant_id = ? and tk.tenant_id = ?')
        : null;
      if (!scope) return incidentIds.map(() => []);
      const rows = await execute(
        boundedPerKey(
          `select it.incident_id as __key, tk.* from incident_tickets it join tickets tk on tk.id = it.ticket_id
            where it.incident_id = any(?::uuid[]) ${scope.sql}`,
          'b.created_at, b.id',
          INCIDENT_LIST_BOUNDS.tickets,
        ),
        [pgArray(incidentIds), ...scope.params],
      );
      return groupRows(em, Ticket, rows, incidentIds);
    }),

    /** Linked events of many incidents; a customer sees only their tenant's (and needs event:read). */
    events: new DataLoader<string, SystemEvent[]>(async (incidentIds) => {
      const scope = staff() || ctx.permissions.has('incident:read')
        ? scopeOf(ctx, 'event:read', 'platform:event:read', 'and ie.tenant_id = ? and e.tenant_id = ?')
        : null;
      if (!scope) return incidentIds.map(() => []);
      const rows = await execute(
        boundedPerKey(
          `select ie.incident_id as __key, e.* from incident_events ie join system_events e on e.id = ie.event_id
            where ie.incident_id = any(?::uuid[]) ${scope.sql}`,
          'b.occurred_at, b.id',
          INCIDENT_LIST_BOUNDS.events,
        ),
        [pgArray(incidentIds), ...scope.params],
      );
      return groupRows(em, SystemEvent, rows, incidentIds);
    }),

    /** Timelines of many incidents, oldest first; customers see public entries of no tenant or theirs. */
    timeline: new DataLoader<string, IncidentTimelineEntry[]>(async (incidentIds) => {
      // The entries' incidents are the ones being resolved, already visible to the caller.
      let visible: Scope;
      if (staff()) visible = { sql: '', params: [] };
      else if (ctx.tenantId && ctx.permissions.has('incident:read')) visible = { sql: 'and not e.internal and (e.tenant_id is null or e.tenant_id = ?)', params: [ctx.tenantId] };
      else return incidentIds.map(() => []);
      // The newest entries per incident, shown oldest first.
      const rows = await execute(
        `select * from (${boundedPerKey(
          `select e.incident_id as __key, e.* from incident_timeline_entries e where e.incident_id = any(?::uuid[]) ${visible.sql}`,
          'b.created_at desc, b.id desc',
          INCIDENT_LIST_BOUNDS.timeline,
        )}) t order by t.__key, t.created_at, t.id`,
        [pgArray(incidentIds), ...visible.params],
      );
      return groupRows(em, IncidentTimelineEntry, rows, incidentIds);
    }),

    /** Incidents linked to many tickets; a customer sees only incidents that affect their tenant. */
    ofTicket: new DataLoader<string, Incident[]>(async (ticketIds) => {
      const scope = scopeOf(
        ctx,
        'incident:read',
        'platform:incident:read',
        'and it.tenant_id = ? and exists (select 1 from incident_tenants a where a.incident_id = i.id and a.tenant_id = ?)',
      );
      if (!scope) return ticketIds.map(() => []);
      const rows = await execute(
        boundedPerKey(
          `select it.ticket_id as __key, i.* from incident_tickets it join incidents i on i.id = it.incident_id
            where it.ticket_id = any(?::uuid[]) ${scope.sql}`,
          'b.created_at desc, b.id desc',
          INCIDENT_LIST_BOUNDS.ofTicket,
        ),
        [pgArray(ticketIds), ...scope.params],
      );
      return groupRows(em, Incident, rows, ticketIds);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    incidents: ReturnType<typeof createIncidentLoaders>;
  }
}
