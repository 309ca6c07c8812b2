import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const MY_SESSIONS_QUERY = graphql(`
  query MySessions {
    mySessions(first: 50) {
      totalCount
      nodes {
        id
        current
        userAgent
        ip
        createdAt
        lastUsedAt
        expiresAt
      }
    }
  }
`);

const REVOKE_SESSION_MUTATION = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      id
      revokedAt
    }
  }
`);

export function useMySessions() {
  return useQuery(MY_SESSIONS_QUERY, { fetchPolicy: 'cache-and-network' });
}

/** Ends one of the user's other sessions (another browser or device). */
export function useRevokeSession() {
  return useMutation(REVOKE_SESSION_MUTATION, { refetchQueries: ['MySessions'], awaitRefetchQueries: true });
}
