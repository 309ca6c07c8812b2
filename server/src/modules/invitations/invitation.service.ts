import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorReason, badInput, conflict, forbidden, notFound, unauthenticated } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { containsPattern } from '../../common/like';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { isPlatformScope, requireTenant, scopeOptions, tenantRoleOf, userIdOf } from '../../context/scope';
import { auditPlatformAccess, recordAudit } from '../audit/audit.service';
import { type AuthResult, startSession } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { checkPasswordPolicy } from '../auth/password-policy';
import { hashLinkToken, newLinkToken } from '../auth/password.service';
import { enqueueMail } from '../mail/mail.outbox';
import { notifyInvitationAccepted } from '../notifications/producers';
import { emitWebhookEvent } from '../webhooks/webhook.emit';
import { memberData } from '../webhooks/webhook.events';
import { Membership } from '../tenancy/membership.entity';
import { Role } from '../tenancy/role.entity';
import { checkNoEscalation } from '../tenancy/tenancy.service';
import { Tenant } from '../tenancy/tenant.entity';
import { provisionTenant } from '../tenancy/tenant.factory';
import { User } from '../users/user.entity';
import { Invitation, InvitationStatus, invitationStatus, whereStatus } from './invitation.entity';
import { type InvitationPreview, invitationList, type InvitationsArgs, type InviteMemberInput } from './invitation.inputs';

/** An invitation link works for 7 days after it was (last) sent. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const OWNER = 'owner';
const ALL_TENANTS = { filters: { tenant: false } } as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Mails `invitation` with a fresh token (the previous link stops working) and a fresh expiry. */
export function mailInvitation(
  ctx: Context,
  em: EntityManager,
  invitation: Invitation,
  details: { tenant: Tenant; role: Role; newTenant: boolean },
): void {
  const { token, hash } = newLinkToken();
  invitation.tokenHash = hash;
  invitation.expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const inviterId = userIdOf(ctx);
  const inviterName = inviterId ? (em.getUnitOfWork().getById<User>(User.name, inviterId)?.name ?? null) : null;
  enqueueMail(em, ctx.app.config, {
    template: 'invitation',
    to: invitation.email,
    tenantId: details.tenant.id,
    data: {
      tenantName: details.tenant.name,
      roleName: details.role.name,
      inviterName,
      token,
      expiresAt: invitation.expiresAt,
      newTenant: details.newTenant,
    },
  });
}

/**
 * Creates (not flushed) an invitation of `email` into `tenant` with `role` and mails it, after
 * checking the address is neither a member nor invited already. Call inside a transaction that
 * holds the tenant row lock.
 */
export async function createInvitation(
  ctx: Context,
  em: EntityManager,
  params: { tenant: Tenant; role: Role; email: string; name?: string | null; newTenant: boolean },
): Promise<Invitation> {
  const { tenant, role } = params;
  const email = normalizeEmail(params.email);
  const existingUser = await em.findOne(User, { email });
  if (existingUser && (await em.count(Membership, { tenant: tenant.id, user: existingUser.id }, ALL_TENANTS))) {
    const message = `${email} is already a member of ${tenant.name}.`;
    throw conflict(message, ErrorReason.ALREADY_MEMBER);
  }
  const open = await em.findOne(Invitation, { tenant: tenant.id, email, ...whereStatus(InvitationStatus.PENDING) }, ALL_TENANTS);
  if (open) throw conflict(`${email} has already been invited; resend that invitation instead.`, ErrorReason.INVITATION_PENDING);
  const inviterId = userIdOf(ctx);
  if (inviterId) await em.findOne(User, { id: inviterId }); // its name goes into the mail
  const invitation = em.create(Invitation, {
    tenant,
    email,
    name: params.name ?? undefined,
    role,
    invitedBy: inviterId ? em.getReference(User, inviterId) : undefined,
    tokenHash: '',
    expiresAt: new Date(),
  });
  mailInvitation(ctx, em, invitation, { tenant, role, newTenant: params.newTenant });
  em.persist(invitation);
  recordAudit(ctx, em, {
    action: 'invitation.created',
    tenantId: tenant.id,
    target: { type: 'Invitation', id: invitation.id },
    diff: { after: { email, role: role.name }, ...(isPlatformScope(ctx) ? { viaPlatform: true } : {}) },
  });
  return invitation;
}

/** Invites `email` into the caller's tenant with one of its roles; mailed, audited. */
export async function inviteMember(ctx: Context, input: InviteMemberInput): Promise<Invitation> {
  const { tenantId } = requireTenant(ctx);
  const roleId = expectGlobalId(input.roleId, 'Role', 'roleId');
  return ctx.em.transactional(async (em) => {
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const role = await em.findOne(Role, { id: roleId });
    if (!role) throw notFound('Role');
    if (role.name === OWNER && tenantRoleOf(ctx) !== OWNER) {
      throw forbidden('Only an owner can invite another owner.', ErrorReason.OWNER_ONLY);
    }
    checkNoEscalation(ctx, role.permissions);
    return createInvitation(ctx, em, { tenant, role, email: input.email, newTenant: false });
  });
}

async function manageableInvitation(ctx: Context, em: EntityManager, globalId: string): Promise<Invitation> {
  const id = expectGlobalId(globalId, 'Invitation');
  const invitation = await em.findOne(Invitation, { id }, { ...scopeOptions(ctx), populate: ['role', 'tenant'] });
  if (!invitation) throw notFound('Invitation');
  return invitation;
}

/** Withdraws a pending (or expired) invitation: its link stops working. */
export async function revokeInvitation(ctx: Context, globalId: string): Promise<Invitation> {
  return ctx.em.transactional(async (em) => {
    const invitation = await manageableInvitation(ctx, em, globalId);
    const status = invitationStatus(invitation);
    if (status === InvitationStatus.ACCEPTED || status === InvitationStatus.REVOKED) {
      throw conflict(`This invitation is already ${status.toLowerCase()}.`, ErrorReason.INVITATION_CLOSED);
    }
    invitation.revokedAt = new Date();
    recordAudit(ctx, em, { action: 'invitation.revoked', tenantId: invitation.tenant.id, target: { type: 'Invitation', id: invitation.id }, diff: { before: { email: invitation.email } } });
    return invitation;
  });
}

/** Mails a pending or expired invitation again, with a new link valid for 7 more days. */
export async function resendInvitation(ctx: Context, globalId: string): Promise<Invitation> {
  return ctx.em.transactional(async (em) => {
    const invitation = await manageableInvitation(ctx, em, globalId);
    const status = invitationStatus(invitation);
    if (status === InvitationStatus.ACCEPTED || status === InvitationStatus.REVOKED) {
      throw conflict(`This invitation is already ${status.toLowerCase()}; invite the address again instead.`, ErrorReason.INVITATION_CLOSED);
    }
    const inviterId = userIdOf(ctx);
    if (inviterId) await em.findOne(User, { id: inviterId });
    const tenant = invitation.tenant.getEntity();
    const role = invitation.role.getEntity();
    mailInvitation(ctx, em, invitation, { tenant, role, newTenant: false });
    recordAudit(ctx, em, { action: 'invitation.resent', tenantId: tenant.id, target: { type: 'Invitation', id: invitation.id }, diff: { after: { email: invitation.email } } });
    return invitation;
  });
}

/** The caller's tenant's invitations, newest first; staff any tenant's (one with filter.tenantId), audited. */
export async function listInvitations(ctx: Context, args: InvitationsArgs): Promise<ConnectionShape<Invitation>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.email) where.email = { $ilike: containsPattern(f.email) };
  if (f?.status) Object.assign(where, whereStatus(f.status));
  const page = await paginate({ em: ctx.em, entity: Invitation, where, args, sort: invitationList.sortOf(args), options: scopeOptions(ctx) });
  await auditPlatformAccess(ctx, 'invitations', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return page;
}

const invalidInvitation = () => {
  const message = 'This invitation is no longer valid. Ask for a new one.';
  return badInput(message, [{ field: 'token', message }]);
};

async function openInvitation(em: EntityManager, token: string, lock = false): Promise<Invitation> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) throw invalidInvitation();
  const invitation = await em.findOne(
    Invitation,
    { tokenHash: hashLinkToken(token) },
    { ...ALL_TENANTS, populate: ['role', 'tenant'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['i0'] } : {}) },
  );
  if (!invitation || invitationStatus(invitation) !== InvitationStatus.PENDING) throw invalidInvitation();
  return invitation;
}

/** What the link shows before acceptance; anyone holding the token may ask. */
export async function previewInvitation(ctx: Context, token: string): Promise<InvitationPreview> {
  let invitation: Invitation;
  try {
    invitation = await openInvitation(ctx.em, token);
  } catch {
    throw notFound('Invitation');
  }
  const existing = await ctx.em.count(User, { email: invitation.email });
  return {
    email: invitation.email,
    tenantName: invitation.tenant.getEntity().name,
    roleName: invitation.role.getEntity().name,
    existingAccount: existing > 0,
    name: invitation.name ?? null,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Accepts an invitation and answers signed in to its tenant. A new address gives a name and a
 * password; an address with an account must be signed in as that account (no second password).
 */
export async function acceptInvitation(ctx: Context, input: { token: string; name?: string | null; password?: string | null }): Promise<AuthResult> {
  const peek = await openInvitation(ctx.em, input.token);
  const existing = await ctx.em.findOne(User, { email: peek.email });
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (existing) {
    const callerId = userIdOf(ctx);
    if (!callerId) throw unauthenticated(`Sign in as ${peek.email} to accept this invitation.`, ErrorReason.SIGN_IN_TO_ACCEPT);
    if (callerId !== existing.id) {
      throw forbidden(`This invitation is for ${peek.email}; sign in with that address to accept it.`, ErrorReason.INVITATION_EMAIL_MISMATCH);
    }
    if (existing.disabledAt) throw unauthenticated('This account has been deactivated. Contact your administrator.', ErrorReason.ACCOUNT_DEACTIVATED);
  } else {
    const name = input.name?.trim();
    const password = input.password;
    if (!name || !password) {
      const fields = [];
      if (!name) fields.push({ field: 'name', message: 'Enter your name.' });
      if (!password) fields.push({ field: 'password', message: 'Choose a password.' });
      throw badInput('Enter your name and choose a password to create your account.', fields);
    }
    checkPasswordPolicy(password, peek.email, 'password');
    newAccount = { name, passwordHash: await hashPassword(password) };
  }
  return ctx.em.transactional(async (em) => {
    const invitation = await openInvitation(em, input.token, true);
    const tenant = invitation.tenant.getEntity();
    let user = existing ? await em.findOneOrFail(User, { id: existing.id }) : await em.findOne(User, { email: invitation.email });
    if (!user && newAccount) {
      user = em.create(User, { email: invitation.email, name: newAccount.name, passwordHash: newAccount.passwordHash });
      em.persist(user);
      recordAudit(ctx, em, { action: 'user.created', tenantId: tenant.id, actorId: user.id, target: { type: 'User', id: user.id }, diff: { after: { email: user.email, via: 'invitation' } } });
    } else if (!user || !existing) {
      // Someone registered the address between the look-up and now: they must sign in instead.
      throw unauthenticated(`Sign in as ${invitation.email} to accept this invitation.`, ErrorReason.SIGN_IN_TO_ACCEPT);
    }
    const already = await em.findOne(Membership, { tenant: tenant.id, user: user.id }, ALL_TENANTS);
    if (!already) {
      const membership = em.create(Membership, { tenant, user, role: invitation.role });
      em.persist(membership);
      recordAudit(ctx, em, {
        action: 'membership.added',
        tenantId: tenant.id,
        actorId: user.id,
        target: { type: 'Membership', id: membership.id },
        diff: { after: { user: user.email, role: invitation.role.getEntity().name, invitation: invitation.id } },
      });
      await emitWebhookEvent(
        em,
        tenant.id,
        'member.added',
        memberData({ membershipId: membership.id, userId: user.id, role: invitation.role.getEntity().name, email: user.email, name: user.name }, { via: 'invitation' }),
      );
    }
    invitation.acceptedAt = new Date();
    invitation.acceptedBy = em.getReference(User, user.id, { wrapped: true });
    recordAudit(ctx, em, { action: 'invitation.accepted', tenantId: tenant.id, actorId: user.id, target: { type: 'Invitation', id: invitation.id } });
    await notifyInvitationAccepted(em, { tenantId: tenant.id, invitedById: invitation.invitedBy?.id ?? null, tenantName: tenant.name }, { id: user.id, name: user.name });
    return startSession(ctx, em, user, tenant, 'auth.login');
  });
}

/** Staff: a new tenant with its system roles, its owner invited by mail. */
export async function createTenant(
  ctx: Context,
  input: { name: string; slug: string; ownerEmail: string; ownerName?: string | null },
): Promise<{ tenant: Tenant; invitation: Invitation }> {
  const slugTaken = () => {
    const message = `The slug "${input.slug}" is taken.`;
    return new AppError('CONFLICT', message, { reason: ErrorReason.DUPLICATE, fields: [{ field: 'slug', message }] });
  };
  try {
    return await ctx.em.transactional(async (em) => {
      if (await em.count(Tenant, { slug: input.slug })) throw slugTaken();
      const { tenant, roles } = provisionTenant(em, { slug: input.slug, name: input.name.trim() });
      recordAudit(ctx, em, {
        action: 'tenant.created',
        tenantId: tenant.id,
        target: { type: 'Tenant', id: tenant.id },
        diff: { after: { name: tenant.name, slug: tenant.slug, ownerEmail: normalizeEmail(input.ownerEmail) } },
      });
      const invitation = await createInvitation(ctx, em, { tenant, role: roles.owner, email: input.ownerEmail, name: input.ownerName, newTenant: true });
      return { tenant, invitation };
    });
  } catch (err) {
    // Two requests for one slug at once: the unique index decides.
    if (err instanceof UniqueConstraintViolationException) throw slugTaken();
    throw err;
  }
}
