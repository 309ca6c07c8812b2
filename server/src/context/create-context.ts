import type { MikroORM } from '@mikro-orm/postgresql';
import { STAFF_PERMISSIONS } from '../permissions/catalog';
import { verifyAccessToken } from '../modules/auth/tokens';
import type { StaffRole } from '../permissions/staff-role';
import { preparedRows } from '../database/lean-find';
import { TENANT_FILTER } from '../database/tenant-filter';
import type { AppServices, Context, Principal } from './context';

export interface RequestInfo {
  authorization?: string | null;
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  staff_role: StaffRole | null;
  membership_id: string | null;
  role_name: string | null;
  permissions: string[] | null;
  two_factor_enabled: boolean;
  tenant_requires_two_factor: boolean | null;
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
 * The context of a GraphQL request before its document has been checked: anonymous, and no SQL
 * sent. Apollo builds the context before it parses and validates, so a document refused by the
 * limits (depth, aliases, tokens, cost) must not cost a session look-up; `authenticateDeferred`
 * completes it once the document has passed.
 */
export async function createDeferredContext(app: AppServices, orm: MikroORM, req: RequestInfo): Promise<Context> {
  const ctx = await build(app, orm, req, false);
  if (req.authorization) Object.defineProperty(ctx, PENDING, { value: { app, orm, req } satisfies Pending, enumerable: true, configurable: true });
  return ctx;
}

/** Resolves the bearer token of a deferred context in place (once); a no-op for any other context. */
export async function authenticateDeferred(ctx: Context): Promise<void> {
  const pending = (ctx as Context & { [PENDING]?: Pending })[PENDING];
  if (!pending) return;
  delete (ctx as Context & { [PENDING]?: Pending })[PENDING];
  Object.assign(ctx, await build(pending.app, pending.orm, pending.req, true));
}

async function build(app: AppServices, orm: MikroORM, req: RequestInfo, authenticate: boolean): Promise<Context> {
  const logger = app.logger.child({ correlationId: req.correlationId });
  let principal: Principal = { kind: 'anonymous' };
  let authFailure: Context['authFailure'] = null;
  let tenantId: string | null = null;
  const permissions = new Set<string>();

  const header = authenticate ? (req.authorization ?? '') : '';
  const match = /^Bearer\s+([A-Za-z0-9._-]+)$/.exec(header.trim());
  if (header && !match) authFailure = 'INVALID';
  if (match?.[1]) {
    const verified = verifyAccessToken(app.config, match[1]);
    if (!verified.ok) {
      authFailure = verified.reason;
    } else {
      const { sub, sid, tid, gen } = verified.claims;
      // Every signed-in request starts here: one prepared statement, planned once per connection.
      const rows = (await preparedRows(
        orm.em,
        `select s.id as session_id, u.id as user_id, u.staff_role, m.id as membership_id, r.name as role_name, r.permissions,
                u.totp_enabled_at is not null as two_factor_enabled, t.require_two_factor as tenant_requires_two_factor
           from sessions s
           join users u on u.id = s.user_id and u.disabled_at is null
           left join memberships m on m.user_id = u.id and m.tenant_id = s.tenant_id
           left join roles r on r.id = m.role_id and r.tenant_id = m.tenant_id
           left join tenants t on t.id = m.tenant_id
          where s.id = $1 and s.user_id = $2 and s.revoked_at is null and s.expires_at > now()
            and s.tenant_id is not distinct from $3 and s.generation = $4`,
        [sid, sub, tid, gen],
      )) as unknown as SessionRow[];
      const row = rows[0];
      if (!row) {
        authFailure = 'SESSION_ENDED';
      } else {
        tenantId = row.membership_id ? tid : null;
        for (const p of row.permissions ?? []) permissions.add(p);
        // Staff rights apply only outside a tenant (platform scope), where every cross-tenant
        // access is audited; inside a tenant, staff act as the member they are there.
        if (row.staff_role && !tenantId) for (const p of STAFF_PERMISSIONS[row.staff_role] ?? []) permissions.add(p);
        principal = {
          kind: 'user',
          userId: row.user_id,
          sessionId: row.session_id,
          tenantId,
          membershipId: row.membership_id,
          role: row.role_name,
          staffRole: row.staff_role,
          twoFactorEnabled: row.two_factor_enabled,
          twoFactorEnrollmentRequired: !!tenantId && !!row.tenant_requires_two_factor && !row.two_factor_enabled,
        };
      }
    }
  }

  const em = orm.em.fork();
  if (tenantId) em.setFilterParams(TENANT_FILTER, { tenantId });
  const base = { em, app, principal, tenantId, permissions, correlationId: req.correlationId, ip: req.ip, userAgent: req.userAgent, logger, authFailure };
  const ctx: Context = { ...base, loaders: app.createLoaders(base) };
  return ctx;
}
