import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, forbidden, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { userIdOf } from '../../context/scope';
import { StaffRole } from '../../permissions/staff-role';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { sessionList, type SessionsArgs } from '../auth/auth.inputs';
import { Session } from '../auth/session.entity';
import { User } from './user.entity';

/*
 * Platform staff's controls over any user account (shield has checked platform:user:manage, or
 * platform:user:read for userSessions, which staff hold only outside a tenant). Each change is
 * audited with the user as its target. Staff accounts are a superadmin's to control.
 */

/** The user to act on, locked for the transaction; NOT_FOUND when there is none. */
async function lockTarget(ctx: Context, em: EntityManager, userId: string): Promise<User> {
  const user = await em.findOne(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!user) throw notFound('User');
  const callerRole = ctx.principal.kind === 'user' ? ctx.principal.staffRole : null;
  if (user.staffRole && callerRole !== StaffRole.SUPERADMIN) {
    throw forbidden('Only a superadmin can deactivate, reactivate or sign out platform staff.', ErrorReason.SUPERADMIN_REQUIRED);
  }
  return user;
}

/** Ends every live session of the user; returns how many. */
function revokeAll(em: EntityManager, userId: string, reason: string, at: Date): Promise<number> {
  return em.nativeUpdate(Session, { user: userId, revokedAt: null, expiresAt: { $gt: at } }, { revokedAt: at, revokedReason: reason });
}

/**
 * Deactivates an account: its sessions end, sign-in answers ACCOUNT_DEACTIVATED, and any access
 * token still in hand is refused (the context only accepts sessions of enabled users).
 */
export async function deactivateUser(ctx: Context, id: string): Promise<User> {
  const userId = expectGlobalId(id, 'User');
  if (userId === userIdOf(ctx)) throw forbidden('You cannot deactivate your own account.', ErrorReason.SELF_DEACTIVATION);
  return ctx.em.transactional(async (em) => {
    const user = await lockTarget(ctx, em, userId);
    if (user.disabledAt) return user;
    const at = new Date();
    user.disabledAt = at;
    const sessionsRevoked = await revokeAll(em, user.id, 'user_deactivated', at);
    recordAudit(ctx, em, { action: 'user.deactivated', tenantId: null, target: { type: 'User', id: user.id }, diff: { sessionsRevoked } });
    return user;
  });
}

export async function reactivateUser(ctx: Context, id: string): Promise<User> {
  const userId = expectGlobalId(id, 'User');
  return ctx.em.transactional(async (em) => {
    const user = await lockTarget(ctx, em, userId);
    if (!user.disabledAt) return user;
    const before = user.disabledAt;
    em.assign(user, { disabledAt: null });
    recordAudit(ctx, em, { action: 'user.reactivated', tenantId: null, target: { type: 'User', id: user.id }, diff: { before: { deactivatedAt: before.toISOString() } } });
    return user;
  });
}

/** Ends every live session of a user (they sign in again); returns how many ended. */
export async function revokeUserSessions(ctx: Context, id: string): Promise<number> {
  const userId = expectGlobalId(id, 'User', 'userId');
  return ctx.em.transactional(async (em) => {
    const user = await lockTarget(ctx, em, userId);
    const revoked = await revokeAll(em, user.id, 'revoked_by_staff', new Date());
    recordAudit(ctx, em, { action: 'user.sessions_revoked', tenantId: null, target: { type: 'User', id: user.id }, diff: { revoked } });
    return revoked;
  });
}

/** A user's live sessions, newest first; the access is audited. */
export async function listUserSessions(ctx: Context, id: string, args: SessionsArgs): Promise<ConnectionShape<Session>> {
  const userId = expectGlobalId(id, 'User', 'userId');
  if (!(await ctx.em.count(User, { id: userId }))) throw notFound('User');
  const page = await paginate({
    em: ctx.em,
    entity: Session,
    where: { user: userId, revokedAt: null, expiresAt: { $gt: new Date() } },
    args,
    sort: sessionList.sortOf(args),
  });
  await auditPlatformAccess(ctx, 'userSessions', { userId: id });
  return page;
}
