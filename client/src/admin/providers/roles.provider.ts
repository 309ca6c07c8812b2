import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import { runMutation, runQuery } from './graphql';
import { type RoleSummary, toRoleSummary } from './memberships.provider';

export const ADMIN_TENANT_PERMISSIONS_QUERY = graphql(`
  query AdminTenantPermissions {
    tenantPermissions
  }
`);

export const ADMIN_CREATE_ROLE_MUTATION = graphql(`
  mutation AdminCreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      ...AdminRoleFields
    }
  }
`);

export const ADMIN_UPDATE_ROLE_MUTATION = graphql(`
  mutation AdminUpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      ...AdminRoleFields
    }
  }
`);

export const ADMIN_DELETE_ROLE_MUTATION = graphql(`
  mutation AdminDeleteRole($id: ID!) {
    deleteRole(id: $id)
  }
`);

/** Every permission a tenant role can hold, in the catalog's order. */
export async function tenantPermissions(client: ApolloClient, signal?: AbortSignal): Promise<string[]> {
  return (await runQuery(client, ADMIN_TENANT_PERMISSIONS_QUERY, {}, { signal })).tenantPermissions;
}

/** A custom role in the tenant named (platform:role:manage; audited). */
export async function createRole(client: ApolloClient, input: { tenantId: string; name: string; description: string | null; permissions: string[] }): Promise<RoleSummary> {
  return toRoleSummary((await runMutation(client, ADMIN_CREATE_ROLE_MUTATION, { input })).createRole);
}

/** A custom role's new description and permissions. */
export async function updateRole(client: ApolloClient, input: { id: string; description: string | null; permissions: string[] }): Promise<RoleSummary> {
  return toRoleSummary((await runMutation(client, ADMIN_UPDATE_ROLE_MUTATION, { input })).updateRole);
}

/** Deletes a custom role no member holds. */
export async function deleteRole(client: ApolloClient, id: string): Promise<void> {
  await runMutation(client, ADMIN_DELETE_ROLE_MUTATION, { id });
}
