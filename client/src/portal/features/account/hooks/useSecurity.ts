import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const CHANGE_PASSWORD_MUTATION = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const BEGIN_TOTP_ENROLLMENT_MUTATION = graphql(`
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      otpauthUrl
    }
  }
`);

const CONFIRM_TOTP_ENROLLMENT_MUTATION = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code)
  }
`);

const DISABLE_TOTP_MUTATION = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

const TENANT_SECURITY_QUERY = graphql(`
  query TenantSecurity($id: ID!) {
    tenant(id: $id) {
      id
      requireTwoFactor
    }
  }
`);

const UPDATE_TENANT_SECURITY_MUTATION = graphql(`
  mutation UpdateTenantSecurity($input: UpdateTenantSecurityInput!) {
    updateTenantSecurity(input: $input) {
      id
      requireTwoFactor
    }
  }
`);

/** Changes the password; the server signs out every other session, so their list is reloaded. */
export function useChangePassword() {
  return useMutation(CHANGE_PASSWORD_MUTATION, { refetchQueries: ['MySessions'] });
}

/** A new secret (and its otpauth:// URL for the QR code); replaces a pending one. */
export function useBeginTotpEnrollment() {
  return useMutation(BEGIN_TOTP_ENROLLMENT_MUTATION);
}

/** Turns two-factor on with a code from the app; answers the 10 recovery codes, shown once. */
export function useConfirmTotpEnrollment() {
  return useMutation(CONFIRM_TOTP_ENROLLMENT_MUTATION);
}

export function useDisableTotp() {
  return useMutation(DISABLE_TOTP_MUTATION);
}

/** Whether the current tenant requires two-factor sign-in of its members. */
export function useTenantSecurity(tenantId: string | null, skip: boolean) {
  return useQuery(TENANT_SECURITY_QUERY, { variables: { id: tenantId ?? '' }, skip: skip || !tenantId });
}

export function useUpdateTenantSecurity() {
  return useMutation(UPDATE_TENANT_SECURITY_MUTATION);
}
