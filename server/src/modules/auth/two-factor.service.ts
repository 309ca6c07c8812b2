import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, ErrorReason, rateLimited, unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import { recordAudit } from '../audit/audit.service';
import { User } from '../users/user.entity';
import type { LoginTicket } from './login-limiter';
import { RecoveryCode } from './recovery-code.entity';
import {
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeOtp,
  openTotpSecret,
  sealTotpSecret,
} from './totp';
import { enqueueMail } from '../mail/mail.outbox';

/*
 * Two-factor sign-in (TOTP, RFC 6238) and what the password check in login() leaves to decide:
 * a deactivated account, and the second factor. Secrets are stored sealed (totp.ts), recovery
 * codes hashed; neither is ever logged. The enrolment secret is returned once (to show as a QR
 * code), the recovery codes once (on confirmation).
 */

export const DEACTIVATED_MESSAGE = 'This account has been deactivated. Contact your administrator.';
const MFA_REQUIRED_MESSAGE = 'Enter the code from your authenticator app, or a recovery code.';
const INVALID_OTP_MESSAGE = 'That code is not valid. Enter the current code from your authenticator app, or an unused recovery code.';

function signedInUser(ctx: Context): string {
  if (ctx.principal.kind !== 'user') throw unauthenticated();
  return ctx.principal.userId;
}

/** The caller's row, locked for the rest of the transaction (enrolment steps do not interleave). */
function lockUser(em: EntityManager, userId: string): Promise<User> {
  return em.findOneOrFail(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

export interface TotpEnrollmentData {
  secret: string;
  otpauthUrl: string;
}

/** A new secret for the caller, pending until confirmed with a code; replaces a pending one. */
export async function beginTotpEnrollment(ctx: Context): Promise<TotpEnrollmentData> {
  const userId = signedInUser(ctx);
  return ctx.em.transactional(async (em) => {
    const user = await lockUser(em, userId);
    if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on. Turn it off first to set up another authenticator.', ErrorReason.TWO_FACTOR_ENABLED);
    const enrollment = newTotpSecret(user.email);
    user.totpPendingSecret = sealTotpSecret(ctx.app.config, enrollment.secret);
    return enrollment;
  });
}

/** Turns two-factor sign-in on with a current code of the pending secret; returns the recovery codes (shown once). */
export async function confirmTotpEnrollment(ctx: Context, code: string): Promise<string[]> {
  const userId = signedInUser(ctx);
  return ctx.em.transactional(async (em) => {
    const user = await lockUser(em, userId);
    if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on.', ErrorReason.TWO_FACTOR_ENABLED);
    const secret = user.totpPendingSecret ? openTotpSecret(ctx.app.config, user.totpPendingSecret) : null;
    if (!secret) throw conflict('Start setting up two-factor sign-in first (beginTotpEnrollment).', ErrorReason.TWO_FACTOR_NOT_ENABLED);
    const step = matchTotpStep(secret, normalizeOtp(code).value);
    if (step === null) {
      throw badInput('That code is not valid. Enter the current code from your authenticator app.', [{ field: 'code', message: 'Not the current code.' }]);
    }
    // The confirming code is spent: it cannot sign anyone in afterwards.
    await em.nativeUpdate(User, { id: user.id }, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step });
    await em.nativeDelete(RecoveryCode, { user: user.id });
    const codes = newRecoveryCodes();
    for (const c of codes) em.persist(em.create(RecoveryCode, { user, codeHash: c.hash }));
    twoFactorChanged(ctx, em, user, true);
    return codes.map((c) => c.code);
  });
}

/** Turns two-factor sign-in off, with a current TOTP code or a recovery code. */
export async function disableTotp(ctx: Context, code: string): Promise<boolean> {
  const userId = signedInUser(ctx);
  const current = await ctx.em.findOneOrFail(User, { id: userId });
  if (!current.totpEnabledAt) throw conflict('Two-factor sign-in is not on.', ErrorReason.TWO_FACTOR_NOT_ENABLED);
  // A stolen session must not be able to guess codes without limit: each wrong code counts as a
  // failed sign-in of the account, exactly as at login.
  const limiter = ctx.app.loginLimiter;
  const reservation = await limiter.reserve({ email: current.email, ip: ctx.ip, userAgent: ctx.userAgent });
  if (!reservation.allowed) throw rateLimited(reservation.retryAfterSeconds);
  let used: SecondFactor | null;
  try {
    used = await ctx.em.transactional(async (em) => {
      const user = await lockUser(em, userId);
      if (!user.totpEnabledAt) throw conflict('Two-factor sign-in is not on.', ErrorReason.TWO_FACTOR_NOT_ENABLED);
      const factor = await useSecondFactor(ctx, em, user, code);
      if (!factor) return null;
      await em.nativeUpdate(User, { id: user.id }, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
      await em.nativeDelete(RecoveryCode, { user: user.id });
      twoFactorChanged(ctx, em, user, false, { with: factor });
      return factor;
    });
  } catch (err) {
    await limiter.refund(reservation.ticket).catch((refundErr: unknown) => ctx.logger.warn({ err: refundErr }, 'login limiter: refund failed'));
    throw err;
  }
  if (!used) throw badInput(INVALID_OTP_MESSAGE, [{ field: 'code', message: 'Not a valid code.' }]);
  await limiter.refund(reservation.ticket);
  return true;
}

/**
 * The one place a two-factor change is recorded: the audit row, and the mail to the user.
 */
function twoFactorChanged(ctx: Context, em: EntityManager, user: User, enabled: boolean, diff?: Record<string, unknown>): void {
  recordAudit(ctx, em, { action: enabled ? 'auth.totp_enabled' : 'auth.totp_disabled', target: { type: 'User', id: user.id }, diff });
  enqueueMail(em, ctx.app.config, { template: 'two-factor-changed', to: user.email, data: { name: user.name, enabled, at: new Date() } });
}

export type SecondFactor = 'totp' | 'recovery_code';

/**
 * Checks `input` against the user's TOTP secret or unused recovery codes, inside `em`'s
 * transaction, and spends what matched: a TOTP step is claimed atomically (a code works once,
 * and never one of an earlier step than the last used), a recovery code is marked used (and
 * audited). Null when nothing matched.
 */
async function useSecondFactor(ctx: Pick<Context, 'app' | 'principal' | 'tenantId' | 'correlationId' | 'ip'>, em: EntityManager, user: User, input: string): Promise<SecondFactor | null> {
  const otp = normalizeOtp(input);
  if (otp.kind === 'totp') {
    const secret = user.totpSecret ? openTotpSecret(ctx.app.config, user.totpSecret) : null;
    const step = secret ? matchTotpStep(secret, otp.value) : null;
    if (step === null) return null;
    const claimed = await em.nativeUpdate(User, { id: user.id, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] }, { totpLastStep: step });
    return claimed === 1 ? 'totp' : null;
  }
  if (!/^[A-Z2-7]{16}$/.test(otp.value)) return null;
  const spent = await em.nativeUpdate(RecoveryCode, { user: user.id, codeHash: hashRecoveryCode(otp.value), usedAt: null }, { usedAt: new Date() });
  if (spent !== 1) return null;
  const remaining = await em.count(RecoveryCode, { user: user.id, usedAt: null });
  recordAudit(ctx, em, { action: 'auth.recovery_code_used', tenantId: null, actorId: user.id, target: { type: 'User', id: user.id }, diff: { remaining } });
  return 'recovery_code';
}

/**
 * What login() asks once the password is right: a deactivated account is refused, and an account
 * with two-factor sign-in needs `otp`. Settles the limiter's reservation for the cases it refuses:
 * a deactivated account and a missing code are no guess (refunded); a wrong code is a failed
 * sign-in (the reservation stays, and it is audited). Returns normally when sign-in may go on.
 */
export async function checkAfterPassword(ctx: Context, p: { user: User; email: string; otp?: string | null; ticket: LoginTicket }): Promise<void> {
  const limiter = ctx.app.loginLimiter;
  const refund = () => limiter.refund(p.ticket).catch((err: unknown) => ctx.logger.warn({ err }, 'login limiter: refund failed'));
  if (p.user.disabledAt) {
    await refund();
    throw unauthenticated(DEACTIVATED_MESSAGE, ErrorReason.ACCOUNT_DEACTIVATED);
  }
  if (!p.user.totpEnabledAt) return;
  if (!p.otp?.trim()) {
    await refund();
    throw unauthenticated(MFA_REQUIRED_MESSAGE, ErrorReason.MFA_REQUIRED);
  }
  const otp = p.otp;
  let factor: SecondFactor | null;
  try {
    factor = await ctx.em.transactional((em) => useSecondFactor(ctx, em, p.user, otp));
  } catch (err) {
    await refund();
    throw err;
  }
  if (factor) return;
  // The reservation stays: it is the recorded failure.
  await ctx.em.transactional(async (em) => {
    recordAudit(ctx, em, { action: 'auth.login_failed', tenantId: null, actorId: p.user.id, diff: { email: p.email, reason: 'invalid_otp' } });
  });
  throw unauthenticated(INVALID_OTP_MESSAGE, ErrorReason.INVALID_OTP);
}
