import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

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
}
