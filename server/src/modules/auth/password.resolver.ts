import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context/context';
import { ChangePasswordInput, ResetPasswordInput } from './auth.inputs';
import * as passwords from './password.service';

@Resolver()
export class PasswordResolver {
  @Mutation(() => Boolean, { description: 'Changes your password; every other session of yours is signed out. Audited and mailed.' })
  changePassword(@Arg('input', { description: 'The current password and the new one.' }) input: ChangePasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    return passwords.changePassword(ctx, input);
  }

  @Mutation(() => Boolean, {
    description: 'Mails a password-reset link (valid for an hour) if the address has an account. Always true, whether or not it has.',
  })
  requestPasswordReset(@Arg('email', { description: 'Email address to send the reset link to; the answer is the same whether or not it has an account.' }) email: string, @Ctx() ctx: Context): Promise<boolean> {
    return passwords.requestPasswordReset(ctx, email);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password from a mailed reset link (works once); every session is signed out.' })
  resetPassword(@Arg('input', { description: 'The reset token from the email and the new password.' }) input: ResetPasswordInput, @Ctx() ctx: Context): Promise<boolean> {
    return passwords.resetPassword(ctx, input);
  }
}
