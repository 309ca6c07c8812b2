import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context/context';
import * as twoFactor from './two-factor.service';

@ObjectType({ description: 'A TOTP secret waiting to be confirmed: show it as a QR code (otpauthUrl) or for typing in (secret).' })
export class TotpEnrollment {
  @Field({ description: 'The shared secret, base32; shown once, while enrolling.' })
  secret!: string;

  @Field({ description: 'otpauth://totp/... URL with issuer "Atrium" and your email, for a QR code.' })
  otpauthUrl!: string;
}

@Resolver()
export class TwoFactorResolver {
  @Mutation(() => TotpEnrollment, { description: 'Starts two-factor enrolment with a new secret (replacing a pending one); CONFLICT while two-factor sign-in is on.' })
  beginTotpEnrollment(@Ctx() ctx: Context): Promise<TotpEnrollment> {
    return twoFactor.beginTotpEnrollment(ctx);
  }

  @Mutation(() => [String], { description: 'Turns two-factor sign-in on with a current code; returns 10 one-time recovery codes, shown only this once.' })
  confirmTotpEnrollment(@Arg('code', { description: 'The current 6-digit code from the authenticator app.' }) code: string, @Ctx() ctx: Context): Promise<string[]> {
    return twoFactor.confirmTotpEnrollment(ctx, code);
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off, with a current code or a recovery code. A wrong code counts as a failed sign-in.' })
  disableTotp(@Arg('code', { description: 'A current 6-digit code, or an unused recovery code.' }) code: string, @Ctx() ctx: Context): Promise<boolean> {
    return twoFactor.disableTotp(ctx, code);
  }
}
