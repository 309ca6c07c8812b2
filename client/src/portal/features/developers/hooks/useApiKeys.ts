import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';
import type { PageVariables } from '../../../../shared/ui/useListParams';

const API_KEYS_QUERY = graphql(`
  query DeveloperApiKeys($first: Int, $after: String, $last: Int, $before: String) {
    apiKeys(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        name
        prefix
        permissions
        status
        createdAt
        lastUsedAt
        expiresAt
        revokedAt
        createdBy {
          id
          name
        }
      }
    }
  }
`);

const CREATE_API_KEY_MUTATION = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
      }
    }
  }
`);

const REVOKE_API_KEY_MUTATION = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      status
      revokedAt
    }
  }
`);

/** The tenant's API keys, newest first, revoked and expired ones included. */
export function useApiKeys(variables: PageVariables) {
  return useQuery(API_KEYS_QUERY, { variables, fetchPolicy: 'cache-and-network' });
}

export function useCreateApiKey() {
  return useMutation(CREATE_API_KEY_MUTATION, { refetchQueries: ['DeveloperApiKeys'], awaitRefetchQueries: true });
}

export function useRevokeApiKey() {
  return useMutation(REVOKE_API_KEY_MUTATION, { refetchQueries: ['DeveloperApiKeys'], awaitRefetchQueries: true });
}
