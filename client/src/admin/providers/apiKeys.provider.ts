import type { ApolloClient } from '@apollo/client';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { ApiKeyFilter, ApiKeyStatus } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodeOfType, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

const API_KEY_FIELDS = graphql(`
  fragment AdminApiKeyFields on ApiKey {
    id
    name
    prefix
    permissions
    status
    expiresAt
    lastUsedAt
    revokedAt
    createdAt
    createdBy {
      id
      name
      email
    }
    tenant {
      id
      slug
      name
    }
  }
`);

export const ADMIN_API_KEYS_QUERY = graphql(`
  query AdminApiKeys($first: Int, $offset: Int, $filter: ApiKeyFilter) {
    apiKeys(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminApiKeyFields
      }
    }
  }
`);

export const ADMIN_API_KEY_QUERY = graphql(`
  query AdminApiKey($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        ...AdminApiKeyFields
      }
    }
  }
`);

export const ADMIN_API_KEYS_BY_IDS_QUERY = graphql(`
  query AdminApiKeysByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on ApiKey {
        ...AdminApiKeyFields
      }
    }
  }
`);

export const ADMIN_REVOKE_API_KEY_MUTATION = graphql(`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...AdminApiKeyFields
    }
  }
`);

/** A tenant's API key as the back office shows it (never its secret: the API does not keep it). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** The secret's first characters (atr_...), to recognise the key. */
  prefix: string;
  permissions: string[];
  status: ApiKeyStatus;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  createdBy: { id: string; name: string; email: string } | null;
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
}

function toApiKeyRecord(ref: FragmentType<typeof API_KEY_FIELDS>): ApiKeyRecord {
  const k = getFragmentData(API_KEY_FIELDS, ref);
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    permissions: [...k.permissions],
    status: k.status,
    expiresAt: k.expiresAt ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
    revokedAt: k.revokedAt ?? null,
    createdAt: k.createdAt,
    createdBy: k.createdBy ? { id: k.createdBy.id, name: k.createdBy.name, email: k.createdBy.email } : null,
    tenantId: k.tenant.id,
    tenant: { id: k.tenant.id, slug: k.tenant.slug, name: k.tenant.name },
  };
}

/** Key states in the order people think of them (the filter's choices). */
export const API_KEY_STATUSES: readonly ApiKeyStatus[] = ['ACTIVE', 'EXPIRED', 'REVOKED'];

/** The list's filter form (tenant, status) as an ApiKeyFilter. */
export function apiKeyFilterOf(filter: Record<string, unknown> | undefined): ApiKeyFilter | undefined {
  return compact<ApiKeyFilter>({ tenantId: textFilter(filter?.tenantId), status: listFilter(filter?.status, API_KEY_STATUSES) });
}

/** Revokes a key: the API refuses its secret from now on (UNAUTHENTICATED, API_KEY_REVOKED). */
export async function revokeApiKey(client: ApolloClient, id: string): Promise<ApiKeyRecord> {
  const data = await runMutation(client, ADMIN_REVOKE_API_KEY_MUTATION, { id });
  return toApiKeyRecord(data.revokeApiKey);
}

/** Every tenant's API keys, newest first (the API's only order); read-only apart from revoking. */
export function createApiKeysProvider(client: ApolloClient): ResourceProvider<ApiKeyRecord> {
  return createResourceProvider<ApiKeyRecord>({
    label: { one: 'API key', many: 'API keys' },
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_API_KEYS_QUERY, { ...page, filter: apiKeyFilterOf(filter) }, { signal });
      return listResultOf(data.apiKeys, toApiKeyRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_API_KEY_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'ApiKey', toApiKeyRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_API_KEYS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'ApiKey', toApiKeyRecord);
    },
    referenceTargets: ['tenantId'],
  });
}
