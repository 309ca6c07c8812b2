import { createHash, randomBytes } from 'node:crypto';
import { badInput, rateLimited, unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import { recordAudit } from '../audit/audit.service';
import { enqueueMail } from '../mail/mail.outbox';
import { User } from '../users/user.entity';
import { revokeUserSessions } from './auth.service';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { PasswordReset } from './password-reset.entity';

/** A reset link works for an hour. */
export const RESET_TTL_MS = 60 * 60 * 1000;
/** At most this many reset mails per account per hour; further requests still answer true. */
export const RESETS_PER_HOUR = 3;

/** A random single-use token for a mailed link (32 bytes, base64url) and the SHA-256 stored for it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function signedInUserId(ctx: Context): { userId: string; sessionId: string } {
  if (ctx.principal.kind !== 'user') throw unauthenticated();
  return { userId: ctx.principal.userId, sessionId: ctx.principal.sessionId };
}

/**
 * Changes the caller's password. The current password is checked through the login limiter (a
 * wrong one counts as a failed sign-in); every other session of the user is revoked.
 */
export async function changePassword(ctx: Context, input: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const { userId, sessionId } = signedInUserId(ctx);
  const user = await ctx.em.findOne(User, { id: userId });
  if (!user) throw unauthenticated();
  const limiter = ctx.app.loginLimiter;
  const reservation = await limiter.reserve({ email: user.email, ip: ctx.ip, userAgent: ctx.userAgent });
  if (!reservation.allowed) throw rateLimited(reservation.retryAfterSeconds);
  let valid: boolean;
  try {
    valid = await verifyPassword(user.passwordHash, input.currentPassword);
  } catch (err) {
    await limiter.refund(reservation.ticket).catch(() => undefined);
    throw err;
  }
  if (!valid) {
    await ctx.em.transactional(async (em) => {
      recordAudit(ctx, em, { action: 'auth.password_change_failed', tenantId: null, target: { type: 'User', id: user.id } });
    });
    const message = 'Your current password is not correct.';
    throw badInput(message, [{ field: 'currentPassword', message }]);
  }
  await limiter.refund(reservation.ticket);
  checkPasswordPolicy(input.newPassword, user.email, 'newPassword');
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    const message = 'Choose a password different from your current one.';
    throw badInput(message, [{ field: 'newPassword', message }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = new Date();
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(User, { id: user.id }, { passwordHash });
    const revoked = await revokeUserSessions(em, user.id, 'password_changed', sessionId);
    recordAudit(ctx, em, { action: 'auth.password_changed', tenantId: null, target: { type: 'User', id: user.id }, diff: { after: { otherSessionsRevoked: revoked } } });
    enqueueMail(em, ctx.app.config, { template: 'password-changed', to: user.email, data: { name: user.name, at } });
  });
  return true;
}

/**
 * Mails a reset link when `email` belongs to an active account. Always answers true, and does
 * the same statements either way (a look-up, a count, one transaction with an audit entry), so
 * neither the answer nor its timing tells whether the address has an account; the mail itself
 * is sent later by the mail worker.
 */
export async function requestPasswordReset(ctx: Context, rawEmail: string): Promise<boolean> {
  const email = rawEmail.trim().toLowerCase();
  if (email.length > 320 || !email.includes('@')) return true;
  const user = await ctx.em.findOne(User, { email });
  const known = !!user && !user.disabledAt;
  const since = new Date(Date.now() - RESET_TTL_MS);
  const recent = await ctx.em.count(PasswordReset, known ? { user: user.id, createdAt: { $gt: since } } : { id: null, createdAt: { $gt: since } });
  const send = known && recent < RESETS_PER_HOUR;
  await ctx.em.transactional(async (em) => {
    if (send) {
      const { token, hash } = newLinkToken();
      const expiresAt = new Date(Date.now() + RESET_TTL_MS);
      em.persist(em.create(PasswordReset, { user: user.id, tokenHash: hash, expiresAt, requestedIp: ctx.ip ?? undefined }));
      enqueueMail(em, ctx.app.config, { template: 'password-reset', to: user.email, data: { name: user.name, token, expiresAt } });
    }
    // Recorded for every request; the entry says only whether a mail went out, never to the caller.
    recordAudit(ctx, em, {
      action: 'auth.password_reset_requested',
      tenantId: null,
      actorId: known ? user.id : null,
      diff: { email, mailed: send, ...(known && !send ? { throttled: true } : {}) },
    });
  });
  return true;
}

/**
 * Sets a new password from a mailed reset link. The link works once and for an hour; every
 * session of the user is revoked and the login limiter forgets the account's failures.
 */
export async function resetPassword(ctx: Context, input: { token: string; newPassword: string }): Promise<boolean> {
  const invalid = () => {
    const message = 'This reset link is invalid or has expired. Ask for a new one.';
    return badInput(message, [{ field: 'token', message }]);
  };
  if (typeof input.token !== 'string' || input.token.length < 20 || input.token.length > 200) throw invalid();
  const reset = await ctx.em.findOne(PasswordReset, { tokenHash: hashLinkToken(input.token) }, { populate: ['user'] });
  const now = new Date();
  if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalid();
  const user = reset.user.getEntity();
  if (user.disabledAt) throw invalid();
  checkPasswordPolicy(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.em.transactional(async (em) => {
    // Claimed atomically: of two concurrent uses, one wins.
    const claimed = await em.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null }, { usedAt: now });
    if (claimed !== 1) throw invalid();
    // Any other outstanding link of this user stops working too.
    await em.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: now });
    await em.nativeUpdate(User, { id: user.id }, { passwordHash });
    const revoked = await revokeUserSessions(em, user.id, 'password_reset');
    recordAudit(ctx, em, {
      action: 'auth.password_reset',
      tenantId: null,
      actorId: user.id,
      target: { type: 'User', id: user.id },
      diff: { after: { sessionsRevoked: revoked } },
    });
    enqueueMail(em, ctx.app.config, { template: 'password-changed', to: user.email, data: { name: user.name, at: now } });
  });
  await ctx.app.loginLimiter.clearAccount(user.email).catch((err: unknown) => ctx.logger.warn({ err }, 'login limiter: clearAccount failed'));
  return true;
}

