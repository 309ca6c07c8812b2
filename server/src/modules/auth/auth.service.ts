import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, forbidden, notFound, rateLimited, unauthenticated } from '../../common/errors';
import type { Context } from '../../context/context';
import { recordAudit } from '../audit/audit.service';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { Session } from './session.entity';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';
import { checkAfterPassword } from './two-factor.service';

export interface AuthResult {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: User;
  tenant: Tenant | null;
}

export interface LoginParams {
  email: string;
  password: string;
  tenantSlug?: string | null;
  /** A TOTP code or a recovery code, for accounts with two-factor sign-in. */
  otp?: string | null;
}

const INVALID_CREDENTIALS = 'Invalid email or password.';
const NO_TENANT_FILTER = { filters: { tenant: false } } as const;

/** The user's membership to start a session in: the named tenant, else their oldest one. */
async function pickMembership(em: EntityManager, userId: string, tenantSlug?: string | null): Promise<Membership | null> {
  const where = tenantSlug ? { user: userId, tenant: { slug: tenantSlug } } : { user: userId };
  return em.findOne(Membership, where, { ...NO_TENANT_FILTER, populate: ['tenant'], orderBy: { createdAt: 'ASC', id: 'ASC' } });
}

function issueTokens(ctx: Context, em: EntityManager, session: Session): { refreshToken: string; access: ReturnType<typeof signAccessToken> } {
  const { token, hash } = newRefreshToken();
  em.persist(em.create(RefreshToken, { session, tokenHash: hash, expiresAt: session.expiresAt }));
  const access = signAccessToken(ctx.app.config, { sub: session.user.id, sid: session.id, tid: session.tenant?.id ?? null, gen: session.generation });
  return { refreshToken: token, access };
}

export async function login(ctx: Context, params: LoginParams): Promise<AuthResult> {
  const email = params.email.trim().toLowerCase();
  const limiter = ctx.app.loginLimiter;
  // Reserved before the password is verified, so concurrent guesses cannot overshoot the limit.
  const reservation = await limiter.reserve({ email, ip: ctx.ip, userAgent: ctx.userAgent });
  if (!reservation.allowed) throw rateLimited(reservation.retryAfterSeconds);
  const { ticket } = reservation;

  let user: User | null;
  let valid: boolean;
  try {
    user = await ctx.em.findOne(User, { email });
    valid = (await verifyPassword(user?.passwordHash ?? null, params.password)) && !!user;
  } catch (err) {
    // Nothing was decided: the attempt does not count.
    await limiter.refund(ticket).catch((refundErr: unknown) => ctx.logger.warn({ err: refundErr }, 'login limiter: refund failed'));
    throw err;
  }
  if (!valid || !user) {
    // The reservation stays: it is the recorded failure.
    await ctx.em.transactional(async (em) => {
      recordAudit(ctx, em, {
        action: 'auth.login_failed',
        tenantId: null,
        actorId: user?.id ?? null,
        diff: { email },
      });
    });
    throw unauthenticated(INVALID_CREDENTIALS, ErrorReason.INVALID_CREDENTIALS);
  }
  // The password is right: a deactivated account and the second factor are decided there.
  await checkAfterPassword(ctx, { user, email, otp: params.otp, ticket });
  await limiter.succeeded(ticket);

  const membership = await pickMembership(ctx.em, user.id, params.tenantSlug);
  if (params.tenantSlug && !membership) {
    throw forbidden(`You are not a member of the tenant "${params.tenantSlug}".`, ErrorReason.NOT_A_MEMBER);
  }
  const tenant = membership ? membership.tenant.getEntity() : null;

  return ctx.em.transactional((em) => startSession(ctx, em, user, tenant, 'auth.login'));
}

/**
 * A new session for `user` acting in `tenant`, with its first tokens; audited as `action`.
 * Persisted in `em`'s transaction, so it exists only if that transaction commits.
 */
export function startSession(ctx: Context, em: EntityManager, user: User, tenant: Tenant | null, action: string): AuthResult {
  const session = em.create(Session, {
    user,
    tenant: tenant ?? undefined,
    userAgent: ctx.userAgent?.slice(0, 500) ?? undefined,
    ip: ctx.ip ?? undefined,
    expiresAt: new Date(Date.now() + ctx.app.config.refreshTtlDays * 86_400_000),
  });
  em.persist(session);
  const { refreshToken, access } = issueTokens(ctx, em, session);
  recordAudit(ctx, em, {
    action,
    tenantId: tenant?.id ?? null,
    actorId: user.id,
    target: { type: 'Session', id: session.id },
  });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user, tenant };
}

/**
 * Revokes every active session of a user (but `exceptSessionId`), in `em`'s transaction.
 * Returns how many were revoked.
 */
export async function revokeUserSessions(em: EntityManager, userId: string, reason: string, exceptSessionId?: string | null): Promise<number> {
  const where = exceptSessionId ? { user: userId, revokedAt: null, id: { $ne: exceptSessionId } } : { user: userId, revokedAt: null };
  return em.nativeUpdate(Session, where, { revokedAt: new Date(), revokedReason: reason });
}

/**
 * Rotates a refresh token. A token that was already used means it was copied: the whole
 * session is revoked (committed even though the call fails) and the reuse is audited.
 */
export async function refreshSession(ctx: Context, presented: string): Promise<AuthResult> {
  const expired = () => unauthenticated('Your session has ended. Please sign in again.', ErrorReason.SESSION_ENDED);
  if (typeof presented !== 'string' || presented.length < 20 || presented.length > 200) throw expired();
  const em = ctx.em;
  const token = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(presented) }, { populate: ['session', 'session.user', 'session.tenant'] });
  if (!token) throw expired();
  const session = token.session.getEntity();
  const user = session.user.getEntity();
  const now = new Date();

  if (token.usedAt) {
    if (!session.revokedAt) {
      await em.transactional(async (tem) => {
        await tem.nativeUpdate(Session, { id: session.id, revokedAt: null }, { revokedAt: now, revokedReason: 'refresh_reuse' });
        recordAudit(ctx, tem, {
          action: 'auth.refresh_reuse',
          tenantId: session.tenant?.id ?? null,
          actorId: user.id,
          target: { type: 'Session', id: session.id },
        });
      });
    }
    throw unauthenticated('This sign-in was used elsewhere and has been ended for your safety. Please sign in again.', ErrorReason.REFRESH_REUSED);
  }
  if (session.revokedAt || session.expiresAt <= now || token.expiresAt <= now || user.disabledAt) throw expired();

  return em.transactional(async (tem) => {
    // Claim the token atomically: of two concurrent refreshes, only one wins.
    const claimed = await tem.nativeUpdate(RefreshToken, { id: token.id, usedAt: null }, { usedAt: now });
    if (claimed !== 1) throw unauthenticated('This sign-in was refreshed concurrently. Please sign in again.', ErrorReason.REFRESH_REUSED);
    // The membership may have gone since the session started.
    let tenant = session.tenant ? session.tenant.getEntity() : null;
    if (tenant) {
      const still = await tem.count(Membership, { user: user.id, tenant: tenant.id }, NO_TENANT_FILTER);
      if (!still) tenant = null;
    }
    const s = tem.merge(session);
    s.lastUsedAt = now;
    s.tenant = tenant ? tem.getReference(Tenant, tenant.id, { wrapped: true }) : undefined;
    s.ip = ctx.ip ?? s.ip;
    const { refreshToken, access } = issueTokens(ctx, tem, s);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user, tenant };
  });
}

function requireSession(ctx: Context): { userId: string; sessionId: string } {
  if (ctx.principal.kind !== 'user') throw unauthenticated();
  return { userId: ctx.principal.userId, sessionId: ctx.principal.sessionId };
}

async function revoke(ctx: Context, sessionId: string, reason: string): Promise<void> {
  await ctx.em.transactional(async (em) => {
    await em.nativeUpdate(Session, { id: sessionId, revokedAt: null }, { revokedAt: new Date(), revokedReason: reason });
    recordAudit(ctx, em, { action: reason === 'logout' ? 'auth.logout' : 'auth.session_revoked', target: { type: 'Session', id: sessionId } });
  });
}

export async function logout(ctx: Context): Promise<boolean> {
  const { sessionId } = requireSession(ctx);
  await revoke(ctx, sessionId, 'logout');
  return true;
}

/** Revokes one of the caller's own sessions; anyone else's answers NOT_FOUND. */
export async function revokeSession(ctx: Context, sessionId: string): Promise<Session> {
  const { userId } = requireSession(ctx);
  const session = await ctx.em.findOne(Session, { id: sessionId, user: userId });
  if (!session) throw notFound('Session');
  if (!session.revokedAt) {
    await revoke(ctx, session.id, 'revoked_by_user');
    await ctx.em.refresh(session);
  }
  return session;
}

export async function switchTenant(ctx: Context, tenantId: string): Promise<AuthResult> {
  const { userId, sessionId } = requireSession(ctx);
  const membership = await ctx.em.findOne(Membership, { user: userId, tenant: tenantId }, { ...NO_TENANT_FILTER, populate: ['tenant', 'user'] });
  if (!membership) throw notFound('Tenant');
  const tenant = membership.tenant.getEntity();
  return ctx.em.transactional(async (em) => {
    const session = await em.findOneOrFail(Session, { id: sessionId, user: userId });
    const fromTenantId = session.tenant?.id ?? null;
    session.tenant = em.getReference(Tenant, tenant.id, { wrapped: true });
    session.generation += 1;
    session.lastUsedAt = new Date();
    // Tokens issued for the previous tenant stop working; they are dropped, not marked used,
    // so a client still holding one is not mistaken for a thief.
    await em.nativeDelete(RefreshToken, { session: session.id, usedAt: null });
    const { refreshToken, access } = issueTokens(ctx, em, session);
    recordAudit(ctx, em, {
      action: 'auth.switch_tenant',
      tenantId: tenant.id,
      target: { type: 'Session', id: session.id },
      diff: { before: { tenantId: fromTenantId }, after: { tenantId: tenant.id } },
    });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user: membership.user.getEntity(), tenant };
  });
}
