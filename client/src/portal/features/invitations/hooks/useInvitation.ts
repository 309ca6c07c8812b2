import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const INVITATION_PREVIEW_QUERY = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      name
      tenantName
      roleName
      existingAccount
      expiresAt
    }
  }
`);

const ACCEPT_INVITATION_MUTATION = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      tenant {
        id
      }
      user {
        id
      }
    }
  }
`);

/** What the invitation link shows: public, NOT_FOUND for an unknown, used, revoked or expired token. */
export function useInvitationPreview(token: string) {
  return useQuery(INVITATION_PREVIEW_QUERY, { variables: { token }, fetchPolicy: 'network-only' });
}

/** Accepts: a new account (name and password) or, signed in as the invited email, a new membership. */
export function useAcceptInvitation() {
  return useMutation(ACCEPT_INVITATION_MUTATION);
}
