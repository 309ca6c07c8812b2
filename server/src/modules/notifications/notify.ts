import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../database/pg-array';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import type { TenantPermission } from '../../permissions/catalog';
import { stageRealtimeEvent } from '../realtime/stage';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { DEFAULT_PREFERENCES, Notification, type NotificationKind, NotificationSetting } from './notification.entity';

/** What a notification is about, by database id (each at most one). */
export interface NotificationSubject {
  ticketId?: string;
  runId?: string;
  kycCaseId?: string;
  incidentId?: string;
}

export interface NotifyInput {
  kind: NotificationKind;
  /** User ids; repeats and the actor are dropped. */
  recipients: readonly (string | null | undefined)[];
  /** Who caused it: never notified of their own action. */
  actorId?: string | null;
  /** The tenant it is about; null for platform staff's own notifications. */
  tenantId: string | null;
  title: string;
  body?: string;
  /** A portal path for tenant members, an /admin/ path for staff. */
  url: string;
  subject?: NotificationSubject;
}

/** At most this many recipients per call: a notification fans out to people, not to a whole tenant. */
export const MAX_RECIPIENTS = 200;
const TITLE_MAX = 200;
const BODY_MAX = 280;

function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Notifies `recipients` of one thing, in `em`'s transaction (call it inside the transaction of the
 * change, so a rolled-back change notifies nobody). Each recipient's preference for the kind
 * decides: in-app (a row in their inbox, announced on `notificationReceived` after commit) and/or
 * email (the row waits for the next digest mail); neither: nothing at all. Deactivated accounts
 * are skipped. Two queries (accounts with their preferences), then the inserts at flush.
 */
export async function notify(em: EntityManager, input: NotifyInput): Promise<Notification[]> {
  const ids = [...new Set(input.recipients.filter((id): id is string => typeof id === 'string' && id !== input.actorId))].slice(0, MAX_RECIPIENTS);
  if (!ids.length) return [];
  const active = await em.find(User, { id: { $in: ids }, disabledAt: null }, { fields: ['id'], filters: false });
  if (!active.length) return [];
  const settings = await em.find(NotificationSetting, { user: { $in: active.map((u) => u.id) }, kind: input.kind }, { filters: false });
  const prefOf = new Map(settings.map((s) => [s.user.id, { inApp: s.inApp, email: s.email }]));
  const created: Notification[] = [];
  for (const { id: userId } of active) {
    const pref = prefOf.get(userId) ?? DEFAULT_PREFERENCES[input.kind];
    if (!pref.inApp && !pref.email) continue;
    const row = em.create(Notification, {
      recipient: em.getReference(User, userId),
      tenant: input.tenantId ? em.getReference(Tenant, input.tenantId) : null,
      kind: input.kind,
      title: clip(input.title, TITLE_MAX),
      body: clip(input.body ?? '', BODY_MAX),
      url: input.url,
      ticketId: input.subject?.ticketId ?? null,
      runId: input.subject?.runId ?? null,
      kycCaseId: input.subject?.kycCaseId ?? null,
      incidentId: input.subject?.incidentId ?? null,
      inApp: pref.inApp,
      emailPending: pref.email,
    });
    em.persist(row);
    created.push(row);
    if (pref.inApp) stageRealtimeEvent(em, { type: 'notification', userId, notificationId: row.id });
  }
  return created;
}

/**
 * Of `userIds` (or, when null, of every member; at most MAX_RECIPIENTS), the members of `tenantId`
 * whose role holds every permission in `permissions` now. One query.
 */
export async function membersHolding(em: EntityManager, tenantId: string, userIds: readonly string[] | null, permissions: readonly TenantPermission[]): Promise<string[]> {
  if (userIds && !userIds.length) return [];
  const rows = await tenantQuery<{ user_id: string }>(em, tenantReach(tenantId), (reach) =>
    sql`select m.user_id from memberships m join roles r on r.id = m.role_id
        where ${tenantIs(reach, 'm', 'r')} and r.permissions @> ${pgArray(permissions)}::text[]
        ${userIds ? sql`and m.user_id = any(${pgArray(userIds)}::uuid[])` : sql``}
        order by m.created_at, m.user_id limit ${MAX_RECIPIENTS}`,
  );
  return rows.map((r) => r.user_id);
}

/** Whether a ticket comment is a public reply or an internal note (tickets have no notes yet: every comment is PUBLIC). */
export type CommentVisibility = 'PUBLIC' | 'INTERNAL';

/** Who may read a comment of `visibility`: a public reply, every reader of the ticket; an internal note, those who work tickets (ticket:assign). */
export function permissionsToRead(visibility: CommentVisibility): TenantPermission[] {
  return visibility === 'INTERNAL' ? ['ticket:read', 'ticket:assign'] : ['ticket:read'];
}

/**
 * Who hears of a new comment on a ticket: its requester, its assignee and everyone who commented
 * before, never the comment's author, and only current members who may read a comment of that
 * visibility (an internal note never reaches a customer).
 */
export async function ticketReplyRecipients(
  em: EntityManager,
  ticket: { id: string; tenantId: string; requesterId: string; assigneeId: string | null },
  authorId: string,
  visibility: CommentVisibility,
): Promise<string[]> {
  const commenters = await tenantQuery<{ author_id: string }>(em, tenantReach(ticket.tenantId), (reach) =>
    sql`select distinct author_id from ticket_comments where ${tenantIs(reach)} and ticket_id = ${ticket.id} limit ${MAX_RECIPIENTS}`,
  );
  const candidates = [ticket.requesterId, ticket.assigneeId, ...commenters.map((c) => c.author_id)].filter((id): id is string => !!id && id !== authorId);
  return membersHolding(em, ticket.tenantId, [...new Set(candidates)], permissionsToRead(visibility));
}

/** Who hears of an incident affecting a tenant: its members holding incident:read and event:read (owners, admins and agents by default), at most MAX_RECIPIENTS. */
export const INCIDENT_RECIPIENT_PERMISSIONS: readonly TenantPermission[] = ['incident:read', 'event:read'];
