import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { TenantFilter, TenantOrder } from '../../gql/graphql';
import { runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const TENANT_FIELDS = graphql(`
  fragment AdminTenantFields on Tenant {
    id
    slug
    name
    createdAt
    updatedAt
  }
`);

export const ADMIN_TENANTS_QUERY = graphql(`
  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {
    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminTenantFields
      }
    }
  }
`);

export const ADMIN_TENANT_QUERY = graphql(`
  query AdminTenant($id: ID!) {
    tenant(id: $id) {
      ...AdminTenantFields
    }
  }
`);

export const ADMIN_TENANTS_BY_IDS_QUERY = graphql(`
  query AdminTenantsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Tenant {
        ...AdminTenantFields
      }
    }
  }
`);

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

function toTenantRecord(ref: FragmentType<typeof TENANT_FIELDS>): TenantRecord {
  const t = getFragmentData(TENANT_FIELDS, ref);
  return { id: t.id, slug: t.slug, name: t.name, createdAt: t.createdAt, updatedAt: t.updatedAt };
}

/** The list's search box (`q`, also what autocomplete inputs send) as a TenantFilter. */
export function tenantFilterOf(filter: Record<string, unknown> | undefined): TenantFilter | undefined {
  // The API accepts 1 to 100 characters.
  return compact<TenantFilter>({ search: textFilter(filter?.q)?.slice(0, 100) });
}

/** Columns the API sorts tenants by; oldest first by default. */
export const TENANT_SORT_FIELDS = { name: 'NAME', slug: 'SLUG', createdAt: 'CREATED_AT' } as const;

export function tenantOrderOf(sort: SortPayload | undefined): TenantOrder {
  return orderOf(sort, TENANT_SORT_FIELDS, { field: 'CREATED_AT', direction: 'ASC' });
}

/** Tenants: read-only here. */
export function createTenantsProvider(client: ApolloClient): ResourceProvider<TenantRecord> {
  return createResourceProvider<TenantRecord>({
    label: { one: 'Tenant', many: 'Tenants' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_TENANTS_QUERY, { ...page, filter: tenantFilterOf(filter), orderBy: tenantOrderOf(sort) }, { signal });
      return listResultOf(data.tenants, toTenantRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_TENANT_QUERY, { id }, { signal });
      return data.tenant ? toTenantRecord(data.tenant) : null;
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_TENANTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Tenant', toTenantRecord);
    },
  });
}
