import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { Session } from './session.entity';

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field({ description: 'Email address of the account.' })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(320)
  email!: string;

  @Field({ description: 'Password of the account.' })
  @Length(1, 200, { message: 'Enter your password.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Tenant to sign in to; defaults to your first membership.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'Not a valid tenant slug.' })
  tenantSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'For accounts with two-factor sign-in: the current code from the authenticator app, or an unused recovery code.' })
  @IsOptional()
  @Length(1, 64, { message: 'Enter the code.' })
  otp?: string | null;
}

/** Your sessions, newest first. */
export const sessionList = defineList<Session>()({
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const SessionsArgs = sessionList.Args;
export type SessionsArgs = ArgsOf<typeof sessionList>;

@InputType({ description: 'Your current password and the new one.' })
export class ChangePasswordInput {
  @Field({ description: 'Checked like a sign-in: wrong guesses count towards the sign-in limit.' })
  @Length(1, 200, { message: 'Enter your current password.' })
  currentPassword!: string;

  @Field({ description: '10 to 200 characters, not your email address, not a common password.' })
  @MaxLength(200)
  newPassword!: string;
}

@InputType({ description: 'A new password set from a mailed reset link.' })
export class ResetPasswordInput {
  @Field({ description: 'The token from the mailed link.' })
  @MaxLength(200)
  token!: string;

  @Field({ description: '10 to 200 characters, not your email address, not a common password.' })
  @MaxLength(200)
  newPassword!: string;
}
