import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { AuthPayload } from '../auth/auth.types';
import { Role } from '../tenancy/role.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { Invitation, InvitationStatus, invitationStatus } from './invitation.entity';
import {
  AcceptInvitationInput,
  CreateTenantInput,
  CreateTenantPayload,
  InvitationPreview,
  InvitationsArgs,
  InviteMemberInput,
} from './invitation.inputs';
import * as invitations from './invitation.service';

const InvitationConnection = Connection(Invitation);

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => InvitationConnection, { description: "Your tenant's invitations, newest first (staff: any tenant's, audited)." })
  invitations(@Args() args: InvitationsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Invitation>> {
    return invitations.listInvitations(ctx, args);
  }

  @Query(() => InvitationPreview, { description: 'What a mailed invitation link is for (public: the token is the secret). NOT_FOUND once it is used, revoked or expired.' })
  invitationPreview(@Arg('token', { description: 'Invitation token from the email link.' }) token: string, @Ctx() ctx: Context): Promise<InvitationPreview> {
    return invitations.previewInvitation(ctx, token);
  }

  @Mutation(() => CreateTenantPayload, { description: 'Platform staff: creates a tenant with its system roles and mails its owner an invitation. Audited.' })
  createTenant(@Arg('input', { description: 'Name and slug of the new tenant and its first owner.' }) input: CreateTenantInput, @Ctx() ctx: Context): Promise<CreateTenantPayload> {
    return invitations.createTenant(ctx, input);
  }

  @Mutation(() => Invitation, { description: 'Invites an address into your tenant with one of its roles; the link is mailed and works for 7 days. Audited.' })
  inviteMember(@Arg('input', { description: 'Email and role of the person to invite.' }) input: InviteMemberInput, @Ctx() ctx: Context): Promise<Invitation> {
    return invitations.inviteMember(ctx, input);
  }

  @Mutation(() => Invitation, { description: 'Withdraws a pending or expired invitation; its link stops working. Audited.' })
  revokeInvitation(@Arg('id', () => ID, { description: 'Global id of the invitation to revoke.' }) id: string, @Ctx() ctx: Context): Promise<Invitation> {
    return invitations.revokeInvitation(ctx, id);
  }

  @Mutation(() => Invitation, { description: 'Mails a pending or expired invitation again with a new link, valid 7 more days; the old link stops working. Audited.' })
  resendInvitation(@Arg('id', () => ID, { description: 'Global id of the invitation to send again.' }) id: string, @Ctx() ctx: Context): Promise<Invitation> {
    return invitations.resendInvitation(ctx, id);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Accepts a mailed invitation and answers signed in to its tenant. A new address also gives a name and password; an address that has an account must be signed in as it.',
  })
  acceptInvitation(@Arg('input', { description: 'The invitation token and, for a new user, the account details.' }) input: AcceptInvitationInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return invitations.acceptInvitation(ctx, input);
  }

  @FieldResolver(() => InvitationStatus, { description: 'Pending, accepted, revoked or expired, now.' })
  status(@Root() invitation: Invitation): InvitationStatus {
    return invitationStatus(invitation);
  }

  @FieldResolver(() => Role, { description: 'The role the invitee gets.' })
  role(@Root() invitation: Invitation, @Ctx() ctx: Context): Loaded<Role> {
    return ctx.loaders.tenancy.roleOfMembership.load(invitation.role.id);
  }

  @FieldResolver(() => Tenant, { description: 'The tenant to join.' })
  tenant(@Root() invitation: Invitation, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(invitation.tenant.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who sent it; null for a deleted account.' })
  invitedBy(@Root() invitation: Invitation, @Ctx() ctx: Context): Loaded<User> {
    return invitation.invitedBy ? ctx.loaders.users.byId.get(invitation.invitedBy.id) : null;
  }
}
