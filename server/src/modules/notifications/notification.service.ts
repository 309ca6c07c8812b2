import type { FilterQuery } from '@mikro-orm/core';
import { notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import { uuidv7 } from '../../common/uuid';
import type { Context } from '../../context/context';
import { userIdOf } from '../../context/scope';
import { readableRows } from '../../permissions/access';
import { User } from '../users/user.entity';
import { notificationAccess } from './notification.access';
import { DEFAULT_PREFERENCES, Notification, NotificationKind, type NotificationPreference, NotificationSetting } from './notification.entity';
import { notificationList, type NotificationsArgs, type UpdateNotificationPreferenceInput } from './notification.inputs';

/** The caller's own notifications (shield let only signed-in people through; an API key reads none). */
function ownRows(ctx: Context): FilterQuery<Notification> {
  const rows = readableRows(ctx, notificationAccess);
  return rows ? rows.where : { id: null };
}

export function listNotifications(ctx: Context, args: NotificationsArgs): Promise<ConnectionShape<Notification>> {
  const where: Record<string, unknown> = { ...(ownRows(ctx) as Record<string, unknown>) };
  if (args.filter?.unread === true) where.readAt = null;
  if (args.filter?.unread === false) where.readAt = { $ne: null };
  return paginate({ em: ctx.em, entity: Notification, where, args, sort: notificationList.sortOf(args) });
}

export function unreadCount(ctx: Context): Promise<number> {
  return ctx.em.count(Notification, { $and: [ownRows(ctx), { readAt: null }] });
}

/** Marks one of the caller's notifications read (again: no change). Another person's id answers NOT_FOUND. */
export async function markRead(ctx: Context, globalId: string): Promise<Notification> {
  const id = expectGlobalId(globalId, 'Notification');
  return ctx.em.transactional(async (em) => {
    const row = await em.findOne(Notification, { $and: [ownRows(ctx), { id }] });
    if (!row) throw notFound('Notification');
    row.readAt ??= new Date();
    return row;
  });
}

/** Marks every unread notification of the caller's (in the tenant they act in) read; answers how many. */
export function markAllRead(ctx: Context): Promise<number> {
  return ctx.em.nativeUpdate(Notification, { $and: [ownRows(ctx), { readAt: null }] }, { readAt: new Date() });
}

const KINDS = Object.values(NotificationKind);

/** Every kind, with the caller's choice or the default. */
export async function preferences(ctx: Context): Promise<NotificationPreference[]> {
  const userId = userIdOf(ctx);
  const rows = userId ? await ctx.em.find(NotificationSetting, { user: userId }) : [];
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return KINDS.map((kind) => {
    const row = byKind.get(kind);
    return { kind, inApp: row?.inApp ?? DEFAULT_PREFERENCES[kind].inApp, email: row?.email ?? DEFAULT_PREFERENCES[kind].email };
  });
}

/** Sets the caller's choice for one kind (an upsert on user and kind, so two tabs cannot make two rows). */
export async function updatePreference(ctx: Context, input: UpdateNotificationPreferenceInput): Promise<NotificationPreference> {
  const userId = userIdOf(ctx);
  if (!userId || ctx.principal.kind !== 'user') throw notFound('User');
  await ctx.em.upsert(
    NotificationSetting,
    { id: uuidv7(), user: ctx.em.getReference(User, userId), kind: input.kind, inApp: input.inApp, email: input.email },
    { onConflictFields: ['user', 'kind'], onConflictAction: 'merge', onConflictMergeFields: ['inApp', 'email', 'updatedAt'] },
  );
  return { kind: input.kind, inApp: input.inApp, email: input.email };
}
