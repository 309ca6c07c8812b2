import { notifyIncidentChanged } from '../notifications/producers';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { visibleLength } from '../../common/input-hygiene';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { isPlatformScope, userIdOf } from '../../context/scope';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { recordSystemEvent } from '../events/event.service';
import { EventSeverity } from '../events/system-event.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { IncidentTenant } from './incident-links.entity';
import { IncidentTimelineEntry, IncidentTimelineKind } from './incident-timeline-entry.entity';
import { Incident, IncidentSeverity, IncidentStatus } from './incident.entity';
import {
  type AddIncidentNoteInput,
  type CreateIncidentInput,
  type IncidentFilter,
  incidentList,
  type IncidentsArgs,
  MAX_TIMELINE_ENTRIES,
  type TransitionIncidentInput,
} from './incident.inputs';
import { nextStatuses, transitionOf } from './incident.transitions';
import { incidentAccess } from './incident.access';
import { readableRows } from '../../permissions/access';
import { emitWebhookEventToTenants } from '../webhooks/webhook.emit';
import { stageRealtimeEvent } from '../realtime/stage';
import { incidentData } from '../webhooks/webhook.events';

/** The tenants an incident affects (its customers get incident.updated webhooks). */
async function affectedTenantIds(em: EntityManager, incidentId: string): Promise<string[]> {
  const rows = await em.find(IncidentTenant, { incident: incidentId }, { filters: false, orderBy: { tenant: 'ASC' } });
  return rows.map((r) => r.tenant.id);
}

/** Severity of the system event an incident's opening writes. */
const EVENT_SEVERITY: Record<IncidentSeverity, EventSeverity> = {
  [IncidentSeverity.SEV1]: EventSeverity.CRITICAL,
  [IncidentSeverity.SEV2]: EventSeverity.ERROR,
  [IncidentSeverity.SEV3]: EventSeverity.WARNING,
  [IncidentSeverity.SEV4]: EventSeverity.INFO,
};

function whereOf(filter?: IncidentFilter | null): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.severity?.length) where.severity = { $in: filter.severity };
  if (filter.correlationId) where.correlationId = filter.correlationId;
  if (filter.text?.trim()) {
    const pattern = containsPattern(filter.text.trim());
    where.$or = [{ title: { $ilike: pattern } }, { summary: { $ilike: pattern } }];
  }
  // For a customer this joins the same affected row as their scope: another tenant matches nothing.
  if (filter.tenantId) where.affected = { tenant: expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId') };
  return where;
}

export async function listIncidents(ctx: Context, args: IncidentsArgs): Promise<ConnectionShape<Incident>> {
  const readable = readableRows(ctx, incidentAccess);
  if (!readable) throw forbidden('This needs the incident:read permission.', ErrorReason.MISSING_PERMISSION);
  const filter = whereOf(args.filter);
  const page = await paginate({ em: ctx.em, entity: Incident, where: { $and: [readable.where, filter] }, args, sort: incidentList.sortOf(args), options: readable.options });
  const tenant = (filter.affected as { tenant?: string } | undefined)?.tenant ?? null;
  await auditPlatformAccess(ctx, 'incidents', { filter: args.filter ?? null }, tenant);
  return page;
}

export async function getIncident(ctx: Context, id: string): Promise<Incident> {
  const incident = await ctx.loaders.incidents.byId.load(id);
  if (!incident) throw notFound('Incident');
  await auditPlatformAccess(ctx, 'incident', { incidentId: id });
  return incident;
}

export function requireStaff(ctx: Context): string {
  const userId = userIdOf(ctx);
  if (!userId || !isPlatformScope(ctx)) throw forbidden('Incidents are managed by platform staff.', ErrorReason.STAFF_ONLY);
  return userId;
}

export function decodeIds(ids: string[], type: string, field: string): string[] {
  return [...new Set(ids.map((id, i) => expectGlobalId(id, type, `${field}.${i}`)))];
}

function requireText(value: string, field: string, message: string, min = 1): string {
  const trimmed = value.trim();
  if (visibleLength(trimmed) < min) throw badInput(message, [{ field, message }]);
  return trimmed;
}

interface EntryData {
  kind: IncidentTimelineKind;
  message: string;
  fromStatus?: IncidentStatus;
  toStatus?: IncidentStatus;
  internal?: boolean;
  /** Only this tenant's customers (and staff) see the entry. */
  tenantId?: string | null;
}

export function entry(em: EntityManager, incident: Incident, data: EntryData, userId: string): IncidentTimelineEntry {
  const row = em.create(IncidentTimelineEntry, {
    incident,
    kind: data.kind,
    message: data.message,
    fromStatus: data.fromStatus,
    toStatus: data.toStatus,
    internal: data.internal ?? false,
    tenant: data.tenantId ? em.getReference(Tenant, data.tenantId) : undefined,
    author: em.getReference(User, userId),
  });
  em.persist(row);
  return row;
}

export async function createIncident(ctx: Context, input: CreateIncidentInput): Promise<Incident> {
  const userId = requireStaff(ctx);
  const title = requireText(input.title, 'title', 'Title must be between 3 and 200 characters.', 3);
  const summary = requireText(input.summary, 'summary', 'Describe the incident for the affected customers.');
  const tenantIds = decodeIds(input.tenantIds, 'Tenant', 'tenantIds');
  return ctx.em.transactional(async (em) => {
    const tenants = await em.find(Tenant, { id: { $in: tenantIds } }, { orderBy: { slug: 'ASC' } });
    if (tenants.length !== tenantIds.length) throw notFound('Tenant');
    const incident = em.create(Incident, {
      title,
      severity: input.severity,
      summary,
      correlationId: input.correlationId ?? ctx.correlationId,
      openedBy: em.getReference(User, userId),
    });
    em.persist(incident);
    for (const tenant of tenants) em.persist(em.create(IncidentTenant, { incident, tenant }));
    entry(em, incident, { kind: IncidentTimelineKind.CREATED, toStatus: IncidentStatus.OPEN, message: `Incident opened (${input.severity}): ${title}` }, userId);
    const tenantGlobalIds = tenants.map((t) => toGlobalId('Tenant', t.id));
    recordAudit(ctx, em, {
      action: 'incident.created',
      tenantId: null,
      target: { type: 'Incident', id: incident.id },
      diff: { after: { title, severity: input.severity, status: IncidentStatus.OPEN, tenantIds: tenantGlobalIds, correlationId: incident.correlationId } },
    });
    recordSystemEvent(em, {
      tenantId: null,
      type: 'incident.opened',
      source: 'incidents',
      severity: EVENT_SEVERITY[input.severity],
      payload: { incidentId: toGlobalId('Incident', incident.id), title, severity: input.severity, tenantIds: tenantGlobalIds },
      correlationId: incident.correlationId,
    });
    await emitWebhookEventToTenants(em, tenants.map((t) => t.id), 'incident.updated', incidentData(incident, { kind: 'opened' }));
    await notifyIncidentChanged(em, incident, tenants.map((t) => t.id), 'opened', userId);
    stageRealtimeEvent(em, { type: 'incident', incidentId: incident.id, tenantIds: tenants.map((t) => t.id) });
    return incident;
  });
}

export async function lockIncident(em: EntityManager, globalId: string, field: string): Promise<Incident> {
  const id = expectGlobalId(globalId, 'Incident', field);
  const incident = await em.findOne(Incident, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!incident) throw notFound('Incident');
  return incident;
}

export async function transitionIncident(ctx: Context, input: TransitionIncidentInput): Promise<Incident> {
  const userId = requireStaff(ctx);
  const note = input.note === undefined || input.note === null ? null : requireText(input.note, 'note', 'A note cannot be blank.');
  return ctx.em.transactional(async (em) => {
    // Locked, so two staff members moving the same incident at once are serialized.
    const incident = await lockIncident(em, input.id, 'id');
    const from = incident.status;
    const stamp = transitionOf(from, input.to);
    if (!stamp) {
      const allowed = nextStatuses(from);
      const message = allowed.length
        ? `This incident is ${from}; it can move to ${allowed.join(' or ')} only.`
        : `This incident is ${from}; its status cannot change any more.`;
      throw conflict(message, ErrorReason.INVALID_TRANSITION);
    }
    const now = new Date();
    const by = em.getReference(User, userId, { wrapped: true });
    incident.status = input.to;
    if (stamp === 'mitigated') {
      incident.mitigatedAt = now;
      incident.mitigatedBy = by;
    } else {
      incident.resolvedAt = now;
      incident.resolvedBy = by;
    }
    const moved = `Moved from ${from} to ${input.to}`;
    entry(em, incident, { kind: IncidentTimelineKind.STATUS_CHANGED, fromStatus: from, toStatus: input.to, message: note ? `${moved}: ${note}` : `${moved}.` }, userId);
    recordAudit(ctx, em, {
      action: 'incident.transitioned',
      tenantId: null,
      target: { type: 'Incident', id: incident.id },
      diff: { before: { status: from }, after: { status: input.to }, ...(note ? { note } : {}) },
    });
    recordSystemEvent(em, {
      tenantId: null,
      type: `incident.${input.to.toLowerCase()}`,
      source: 'incidents',
      payload: { incidentId: toGlobalId('Incident', incident.id), from, to: input.to },
      correlationId: incident.correlationId,
    });
    const affected = await affectedTenantIds(em, incident.id);
    await emitWebhookEventToTenants(em, affected, 'incident.updated', incidentData(incident, { kind: 'status_changed', previousStatus: from, note: note ?? undefined }));
    await notifyIncidentChanged(em, incident, affected, 'status', userId);
    stageRealtimeEvent(em, { type: 'incident', incidentId: incident.id, tenantIds: affected });
    return incident;
  });
}

export async function addIncidentNote(ctx: Context, input: AddIncidentNoteInput): Promise<IncidentTimelineEntry> {
  const userId = requireStaff(ctx);
  const body = requireText(input.body, 'body', 'A note cannot be blank.');
  return ctx.em.transactional(async (em) => {
    const incident = await lockIncident(em, input.incidentId, 'incidentId');
    const entries = await em.count(IncidentTimelineEntry, { incident: incident.id });
    if (entries >= MAX_TIMELINE_ENTRIES) {
      throw badInput(`This incident's timeline is full (${MAX_TIMELINE_ENTRIES} entries).`, [{ field: 'incidentId', message: 'Timeline full.' }]);
    }
    const note = entry(em, incident, { kind: IncidentTimelineKind.NOTE, internal: input.internal, message: body }, userId);
    incident.updatedAt = new Date();
    recordAudit(ctx, em, {
      action: 'incident.note_added',
      tenantId: null,
      target: { type: 'Incident', id: incident.id },
      diff: { after: { internal: input.internal, body } },
    });
    // Customers see public notes only, so only those are told.
    const affected = input.internal ? [] : await affectedTenantIds(em, incident.id);
    if (!input.internal) await emitWebhookEventToTenants(em, affected, 'incident.updated', incidentData(incident, { kind: 'note_added', note: body }));
    // An internal note: staff only (no tenant hears of it).
    stageRealtimeEvent(em, { type: 'incident', incidentId: incident.id, tenantIds: affected });
    return note;
  });
}
