import { LockMode } from '@mikro-orm/core';
import { AppError, ErrorReason, badInput, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { isPlatformScope, requireTenant, scopeOptions } from '../../context/scope';
import { isTenantPermission } from '../../permissions/catalog';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey, ApiKeyStatus } from './api-key.entity';
import { apiKeyList, type ApiKeysArgs, type CreateApiKeyInput, type CreatedApiKey } from './api-key.inputs';
import { noteKeyForbidden } from './api-key.refusals';
import { newApiKeySecret } from './api-key.secret';

/** Live (neither revoked nor expired) keys a tenant may hold at once. */
export const MAX_LIVE_KEYS_PER_TENANT = 50;

/** The condition for keys that are accepted now (revoked and expired ones are not). */
function live(now: Date) {
  return { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] };
}

/**
 * The permissions asked for, checked: known tenant permissions (BAD_USER_INPUT), each held by the
 * caller (FORBIDDEN ESCALATION: for a member, their role's; for a key, the key's own capped set),
 * deduplicated and sorted. Both errors name the field.
 */
function checkedPermissions(ctx: Context, asked: string[]): string[] {
  const unique = [...new Set(asked.map((p) => p.trim()))].sort();
  if (unique.length === 0) {
    throw badInput('Give the key at least one permission.', [{ field: 'permissions', message: 'Choose at least one permission.' }]);
  }
  const unknown = unique.filter((p) => !isTenantPermission(p));
  if (unknown.length) {
    throw badInput(`Unknown permission(s): ${unknown.join(', ')}.`, [{ field: 'permissions', message: `Unknown: ${unknown.join(', ')}` }]);
  }
  const beyond = unique.filter((p) => !ctx.permissions.has(p));
  if (beyond.length) {
    const message = `A key cannot have permissions you do not hold yourself (${beyond.join(', ')}).`;
    noteKeyForbidden(ctx, ErrorReason.ESCALATION, 'Mutation.createApiKey');
    throw new AppError('FORBIDDEN', message, { reason: ErrorReason.ESCALATION, fields: [{ field: 'permissions', message }] });
  }
  return unique;
}

/**
 * Creates a key for the caller's tenant, acting for the caller (for a key creating a key: for
 * its creator, and within the calling key's permissions). The secret is returned here only.
 */
export async function createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { tenantId, userId } = requireTenant(ctx);
  const name = input.name.trim();
  const now = new Date();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw badInput('The expiry must be in the future.', [{ field: 'expiresAt', message: 'Choose a time in the future, or none.' }]);
  }
  const permissions = checkedPermissions(ctx, input.permissions);
  return ctx.em.transactional(async (em) => {
    // The tenant row lock serialises concurrent creations, so the cap holds.
    await em.findOneOrFail(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const liveKeys = await em.count(ApiKey, live(now));
    if (liveKeys >= MAX_LIVE_KEYS_PER_TENANT) {
      throw new AppError('CONFLICT', `This organisation already has ${MAX_LIVE_KEYS_PER_TENANT} active API keys; revoke one you no longer use first.`, {
        reason: ErrorReason.API_KEY_LIMIT,
        limit: MAX_LIVE_KEYS_PER_TENANT,
      });
    }
    const { secret, hash, prefix } = newApiKeySecret();
    const key = em.create(ApiKey, {
      tenant: em.getReference(Tenant, tenantId),
      name,
      prefix,
      secretHash: hash,
      permissions,
      expiresAt: input.expiresAt ?? undefined,
      createdBy: em.getReference(User, userId),
    });
    em.persist(key);
    recordAudit(ctx, em, {
      action: 'apikey.created',
      target: { type: 'ApiKey', id: key.id },
      diff: { after: { name, prefix, permissions, expiresAt: key.expiresAt?.toISOString() ?? null } },
    });
    return { apiKey: key, secret };
  });
}

/** Revokes a key (the caller's tenant's; staff any tenant's). Revoking a revoked key changes nothing. */
export async function revokeApiKey(ctx: Context, globalId: string): Promise<ApiKey> {
  const id = expectGlobalId(globalId, 'ApiKey');
  return ctx.em.transactional(async (em) => {
    const key = await em.findOne(ApiKey, { id }, { ...scopeOptions(ctx), lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!key) throw notFound('ApiKey');
    if (key.revokedAt) return key;
    key.revokedAt = new Date();
    recordAudit(ctx, em, {
      action: 'apikey.revoked',
      tenantId: key.tenant.id,
      target: { type: 'ApiKey', id: key.id },
      diff: { before: { name: key.name, prefix: key.prefix }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
    });
    return key;
  });
}

/** What each state means as a condition, the same as `apiKeyStatus` decides it for one key. */
function statusConditions(states: readonly ApiKeyStatus[], now: Date): Record<string, unknown>[] {
  const conditions: Record<string, Record<string, unknown>> = {
    [ApiKeyStatus.ACTIVE]: { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
    [ApiKeyStatus.REVOKED]: { revokedAt: { $ne: null } },
    [ApiKeyStatus.EXPIRED]: { revokedAt: null, expiresAt: { $lte: now } },
  };
  return [...new Set(states)].map((s) => conditions[s] ?? {});
}

/** The caller's tenant's keys, newest first; staff every tenant's (or one's, filter.tenantId), audited. */
export async function listApiKeys(ctx: Context, args: ApiKeysArgs): Promise<ConnectionShape<ApiKey>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.status?.length) where.$or = statusConditions(f.status, new Date());
  const page = await paginate({ em: ctx.em, entity: ApiKey, where, args, sort: apiKeyList.sortOf(args), options: scopeOptions(ctx) });
  await auditPlatformAccess(ctx, 'apiKeys', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}
