import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { StaffRole, UserFilter, UserOrder } from '../../gql/graphql';
import { runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const USER_FIELDS = graphql(`
  fragment AdminUserFields on User {
    id
    name
    email
    staffRole
    createdAt
    updatedAt
  }
`);

export const ADMIN_USERS_QUERY = graphql(`
  query AdminUsers($first: Int, $offset: Int, $filter: UserFilter, $orderBy: UserOrder) {
    users(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminUserFields
      }
    }
  }
`);

export const ADMIN_USER_QUERY = graphql(`
  query AdminUser($id: ID!) {
    node(id: $id) {
      __typename
      ... on User {
        ...AdminUserFields
      }
    }
  }
`);

export const ADMIN_USERS_BY_IDS_QUERY = graphql(`
  query AdminUsersByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on User {
        ...AdminUserFields
      }
    }
  }
`);

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  staffRole: StaffRole | null;
  createdAt: string;
  updatedAt: string;
}

function toUserRecord(ref: FragmentType<typeof USER_FIELDS>): UserRecord {
  const u = getFragmentData(USER_FIELDS, ref);
  return { id: u.id, name: u.name, email: u.email, staffRole: u.staffRole ?? null, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

/** The list's search box (`q`, also what autocomplete inputs send) as a UserFilter (email or name). */
export function userFilterOf(filter: Record<string, unknown> | undefined): UserFilter | undefined {
  return compact<UserFilter>({ search: textFilter(filter?.q) });
}

/** Columns the API sorts users by; oldest first by default. */
export const USER_SORT_FIELDS = { name: 'NAME', email: 'EMAIL', createdAt: 'CREATED_AT' } as const;

export function userOrderOf(sort: SortPayload | undefined): UserOrder {
  return orderOf(sort, USER_SORT_FIELDS, { field: 'CREATED_AT', direction: 'ASC' });
}

/** Users: read-only here. */
export function createUsersProvider(client: ApolloClient): ResourceProvider<UserRecord> {
  return createResourceProvider<UserRecord>({
    label: { one: 'User', many: 'Users' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_USERS_QUERY, { ...page, filter: userFilterOf(filter), orderBy: userOrderOf(sort) }, { signal });
      return listResultOf(data.users, toUserRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_USER_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'User', toUserRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_USERS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'User', toUserRecord);
    },
  });
}
