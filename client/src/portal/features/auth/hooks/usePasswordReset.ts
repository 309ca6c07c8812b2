import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const REQUEST_PASSWORD_RESET_MUTATION = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** Mails a reset link when the email has an account; the answer is the same either way. */
export function useRequestPasswordReset() {
  return useMutation(REQUEST_PASSWORD_RESET_MUTATION);
}

/** Sets a new password with the token from the mailed link (single use; ends every session). */
export function useResetPassword() {
  return useMutation(RESET_PASSWORD_MUTATION);
}
