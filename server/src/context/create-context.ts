import type { MikroORM } from '@mikro-orm/postgresql';
import { STAFF_PERMISSIONS } from '../permissions/catalog';
import { verifyAccessToken } from '../modules/auth/tokens';
import { preparedRows } from '../database/lean-find';
import { TENANT_FILTER } from '../database/tenant-filter';
import { auditKeyRefusal } from '../modules/apikeys/api-key.refusals';
import { hashApiKeySecret, hasApiKeyShape, isApiKeySecret } from '../modules/apikeys/api-key.secret';
import { ApiKey } from '../modules/apikeys/api-key.entity';
import type { Logger } from '../common/logger';
import { RequestBudget, withBudget } from '../common/request-budget';
import type { SessionCache, SessionRow } from '../modules/auth/session-cache';
import type { AppServices, AuthFailure, Context, Principal } from './context';

export interface RequestInfo {
  authorization?: string | null;
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
}


interface ApiKeyRow {
  api_key_id: string;
  tenant_id: string;
  key_permissions: string[];
  revoked: boolean;
  expired: boolean;
  /** last_used_at is older than a minute (or unset): this use updates it. */
  mark_used: boolean;
  user_id: string | null;
  membership_id: string | null;
  role_name: string | null;
  role_permissions: string[] | null;
}

/** How often last_used_at is written at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** An API key with its creator's current membership and role in the key's tenant (an enabled account). */
const KEY_SELECT = `select k.id as api_key_id, k.tenant_id, k.permissions as key_permissions, k.revoked_at is not null as revoked,
            k.expires_at is not null and k.expires_at <= now() as expired,
            k.last_used_at is null or k.last_used_at < now() - interval '${LAST_USED_RESOLUTION_MS / 1000} seconds' as mark_used,
            u.id as user_id, m.id as membership_id, r.name as role_name, r.permissions as role_permissions
       from api_keys k
       left join users u on u.id = k.created_by_id and u.disabled_at is null
       left join memberships m on m.user_id = u.id and m.tenant_id = k.tenant_id
       left join roles r on r.id = m.role_id and r.tenant_id = m.tenant_id`;

/** A live session (not revoked nor expired) of an enabled user, with their membership and role in the session's tenant. */
const SESSION_SELECT = `select s.id as session_id, s.expires_at, s.tenant_id as session_tenant_id, s.generation, u.id as user_id, u.staff_role,
            m.id as membership_id, r.name as role_name, r.permissions,
            u.totp_enabled_at is not null as two_factor_enabled, t.require_two_factor as tenant_requires_two_factor
       from sessions s
       join users u on u.id = s.user_id and u.disabled_at is null
       left join memberships m on m.user_id = u.id and m.tenant_id = s.tenant_id
       left join roles r on r.id = m.role_id and r.tenant_id = m.tenant_id
       left join tenants t on t.id = m.tenant_id
      where s.revoked_at is null and s.expires_at > now()`;

type KeyAuth = { ok: true; principal: Extract<Principal, { kind: 'apiKey' }>; permissions: string[] } | { ok: false; reason: AuthFailure };

/**
 * An API key (`Bearer atr_...`) to its principal, with one statement: the key by the hash of the
 * secret, and its creator's CURRENT membership and role in the key's tenant (an enabled account).
 * The key's permissions are capped by that role: a permission the creator no longer holds is
 * gone from their keys at once, and a creator who left the tenant or was deactivated leaves
 * keys that act for nobody (UNAUTHENTICATED API_KEY_CREATOR_INACTIVE). Refusals of a real key
 * are audited (throttled, detached); last_used_at is written at most once a minute, detached.
 */
async function authenticateApiKey(orm: MikroORM, secret: string, req: RequestInfo, logger: Logger): Promise<KeyAuth> {
  if (!hasApiKeyShape(secret)) return { ok: false, reason: 'API_KEY_INVALID' };
  const rows = (await preparedRows(orm.em, `${KEY_SELECT} where k.secret_hash = $1`, [hashApiKeySecret(secret)])) as unknown as ApiKeyRow[];
  const row = rows[0];
  if (!row) return { ok: false, reason: 'API_KEY_INVALID' };
  const access = accessOfKey(row);
  if (!access.ok) {
    void auditKeyRefusal(orm.em, { correlationId: req.correlationId, ip: req.ip, logger }, { apiKeyId: row.api_key_id, tenantId: row.tenant_id, userId: row.user_id, reason: access.reason });
    return access;
  }
  if (row.mark_used) markUsed(orm, row.api_key_id, logger);
  return access;
}

/** What a key's row grants: its permissions capped by its creator's current role, or why it is refused. */
function accessOfKey(row: ApiKeyRow): KeyAuth {
  const refused = keyRefusal(row);
  if (refused || !row.user_id || !row.membership_id || !row.role_name) return { ok: false, reason: refused?.reason ?? 'API_KEY_CREATOR_INACTIVE' };
  const held = new Set(row.role_permissions ?? []);
  return {
    ok: true,
    permissions: row.key_permissions.filter((p) => held.has(p)),
    principal: { kind: 'apiKey', apiKeyId: row.api_key_id, tenantId: row.tenant_id, userId: row.user_id, membershipId: row.membership_id, role: row.role_name },
  };
}

/** Why a key that exists is refused, or null when it is accepted. */
function keyRefusal(row: ApiKeyRow): { reason: AuthFailure } | null {
  if (row.revoked) return { reason: 'API_KEY_REVOKED' };
  if (row.expired) return { reason: 'API_KEY_EXPIRED' };
  if (!row.user_id || !row.membership_id || !row.role_name) return { reason: 'API_KEY_CREATOR_INACTIVE' };
  return null;
}

/** Sets last_used_at unless another request did within the minute; detached, failures logged. */
function markUsed(orm: MikroORM, apiKeyId: string, logger: Logger): void {
  const now = new Date();
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  // Its own small budget: the request's may end (or its client leave) before this runs.
  withBudget(new RequestBudget(5_000, 1), () =>
    orm.em.fork().nativeUpdate(ApiKey, { id: apiKeyId, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] }, { lastUsedAt: now }, { filters: false }),
  ).catch((err: unknown) => logger.error({ err, apiKeyId }, 'could not record the use of an API key'));
}

/**
 * Builds the one Context of a request: resolves the bearer token to a principal with a single
 * query (session still live, user enabled, membership and role in the token's tenant), forks
 * the EntityManager and sets the tenant filter from the token, never from the request body.
 */
export async function createContext(app: AppServices, orm: MikroORM, req: RequestInfo): Promise<Context> {
  return build(app, orm, req, true);
}

/** Where a deferred context keeps what it needs to authenticate (a symbol: Apollo copies the context object). */
const PENDING = Symbol('pendingAuthentication');
type Pending = { app: AppServices; orm: MikroORM; req: RequestInfo };
/**
 * A context with its pending authentication. Once done it is set to null, never deleted: deleting
 * a property turns the object into a slow dictionary, and every resolver reads the context (the
 * delete alone was about 1 % of the CPU of a one-ticket read).
 */
type Deferred = Context & { [PENDING]?: Pending | null };

/**
 * The context of a GraphQL request before its document has been checked: anonymous, and no SQL
 * sent. Apollo builds the context before it parses and validates, so a document refused by the
 * limits (depth, aliases, tokens, cost) must not cost a session look-up; `authenticateDeferred`
 * completes it once the document has passed.
 */
export async function createDeferredContext(app: AppServices, orm: MikroORM, req: RequestInfo): Promise<Context> {
  const ctx = await build(app, orm, req, false);
  if (req.authorization) (ctx as Deferred)[PENDING] = { app, orm, req };
  return ctx;
}

/**
 * Resolves the bearer token of a deferred context in place (once); a no-op for any other context.
 * The context keeps its entity manager (no statement has used it yet: the document was only being
 * checked) and its logger; the tenant filter is set on it and the loaders are made anew for the
 * principal.
 */
export async function authenticateDeferred(ctx: Context): Promise<void> {
  const pending = (ctx as Deferred)[PENDING];
  if (!pending) return;
  (ctx as Deferred)[PENDING] = null;
  const access = await authenticate(pending.app, pending.orm, pending.req, ctx.logger);
  if (access.tenantId) ctx.em.setFilterParams(TENANT_FILTER, { tenantId: access.tenantId });
  const { em, app, correlationId, ip, userAgent, logger } = ctx;
  const base = { em, app, ...access, correlationId, ip, userAgent, logger };
  Object.assign(ctx, base, { loaders: app.createLoaders(base) });
}

/** The session look-up: one prepared statement; a live session's row is remembered when a cache is given. */
async function lookUpSession(orm: MikroORM, cache: SessionCache<SessionRow> | undefined, cacheKey: string, values: unknown[]): Promise<SessionRow | undefined> {
  const epoch = cache?.begin();
  const rows = (await preparedRows(
    orm.em,
    `${SESSION_SELECT} and s.id = $1 and s.user_id = $2 and s.tenant_id is not distinct from $3 and s.generation = $4`,
    values,
  )) as unknown as SessionRow[];
  const row = rows[0];
  if (row && cache && epoch !== undefined) cache.remember(cacheKey, epoch, row);
  return row;
}

/** What a live session's row grants in the tenant its token names. */
function accessOfSession(row: SessionRow, tid: string | null): { principal: Extract<Principal, { kind: 'user' }>; permissions: string[] } {
  const tenantId = row.membership_id ? tid : null;
  const permissions = [...(row.permissions ?? [])];
  // Staff rights apply only outside a tenant (platform scope), where every cross-tenant
  // access is audited; inside a tenant, staff act as the member they are there.
  if (row.staff_role && !tenantId) permissions.push(...(STAFF_PERMISSIONS[row.staff_role] ?? []));
  return {
    permissions,
    principal: {
      kind: 'user',
      userId: row.user_id,
      sessionId: row.session_id,
      tenantId,
      membershipId: row.membership_id,
      role: row.role_name,
      staffRole: row.staff_role,
      twoFactorEnabled: row.two_factor_enabled,
      twoFactorEnrollmentRequired: !!tenantId && !!row.tenant_requires_two_factor && !row.two_factor_enabled,
    },
  };
}

/** One context's principal and permissions as one comparable string. */
export function accessSignature(principal: Principal, permissions: Iterable<string>): string {
  return JSON.stringify([principal, [...new Set(permissions)].sort()]);
}

/** The sign-in behind a long-lived context (a WebSocket connection), to check again later. */
export type HeldAccess = { kind: 'session'; sessionId: string; tenantId: string | null; generation: number } | { kind: 'apiKey'; apiKeyId: string };

/**
 * What each held sign-in grants now, with two statements at most (sessions, keys), as
 * `accessSignature` strings keyed by session or key id; a sign-in that no longer grants anything
 * (session ended or moved to another tenant or generation, user disabled, key revoked, expired or
 * its creator gone) is absent.
 */
export async function currentAccess(orm: MikroORM, held: readonly HeldAccess[]): Promise<Map<string, string>> {
  const sessions = new Map<string, Extract<HeldAccess, { kind: 'session' }>>();
  const keys = new Set<string>();
  for (const h of held) {
    if (h.kind === 'session') sessions.set(h.sessionId, h);
    else keys.add(h.apiKeyId);
  }
  const out = new Map<string, string>();
  if (sessions.size) {
    const rows = (await preparedRows(orm.em, `${SESSION_SELECT} and s.id = any($1::uuid[])`, [[...sessions.keys()]])) as unknown as (SessionRow & {
      session_tenant_id: string | null;
      generation: number;
    })[];
    for (const row of rows) {
      const h = sessions.get(row.session_id);
      if (!h || row.generation !== h.generation || row.session_tenant_id !== h.tenantId) continue;
      const access = accessOfSession(row, h.tenantId);
      out.set(row.session_id, accessSignature(access.principal, access.permissions));
    }
  }
  if (keys.size) {
    const rows = (await preparedRows(orm.em, `${KEY_SELECT} where k.id = any($1::uuid[])`, [[...keys]])) as unknown as ApiKeyRow[];
    for (const row of rows) {
      const access = accessOfKey(row);
      if (access.ok) out.set(row.api_key_id, accessSignature(access.principal, access.permissions));
    }
  }
  return out;
}

async function build(app: AppServices, orm: MikroORM, req: RequestInfo, withToken: boolean): Promise<Context> {
  const logger = app.logger.child({ correlationId: req.correlationId });
  const access = withToken ? await authenticate(app, orm, req, logger) : ANONYMOUS();
  const em = orm.em.fork();
  if (access.tenantId) em.setFilterParams(TENANT_FILTER, { tenantId: access.tenantId });
  const base = { em, app, ...access, correlationId: req.correlationId, ip: req.ip, userAgent: req.userAgent, logger };
  const ctx: Context = { ...base, loaders: app.createLoaders(base) };
  return ctx;
}

/** Who is calling and what they may do: the part of a context its bearer token decides. */
type Access = Pick<Context, 'principal' | 'tenantId' | 'permissions' | 'authFailure'>;

const ANONYMOUS = (): Access => ({ principal: { kind: 'anonymous' }, tenantId: null, permissions: new Set<string>(), authFailure: null });

/** The request's bearer token (a session's access token or an API key) resolved to its principal and permissions. */
async function authenticate(app: AppServices, orm: MikroORM, req: RequestInfo, logger: Logger): Promise<Access> {
  let principal: Principal = { kind: 'anonymous' };
  let authFailure: Context['authFailure'] = null;
  let tenantId: string | null = null;
  const permissions = new Set<string>();

  const header = req.authorization ?? '';
  const match = /^Bearer\s+([A-Za-z0-9._-]+)$/.exec(header.trim());
  if (header && !match) authFailure = 'INVALID';
  if (match?.[1] && isApiKeySecret(match[1])) {
    // A partner's API key: never staff rights, always its own tenant.
    const key = await authenticateApiKey(orm, match[1], req, logger);
    if (!key.ok) {
      authFailure = key.reason;
    } else {
      principal = key.principal;
      tenantId = key.principal.tenantId;
      for (const p of key.permissions) permissions.add(p);
    }
  } else if (match?.[1]) {
    const verified = verifyAccessToken(app.config, match[1]);
    if (!verified.ok) {
      authFailure = verified.reason;
    } else {
      const { sub, sid, tid, gen } = verified.claims;
      // Every signed-in request starts here: one prepared statement, planned once per connection,
      // or none when this session's look-up is remembered (session-cache.ts says when it is forgotten).
      const cache = app.sessionCache;
      const cacheKey = `${sid}|${sub}|${tid ?? ''}|${gen}`;
      const row = cache?.get(cacheKey) ?? (await lookUpSession(orm, cache, cacheKey, [sid, sub, tid, gen]));
      if (!row) {
        authFailure = 'SESSION_ENDED';
      } else {
        const access = accessOfSession(row, tid);
        principal = access.principal;
        tenantId = access.principal.tenantId;
        for (const p of access.permissions) permissions.add(p);
      }
    }
  }
  return { principal, tenantId, permissions, authFailure };
}

/**
 * A fresh context for the principal of `ctx`, without authenticating again: a new fork of the
 * entity manager (the same tenant filter) and new loaders. A WebSocket connection authenticates
 * once and takes one of these for each subscription and each event, so identity maps and loader
 * caches never grow with the connection's age (the connection's session is re-checked apart).
 */
export function freshContext(ctx: Context, orm: MikroORM, correlationId: string = ctx.correlationId): Context {
  const em = orm.em.fork();
  if (ctx.tenantId) em.setFilterParams(TENANT_FILTER, { tenantId: ctx.tenantId });
  const base = {
    em,
    app: ctx.app,
    principal: ctx.principal,
    tenantId: ctx.tenantId,
    permissions: ctx.permissions,
    correlationId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    logger: ctx.logger,
    authFailure: ctx.authFailure,
  };
  return { ...base, loaders: ctx.app.createLoaders(base) };
}
