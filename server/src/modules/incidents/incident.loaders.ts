import DataLoader from 'dataloader';
import { type Context } from '../../context/context';
import { childListLoader } from '../../database/child-connection';
import { ANY_TENANT, sql, tenantIs, tenantOrNone } from '../../database/tenant-sql';
import { readableRows } from '../../permissions/access';
import { systemEventAccess } from '../events/event.access';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { ticketAccess } from '../tickets/ticket.access';
import { Ticket } from '../tickets/ticket.entity';
import { incidentAccess, incidentTimelineEntryAccess } from './incident.access';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { Incident } from './incident.entity';

/**
 * The most each nested list returns per parent (the query cost model counts with these): an
 * incident's lists and a ticket's incidents are plain lists, so the bound is what keeps a
 * response, and the SQL behind it, finite.
 */
export const INCIDENT_LIST_BOUNDS = { affectedTenants: 50, tickets: 50, events: 50, timeline: 100, ofTicket: 20 } as const;

/**
 * Incidents are platform-wide, their links tenant-owned: staff with the platform permissions see
 * every link, a member only their own tenant's links (and linked rows), each list also needing
 * read access to what it lists (tickets, events).
 */
export function createIncidentLoaders(ctx: Omit<Context, 'loaders'>) {
  const em = ctx.em;

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
    affectedTenants: childListLoader(
      ctx,
      {
        entity: Tenant,
        from: 'incident_tenants it join tenants t on t.id = it.tenant_id',
        alias: 't',
        parent: 'it.incident_id',
        order: 't.slug, t.id',
        access: incidentAccess,
        where: (reach) => tenantIs(reach, 'it'),
      },
      INCIDENT_LIST_BOUNDS.affectedTenants,
    ),

    /** Linked tickets of many incidents; a customer sees only their tenant's (and needs ticket:read). */
    tickets: childListLoader(
      ctx,
      {
        entity: Ticket,
        from: 'incident_tickets it join tickets tk on tk.id = it.ticket_id',
        alias: 'tk',
        parent: 'it.incident_id',
        order: 'tk.created_at, tk.id',
        access: [incidentAccess, ticketAccess],
        where: (reach) => tenantIs(reach, 'it', 'tk'),
      },
      INCIDENT_LIST_BOUNDS.tickets,
    ),

    /** Linked events of many incidents; a customer sees only their tenant's (and needs event:read). */
    events: childListLoader(
      ctx,
      {
        entity: SystemEvent,
        from: 'incident_events ie join system_events e on e.id = ie.event_id',
        alias: 'e',
        parent: 'ie.incident_id',
        order: 'e.occurred_at, e.id',
        access: [incidentAccess, systemEventAccess],
        where: (reach) => tenantIs(reach, 'ie', 'e'),
      },
      INCIDENT_LIST_BOUNDS.events,
    ),

    /**
     * Timelines of many incidents: the newest entries, shown oldest first; customers see public
     * entries of no tenant or theirs. The entries' incidents are the ones being resolved, already
     * visible to the caller.
     */
    timeline: childListLoader(
      ctx,
      {
        entity: IncidentTimelineEntry,
        from: 'incident_timeline_entries e',
        alias: 'e',
        parent: 'e.incident_id',
        order: 'e.created_at desc, e.id desc',
        reverse: true,
        access: incidentTimelineEntryAccess,
        where: (reach) => (reach.as === 'platform' ? ANY_TENANT : sql`not e.internal and ${tenantOrNone(reach, 'e')}`),
      },
      INCIDENT_LIST_BOUNDS.timeline,
    ),

    /** Incidents linked to many tickets; a customer sees only incidents that affect their tenant. */
    ofTicket: childListLoader(
      ctx,
      {
        entity: Incident,
        from: 'incident_tickets it join incidents i on i.id = it.incident_id',
        alias: 'i',
        parent: 'it.ticket_id',
        order: 'i.created_at desc, i.id desc',
        access: incidentAccess,
        where: (reach) =>
          reach.as === 'platform'
            ? ANY_TENANT
            : sql`${tenantIs(reach, 'it')} and exists (select 1 from incident_tenants a where a.incident_id = i.id and ${tenantIs(reach, 'a')})`,
      },
      INCIDENT_LIST_BOUNDS.ofTicket,
    ),
  };
}

declare module '../../context/context' {
  interface Loaders {
    incidents: ReturnType<typeof createIncidentLoaders>;
  }
}
