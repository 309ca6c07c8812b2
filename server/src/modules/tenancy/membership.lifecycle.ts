import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorReason, conflict, forbidden, notFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import type { Context } from '../../context/context';
import { isPlatformScope, requireTenant, scopeOptions, tenantRoleOf, userIdOf } from '../../context/scope';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { recordAudit } from '../audit/audit.service';
import { Session } from '../auth/session.entity';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { memberData } from '../webhooks/webhook.events';
import { Membership } from './membership.entity';

const OWNER = 'owner';

/** Locks the tenant's owner memberships and refuses when only one is left (before removing or demoting it). */
export async function keepAnOwner(em: EntityManager, tenantId: string): Promise<void> {
  const owners = await tenantQuery<{ n: string }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select count(*) as n from (select m.id from memberships m join roles r on r.id = m.role_id
       where ${tenantIs(reach, 'm')} and r.name = ${OWNER} for update of m) o`,
  );
  if (Number(owners[0]?.n ?? 0) <= 1) throw conflict('A tenant needs at least one owner; make someone else owner first.', ErrorReason.LAST_OWNER);
}

/** Deletes the membership and revokes the user's sessions acting in that tenant; audited as `action`. */
async function endMembership(ctx: Context, em: EntityManager, membership: Membership, action: string): Promise<number> {
  const tenantId = membership.tenant.id;
  const userId = membership.user.id;
  const role = membership.role.getEntity().name;
  em.remove(membership);
  const revoked = await em.nativeUpdate(
    Session,
    { user: userId, tenant: tenantId, revokedAt: null },
    { revokedAt: new Date(), revokedReason: action === 'membership.left' ? 'left_tenant' : 'removed_from_tenant' },
  );
  recordAudit(ctx, em, {
    action,
    tenantId,
    target: { type: 'Membership', id: membership.id },
    diff: { before: { userId, role }, after: { sessionsRevoked: revoked }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
  });
  await emitWebhookEvent(em, tenantId, 'member.removed', memberData({ membershipId: membership.id, userId, role }, { reason: action === 'membership.left' ? 'left' : 'removed' }));
  return revoked;
}

/**
 * Removes a member from the caller's tenant (staff: any tenant): the membership goes and the
 * user's sessions in that tenant are revoked. Only an owner removes an owner; the last owner stays.
 */
export async function removeMember(ctx: Context, globalId: string): Promise<Membership> {
  const id = expectGlobalId(globalId, 'Membership', 'membershipId');
  return ctx.em.transactional(async (em) => {
    const membership = await em.findOne(Membership, { id }, { ...scopeOptions(ctx), populate: ['role'] });
    if (!membership) throw notFound('Membership');
    const role = membership.role.getEntity();
    if (!isPlatformScope(ctx)) {
      if (membership.user.id === userIdOf(ctx)) {
        throw forbidden('To leave this tenant yourself, use "Leave tenant".', ErrorReason.SELF_REMOVAL);
      }
      if (role.name === OWNER && tenantRoleOf(ctx) !== OWNER) {
        throw forbidden('Only an owner can remove an owner.', ErrorReason.OWNER_ONLY);
      }
    }
    if (role.name === OWNER) await keepAnOwner(em, membership.tenant.id);
    await endMembership(ctx, em, membership, 'membership.removed');
    return membership;
  });
}

/** The caller leaves the tenant they act in; their sessions there end (this one included). */
export async function leaveTenant(ctx: Context): Promise<boolean> {
  const { tenantId, userId } = requireTenant(ctx);
  return ctx.em.transactional(async (em) => {
    const membership = await em.findOne(Membership, { tenant: tenantId, user: userId }, { populate: ['role'] });
    if (!membership) throw notFound('Membership');
    if (membership.role.getEntity().name === OWNER) await keepAnOwner(em, tenantId);
    await endMembership(ctx, em, membership, 'membership.left');
    return true;
  });
}
