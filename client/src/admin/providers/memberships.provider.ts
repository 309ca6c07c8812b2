import type { ApolloClient } from '@apollo/client';
import { HttpError, type SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { MembershipFilter, MembershipOrder } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, MAX_PAGE_SIZE, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const ROLE_FIELDS = graphql(`
  fragment AdminRoleFields on Role {
    id
    name
    description
    system
    permissions
  }
`);

/** One tenant's roles, for the role picker (staff read any tenant's). */
export const ADMIN_TENANT_ROLES_QUERY = graphql(`
  query AdminTenantRoles($first: Int, $offset: Int, $tenantId: ID!) {
    roles(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {
      totalCount
      nodes {
        ...AdminRoleFields
      }
    }
  }
`);

const MEMBERSHIP_FIELDS = graphql(`
  fragment AdminMembershipFields on Membership {
    id
    createdAt
    updatedAt
    role {
      id
      ...AdminRoleFields
    }
    tenant {
      id
      slug
      name
    }
    user {
      id
      name
      email
    }
  }
`);

export const ADMIN_MEMBERSHIPS_QUERY = graphql(`
  query AdminMemberships($first: Int, $offset: Int, $filter: MembershipFilter, $orderBy: MembershipOrder) {
    memberships(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminMembershipFields
      }
    }
  }
`);

export const ADMIN_MEMBERSHIP_QUERY = graphql(`
  query AdminMembership($id: ID!) {
    node(id: $id) {
      __typename
      ... on Membership {
        ...AdminMembershipFields
      }
    }
  }
`);

export const ADMIN_MEMBERSHIPS_BY_IDS_QUERY = graphql(`
  query AdminMembershipsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Membership {
        ...AdminMembershipFields
      }
    }
  }
`);

export const ADMIN_UPDATE_MEMBERSHIP_ROLE_MUTATION = graphql(`
  mutation AdminUpdateMembershipRole($input: UpdateMembershipRoleInput!) {
    updateMembershipRole(input: $input) {
      ...AdminMembershipFields
    }
  }
`);

export interface RoleSummary {
  id: string;
  name: string;
  description: string | null;
  system: boolean;
  permissions: string[];
}

export interface MembershipRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  roleId: string;
  role: RoleSummary;
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
  userId: string;
  user: { id: string; name: string; email: string };
}

export function toRoleSummary(ref: FragmentType<typeof ROLE_FIELDS>): RoleSummary {
  const r = getFragmentData(ROLE_FIELDS, ref);
  return { id: r.id, name: r.name, description: r.description ?? null, system: r.system, permissions: r.permissions };
}

function toMembershipRecord(ref: FragmentType<typeof MEMBERSHIP_FIELDS>): MembershipRecord {
  const m = getFragmentData(MEMBERSHIP_FIELDS, ref);
  return {
    id: m.id,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    roleId: m.role.id,
    role: toRoleSummary(m.role),
    tenantId: m.tenant.id,
    tenant: { id: m.tenant.id, slug: m.tenant.slug, name: m.tenant.name },
    userId: m.user.id,
    user: { id: m.user.id, name: m.user.name, email: m.user.email },
  };
}

/** The list's filters (tenantId, userId) as a MembershipFilter. */
export function membershipFilterOf(filter: Record<string, unknown> | undefined): MembershipFilter | undefined {
  return compact<MembershipFilter>({ tenantId: textFilter(filter?.tenantId), userId: textFilter(filter?.userId) });
}

/** System roles from most to least powerful, then custom roles by name. */
const SYSTEM_ROLE_ORDER = ['owner', 'admin', 'agent', 'member', 'viewer'];
const rankOf = (role: RoleSummary) => (role.system && SYSTEM_ROLE_ORDER.includes(role.name) ? SYSTEM_ROLE_ORDER.indexOf(role.name) : SYSTEM_ROLE_ORDER.length);


/** Columns the API sorts memberships by; oldest first by default. */
export const MEMBERSHIP_SORT_FIELDS = { createdAt: 'CREATED_AT' } as const;

export function membershipOrderOf(sort: SortPayload | undefined): MembershipOrder {
  return orderOf(sort, MEMBERSHIP_SORT_FIELDS, { field: 'CREATED_AT', direction: 'ASC' });
}

/** Memberships of every tenant: read, listed by tenant or user, and given another role. */
export function createMembershipsProvider(client: ApolloClient): ResourceProvider<MembershipRecord> {
  return createResourceProvider<MembershipRecord>({
    label: { one: 'Membership', many: 'Memberships' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_MEMBERSHIPS_QUERY, { ...page, filter: membershipFilterOf(filter), orderBy: membershipOrderOf(sort) }, { signal });
      return listResultOf(data.memberships, toMembershipRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_MEMBERSHIP_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'Membership', toMembershipRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_MEMBERSHIPS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Membership', toMembershipRecord);
    },
    referenceTargets: ['tenantId', 'userId'],
    async update({ id, data, previousData }) {
      const roleId = textFilter(data.roleId);
      if (!roleId) {
        throw new HttpError('Choose a role.', 400, { code: 'BAD_USER_INPUT', errors: { roleId: 'Choose a role.', root: { serverError: 'Choose a role.' } } });
      }
      if (roleId === previousData.roleId) return previousData;
      // The API names the input fields membershipId and roleId; the form edits roleId.
      const result = await runMutation(client, ADMIN_UPDATE_MEMBERSHIP_ROLE_MUTATION, { input: { membershipId: id, roleId } }, { membershipId: 'roleId' });
      return toMembershipRecord(result.updateMembershipRole);
    },
  });
}

/** Every role of the tenant, held or not, most powerful first: what a member can be given. */
export async function rolesOfTenant(client: ApolloClient, tenantId: string): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const data = await runQuery(client, ADMIN_TENANT_ROLES_QUERY, { first: MAX_PAGE_SIZE, offset, tenantId });
    roles.push(...data.roles.nodes.map(toRoleSummary));
    if (offset + MAX_PAGE_SIZE >= data.roles.totalCount) break;
  }
  return roles.sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name));
}
