import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { groupBy } from '../../common/batch-loaders';
import type { Context } from '../../context/context';
import { recordAudit } from '../audit/audit.service';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { IncidentEvent, IncidentTenant, IncidentTicket } from './incident-links.entity';
import { IncidentTimelineKind } from './incident-timeline-entry.entity';
import type { Incident } from './incident.entity';
import { type LinkIncidentEventsInput, type LinkIncidentTicketsInput, MAX_LINKS } from './incident.inputs';
import { decodeIds, entry, lockIncident, requireStaff } from './incident.service';
import { stageRealtimeEvent } from '../realtime/stage';

/**
 * Linking system events and tickets to an incident. Each link brings its tenant into the affected
 * tenants (with a timeline entry only that tenant sees), within the per-incident link limits.
 */

/**
 * Adds the tenants of newly linked items to the affected tenants, with a timeline entry that
 * only that tenant's customers (and staff) see. Returns the tenants it added.
 */
async function ensureAffected(em: EntityManager, incident: Incident, tenantIds: string[], userId: string): Promise<string[]> {
  if (!tenantIds.length) return [];
  const present = await em.find(IncidentTenant, { incident: incident.id, tenant: { $in: tenantIds } }, { filters: false });
  const have = new Set(present.map((p) => p.tenant.id));
  const added = tenantIds.filter((id) => !have.has(id));
  for (const tenantId of added) {
    em.persist(em.create(IncidentTenant, { incident, tenant: em.getReference(Tenant, tenantId) }));
    entry(em, incident, { kind: IncidentTimelineKind.TENANT_ADDED, tenantId, message: 'Your organisation was added to the affected tenants.' }, userId);
  }
  // The newly affected tenants' screens show the incident (staff hear of every change).
  stageRealtimeEvent(em, { type: 'incident', incidentId: incident.id, tenantIds: added });
  return added;
}


function listed(labels: string[]): string {
  return labels.length > 5 ? `${labels.slice(0, 5).join(', ')} and ${labels.length - 5} more` : labels.join(', ');
}

export async function linkIncidentEvents(ctx: Context, input: LinkIncidentEventsInput): Promise<Incident> {
  const userId = requireStaff(ctx);
  const eventIds = decodeIds(input.eventIds, 'SystemEvent', 'eventIds');
  return ctx.em.transactional(async (em) => {
    const incident = await lockIncident(em, input.incidentId, 'incidentId');
    const events = await em.find(SystemEvent, { id: { $in: eventIds } }, { filters: false, orderBy: { occurredAt: 'ASC', id: 'ASC' } });
    if (events.length !== eventIds.length) throw notFound('System event');
    const linked = await em.find(IncidentEvent, { incident: incident.id, event: { $in: eventIds } }, { filters: false });
    const already = new Set(linked.map((l) => l.event.id));
    const fresh = events.filter((e) => !already.has(e.id));
    // Linking what is already linked changes nothing, and is not audited.
    if (!fresh.length) return incident;
    const total = await em.count(IncidentEvent, { incident: incident.id }, { filters: false });
    if (total + fresh.length > MAX_LINKS) {
      throw badInput(`An incident can hold at most ${MAX_LINKS} events; it has ${total}.`, [{ field: 'eventIds', message: `At most ${MAX_LINKS - total} more.` }]);
    }
    const tenantsAdded = await ensureAffected(em, incident, [...new Set(fresh.flatMap((e) => (e.tenant ? [e.tenant.id] : [])))], userId);
    for (const event of fresh) {
      em.persist(em.create(IncidentEvent, { incident, event, tenant: event.tenant ?? undefined, linkedBy: em.getReference(User, userId) }));
    }
    for (const [tenantId, group] of groupBy(fresh, (e) => e.tenant?.id ?? null)) {
      entry(
        em,
        incident,
        {
          kind: IncidentTimelineKind.EVENTS_LINKED,
          // Platform events are staff business; a tenant's events are shown to that tenant only.
          internal: tenantId === null,
          tenantId,
          message: `Linked ${group.length} event(s): ${listed(group.map((e) => e.type))}`,
        },
        userId,
      );
    }
    incident.updatedAt = new Date();
    recordAudit(ctx, em, {
      action: 'incident.events_linked',
      tenantId: null,
      target: { type: 'Incident', id: incident.id },
      diff: { added: fresh.map((e) => toGlobalId('SystemEvent', e.id)), tenantsAdded: tenantsAdded.map((id) => toGlobalId('Tenant', id)) },
    });
    return incident;
  });
}

export async function linkIncidentTickets(ctx: Context, input: LinkIncidentTicketsInput): Promise<Incident> {
  const userId = requireStaff(ctx);
  const ticketIds = decodeIds(input.ticketIds, 'Ticket', 'ticketIds');
  return ctx.em.transactional(async (em) => {
    const incident = await lockIncident(em, input.incidentId, 'incidentId');
    const tickets = await em.find(Ticket, { id: { $in: ticketIds } }, { filters: false, orderBy: { createdAt: 'ASC', id: 'ASC' } });
    if (tickets.length !== ticketIds.length) throw notFound('Ticket');
    const linked = await em.find(IncidentTicket, { incident: incident.id, ticket: { $in: ticketIds } }, { filters: false });
    const already = new Set(linked.map((l) => l.ticket.id));
    const fresh = tickets.filter((t) => !already.has(t.id));
    if (!fresh.length) return incident;
    const total = await em.count(IncidentTicket, { incident: incident.id }, { filters: false });
    if (total + fresh.length > MAX_LINKS) {
      throw badInput(`An incident can hold at most ${MAX_LINKS} tickets; it has ${total}.`, [{ field: 'ticketIds', message: `At most ${MAX_LINKS - total} more.` }]);
    }
    const tenantsAdded = await ensureAffected(em, incident, [...new Set(fresh.map((t) => t.tenant.id))], userId);
    for (const ticket of fresh) {
      em.persist(em.create(IncidentTicket, { incident, ticket, tenant: ticket.tenant, linkedBy: em.getReference(User, userId) }));
    }
    for (const [tenantId, group] of groupBy(fresh, (t) => t.tenant.id)) {
      entry(
        em,
        incident,
        {
          kind: IncidentTimelineKind.TICKETS_LINKED,
          tenantId,
          message: `Linked ticket(s) ${listed(group.map((t) => `#${t.number}`))}`,
        },
        userId,
      );
    }
    incident.updatedAt = new Date();
    recordAudit(ctx, em, {
      action: 'incident.tickets_linked',
      tenantId: null,
      target: { type: 'Incident', id: incident.id },
      diff: { added: fresh.map((t) => toGlobalId('Ticket', t.id)), tenantsAdded: tenantsAdded.map((id) => toGlobalId('Tenant', id)) },
    });
    return incident;
  });
}
