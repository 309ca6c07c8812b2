import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { Session } from './session.entity';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(320)
  email!: string;

  @Field()
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
