import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { RequestBudget, withBudget } from '../../common/request-budget';
import type { Context } from '../../context/context';
import { recordAudit } from '../audit/audit.service';

/*
 * Every refused use of a real API key (revoked, expired, its creator gone, or an operation it
 * may not call) leaves an audit row `apikey.refused`, the key as actor. The refused request
 * has no transaction to share (or its transaction rolls back), so the row is written on its own,
 * after the refusal, and nothing waits for it. To keep a hammering client from turning refusals
 * into audit writes, each key and reason is audited at most once a minute per API instance.
 */

/** One audit row per key and reason in this window (per instance). */
export const REFUSAL_AUDIT_INTERVAL_MS = 60_000;
/** Keys remembered at most; past it the oldest half is forgotten (a burst may then audit twice). */
const MAX_REMEMBERED = 10_000;
/** The budget of the detached write: it does not live on the refused request's budget. */
const WRITE_BUDGET_MS = 5_000;

const lastAudited = new Map<string, number>();

export interface KeyRefusal {
  apiKeyId: string;
  tenantId: string;
  /** The member the key acts for, if it still exists. */
  userId: string | null;
  /** An ErrorReason: API_KEY_REVOKED, MISSING_PERMISSION, API_KEY_NOT_ALLOWED, ... */
  reason: string;
  /** The operation refused (`Query.users`, `POST /api/messages`); absent when refused at authentication. */
  operation?: string;
}

interface Where {
  correlationId: string;
  ip: string | null;
  logger: Logger;
}

/** True when this key and reason were audited within the window (and remembers them now when not). */
function throttled(refusal: KeyRefusal, now: number): boolean {
  const slot = `${refusal.apiKeyId}:${refusal.reason}`;
  const last = lastAudited.get(slot);
  if (last !== undefined && now - last < REFUSAL_AUDIT_INTERVAL_MS) return true;
  if (lastAudited.size >= MAX_REMEMBERED) {
    let drop = MAX_REMEMBERED / 2;
    for (const key of lastAudited.keys()) {
      if (drop-- <= 0) break;
      lastAudited.delete(key);
    }
  }
  lastAudited.delete(slot);
  lastAudited.set(slot, now);
  return false;
}

/**
 * Audits a refused key use in its own transaction, detached from the request (fire and forget:
 * a failure is logged, never thrown). Returns the write, or null when throttled, for tests.
 */
export function auditKeyRefusal(em: EntityManager, where: Where, refusal: KeyRefusal): Promise<void> | null {
  if (throttled(refusal, Date.now())) return null;
  const write = withBudget(new RequestBudget(WRITE_BUDGET_MS, 1), () =>
    em.fork({ clear: true }).transactional(async (tx) => {
      recordAudit({ principal: { kind: 'anonymous' }, tenantId: refusal.tenantId, correlationId: where.correlationId, ip: where.ip }, tx, {
        action: 'apikey.refused',
        tenantId: refusal.tenantId,
        actorId: refusal.userId,
        apiKeyId: refusal.apiKeyId,
        target: { type: 'ApiKey', id: refusal.apiKeyId },
        diff: { reason: refusal.reason, ...(refusal.operation ? { operation: refusal.operation } : {}) },
      });
    }),
  ).catch((err: unknown) => {
    where.logger.error({ err, apiKeyId: refusal.apiKeyId, reason: refusal.reason }, 'could not audit a refused API key use');
  });
  return write;
}

/** For a FORBIDDEN answer to an API key (a rule or a service refused it): audits it, throttled. */
export function noteKeyForbidden(ctx: Pick<Context, 'principal' | 'em' | 'correlationId' | 'ip' | 'logger'>, reason: string, operation: string): void {
  const p = ctx.principal;
  if (p.kind !== 'apiKey') return;
  void auditKeyRefusal(ctx.em, ctx, { apiKeyId: p.apiKeyId, tenantId: p.tenantId, userId: p.userId, reason, operation });
}

/** Forgets what was audited (tests). */
export function resetRefusalThrottle(): void {
  lastAudited.clear();
}
