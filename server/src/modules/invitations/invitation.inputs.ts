import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { VisibleLength } from '../../common/visible-length';
import { Tenant } from '../tenancy/tenant.entity';
import { Invitation, InvitationStatus } from './invitation.entity';

@InputType({ description: 'A new customer organisation and the address of its first owner.' })
export class CreateTenantInput {
  @Field({ description: 'Display name, e.g. "Acme Corp".' })
  @VisibleLength(1, 200)
  name!: string;

  @Field({ description: 'Unique URL-safe key: lowercase letters, digits and "-", starting with a letter or digit.' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'Use 2–63 lowercase letters, digits and "-", starting with a letter or digit.' })
  slug!: string;

  @Field({ description: 'The first owner; invited by mail.' })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(320)
  ownerEmail!: string;

  @Field(() => String, { nullable: true, description: "The owner's name, pre-filled when they accept." })
  @IsOptional()
  @VisibleLength(1, 200)
  ownerName?: string | null;
}

@ObjectType({ description: 'The tenant created and the invitation mailed to its owner.' })
export class CreateTenantPayload {
  @Field(() => Tenant, { description: 'The new tenant, with its system roles.' })
  tenant!: Tenant;

  @Field(() => Invitation, { description: 'The owner invitation (mailed).' })
  invitation!: Invitation;
}

@InputType({ description: 'Whom to invite into the current tenant, and with which role.' })
export class InviteMemberInput {
  @Field({ description: 'The invitee’s address; the invitation is mailed there.' })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(320)
  email!: string;

  @Field(() => ID, { description: 'A role of the current tenant.' })
  roleId!: string;
}

@InputType({ description: 'Accepts a mailed invitation. A new person also gives a name and a password.' })
export class AcceptInvitationInput {
  @Field({ description: 'The token from the mailed link.' })
  @Length(20, 200, { message: 'This invitation link is not valid.' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'Required for a new account.' })
  @IsOptional()
  @VisibleLength(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a new account; see the password policy.' })
  @IsOptional()
  @MaxLength(200)
  password?: string | null;
}

@ObjectType({ description: 'What an invitation link shows before it is accepted.' })
export class InvitationPreview {
  @Field({ description: 'The invited address.' })
  email!: string;

  @Field({ description: 'The tenant to join.' })
  tenantName!: string;

  @Field({ description: 'The role the invitee will have.' })
  roleName!: string;

  @Field({ description: 'True when this address already has an account: sign in to accept, no new password.' })
  existingAccount!: boolean;

  @Field(() => String, { nullable: true, description: 'The name the inviter gave, if any.' })
  name!: string | null;

  @Field({ description: 'After this the link no longer works.' })
  expiresAt!: Date;
}

@InputType({ description: 'Narrows the invitations list.' })
export class InvitationFilter {
  @Field(() => InvitationStatus, { nullable: true, description: 'Only invitations in this status.' })
  @IsOptional()
  status?: InvitationStatus;

  @Field(() => String, { nullable: true, description: 'Addresses containing this text.' })
  @IsOptional()
  @Length(1, 320)
  email?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  @IsOptional()
  tenantId?: string;
}

/** Newest first. */
export const invitationList = defineList<Invitation>()({
  filter: InvitationFilter,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const InvitationsArgs = invitationList.Args;
export type InvitationsArgs = ArgsOf<typeof invitationList>;
