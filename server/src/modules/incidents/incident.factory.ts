import type { EntityManager } from '@mikro-orm/postgresql';
import { SystemEvent } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import type { Ticket } from '../tickets/ticket.entity';
import type { User } from '../users/user.entity';
import { IncidentEvent, IncidentTenant, IncidentTicket } from './incident-links.entity';
import { IncidentTimelineEntry, IncidentTimelineKind } from './incident-timeline-entry.entity';
import { Incident, IncidentSeverity, IncidentStatus } from './incident.entity';

export interface IncidentData {
  title?: string;
  severity?: IncidentSeverity;
  status?: IncidentStatus;
  summary?: string;
  tenantIds: string[];
  by: User;
  correlationId?: string;
  createdAt?: Date;
  /** Minutes from opening to mitigation, and from mitigation to resolution. */
  minutesToMitigate?: number;
  minutesToResolve?: number;
}

const MINUTE = 60_000;

/**
 * An incident in the given state, with its affected tenants and the timeline it would have had
 * (created, then each status change), stamped by `by`. Persisted, not flushed. For seeds and tests;
 * the API goes through the service, which also audits and writes events.
 */
export function makeIncident(em: EntityManager, data: IncidentData): Incident {
  const openedAt = data.createdAt ?? new Date();
  const status = data.status ?? IncidentStatus.OPEN;
  const mitigatedAt = status === IncidentStatus.OPEN ? undefined : new Date(openedAt.getTime() + (data.minutesToMitigate ?? 30) * MINUTE);
  const resolvedAt = status === IncidentStatus.RESOLVED && mitigatedAt ? new Date(mitigatedAt.getTime() + (data.minutesToResolve ?? 90) * MINUTE) : undefined;
  const title = data.title ?? 'Degraded performance';
  const severity = data.severity ?? IncidentSeverity.SEV3;
  const incident = em.create(Incident, {
    title,
    severity,
    status,
    summary: data.summary ?? 'We are investigating.',
    correlationId: data.correlationId,
    openedBy: data.by,
    mitigatedAt,
    mitigatedBy: mitigatedAt ? data.by : undefined,
    resolvedAt,
    resolvedBy: resolvedAt ? data.by : undefined,
    createdAt: openedAt,
    updatedAt: resolvedAt ?? mitigatedAt ?? openedAt,
  });
  em.persist(incident);
  for (const tenantId of data.tenantIds) em.persist(em.create(IncidentTenant, { incident, tenant: em.getReference(Tenant, tenantId), createdAt: openedAt, updatedAt: openedAt }));
  addTimelineEntry(em, incident, data.by, { kind: IncidentTimelineKind.CREATED, toStatus: IncidentStatus.OPEN, message: `Incident opened (${severity}): ${title}`, at: openedAt });
  if (mitigatedAt) {
    addTimelineEntry(em, incident, data.by, {
      kind: IncidentTimelineKind.STATUS_CHANGED,
      fromStatus: IncidentStatus.OPEN,
      toStatus: IncidentStatus.MITIGATED,
      message: 'Moved from OPEN to MITIGATED.',
      at: mitigatedAt,
    });
  }
  if (resolvedAt) {
    addTimelineEntry(em, incident, data.by, {
      kind: IncidentTimelineKind.STATUS_CHANGED,
      fromStatus: IncidentStatus.MITIGATED,
      toStatus: IncidentStatus.RESOLVED,
      message: 'Moved from MITIGATED to RESOLVED.',
      at: resolvedAt,
    });
  }
  return incident;
}

export interface TimelineData {
  kind: IncidentTimelineKind;
  message: string;
  at: Date;
  fromStatus?: IncidentStatus;
  toStatus?: IncidentStatus;
  internal?: boolean;
  tenantId?: string | null;
}

export function addTimelineEntry(em: EntityManager, incident: Incident, by: User, data: TimelineData): IncidentTimelineEntry {
  const entry = em.create(IncidentTimelineEntry, {
    incident,
    kind: data.kind,
    message: data.message,
    fromStatus: data.fromStatus,
    toStatus: data.toStatus,
    internal: data.internal ?? false,
    tenant: data.tenantId ? em.getReference(Tenant, data.tenantId) : undefined,
    author: by,
    createdAt: data.at,
    updatedAt: data.at,
  });
  em.persist(entry);
  return entry;
}

/** Links a ticket (its tenant must already be affected), with the tenant's timeline entry. */
export function linkTicket(em: EntityManager, incident: Incident, ticket: Ticket, by: User, at: Date): void {
  em.persist(em.create(IncidentTicket, { incident, ticket, tenant: ticket.tenant, linkedBy: by, createdAt: at, updatedAt: at }));
  addTimelineEntry(em, incident, by, { kind: IncidentTimelineKind.TICKETS_LINKED, message: `Linked ticket(s) #${ticket.number}`, tenantId: ticket.tenant.id, at });
}

/** Links an event by id (its tenant, if any, must already be affected), with a timeline entry. */
export function linkEvent(em: EntityManager, incident: Incident, event: { id: string; type: string; tenantId: string | null }, by: User, at: Date): void {
  em.persist(
    em.create(IncidentEvent, {
      incident,
      event: em.getReference(SystemEvent, event.id),
      tenant: event.tenantId ? em.getReference(Tenant, event.tenantId) : undefined,
      linkedBy: by,
      createdAt: at,
      updatedAt: at,
    }),
  );
  addTimelineEntry(em, incident, by, {
    kind: IncidentTimelineKind.EVENTS_LINKED,
    message: `Linked 1 event(s): ${event.type}`,
    internal: event.tenantId === null,
    tenantId: event.tenantId,
    at,
  });
}
