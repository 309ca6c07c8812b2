import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { StaffRole, UserFilter, UserOrder } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, MAX_PAGE_SIZE, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const USER_FIELDS = graphql(`
  fragment AdminUserFields on User {
    id
    name
    email
    staffRole
    deactivatedAt
    twoFactorEnabled
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

const SESSION_FIELDS = graphql(`
  fragment AdminSessionFields on Session {
    id
    userAgent
    ip
    createdAt
    lastUsedAt
    expiresAt
  }
`);

export const ADMIN_USER_SESSIONS_QUERY = graphql(`
  query AdminUserSessions($userId: ID!, $first: Int, $offset: Int) {
    userSessions(userId: $userId, first: $first, offset: $offset) {
      totalCount
      nodes {
        ...AdminSessionFields
      }
    }
  }
`);

export const ADMIN_DEACTIVATE_USER_MUTATION = graphql(`
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...AdminUserFields
    }
  }
`);

export const ADMIN_REACTIVATE_USER_MUTATION = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...AdminUserFields
    }
  }
`);

export const ADMIN_REVOKE_USER_SESSIONS_MUTATION = graphql(`
  mutation AdminRevokeUserSessions($userId: ID!) {
    revokeUserSessions(userId: $userId)
  }
`);

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  staffRole: StaffRole | null;
  /** When staff deactivated the account (it cannot sign in); null while active. */
  deactivatedAt: string | null;
  twoFactorEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

function toUserRecord(ref: FragmentType<typeof USER_FIELDS>): UserRecord {
  const u = getFragmentData(USER_FIELDS, ref);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    staffRole: u.staffRole ?? null,
    deactivatedAt: u.deactivatedAt ?? null,
    twoFactorEnabled: u.twoFactorEnabled,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** One signed-in browser or device of a user. */
export interface UserSessionRecord {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
}

function toSessionRecord(ref: FragmentType<typeof SESSION_FIELDS>): UserSessionRecord {
  const s = getFragmentData(SESSION_FIELDS, ref);
  return { id: s.id, userAgent: s.userAgent ?? null, ip: s.ip ?? null, createdAt: s.createdAt, lastUsedAt: s.lastUsedAt, expiresAt: s.expiresAt };
}

/** A user's active sessions, newest first: the first page (up to the API's limit) and how many there are. */
export async function sessionsOfUser(client: ApolloClient, userId: string, signal?: AbortSignal): Promise<{ data: UserSessionRecord[]; total: number }> {
  const data = await runQuery(client, ADMIN_USER_SESSIONS_QUERY, { userId, first: MAX_PAGE_SIZE, offset: 0 }, { signal });
  return { data: data.userSessions.nodes.map(toSessionRecord), total: data.userSessions.totalCount };
}

/** Deactivates a user (the server also ends every session); answers the user as saved. */
export async function deactivateUser(client: ApolloClient, id: string): Promise<UserRecord> {
  const data = await runMutation(client, ADMIN_DEACTIVATE_USER_MUTATION, { id });
  return toUserRecord(data.deactivateUser);
}

/** Lets a deactivated user sign in again; answers the user as saved. */
export async function reactivateUser(client: ApolloClient, id: string): Promise<UserRecord> {
  const data = await runMutation(client, ADMIN_REACTIVATE_USER_MUTATION, { id });
  return toUserRecord(data.reactivateUser);
}

/** Ends every active session of a user; answers how many were ended. */
export async function revokeUserSessions(client: ApolloClient, userId: string): Promise<number> {
  const data = await runMutation(client, ADMIN_REVOKE_USER_SESSIONS_MUTATION, { userId });
  return data.revokeUserSessions;
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

/** Users: listed and read; their status changes through the operations above (not an edit form). */
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
