import type { ApolloClient } from '@apollo/client';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { InvitationStatus } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { MAX_PAGE_SIZE } from './resource-provider';

const INVITATION_FIELDS = graphql(`
  fragment AdminInvitationFields on Invitation {
    id
    email
    status
    expiresAt
    acceptedAt
    createdAt
    role {
      id
      name
    }
    invitedBy {
      id
      name
      email
    }
  }
`);

export const ADMIN_TENANT_INVITATIONS_QUERY = graphql(`
  query AdminTenantInvitations($tenantId: ID!, $first: Int, $offset: Int) {
    invitations(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {
      totalCount
      nodes {
        ...AdminInvitationFields
      }
    }
  }
`);

export const ADMIN_RESEND_INVITATION_MUTATION = graphql(`
  mutation AdminResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      ...AdminInvitationFields
    }
  }
`);

export const ADMIN_REVOKE_INVITATION_MUTATION = graphql(`
  mutation AdminRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      ...AdminInvitationFields
    }
  }
`);

/** One invitation into a tenant, as the tenant page lists it. */
export interface InvitationRecord {
  id: string;
  email: string;
  status: InvitationStatus;
  role: { id: string; name: string };
  invitedBy: { id: string; name: string; email: string } | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

export function toInvitationRecord(ref: FragmentType<typeof INVITATION_FIELDS>): InvitationRecord {
  const i = getFragmentData(INVITATION_FIELDS, ref);
  return {
    id: i.id,
    email: i.email,
    status: i.status,
    role: { id: i.role.id, name: i.role.name },
    invitedBy: i.invitedBy ? { id: i.invitedBy.id, name: i.invitedBy.name, email: i.invitedBy.email } : null,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt ?? null,
    createdAt: i.createdAt,
  };
}

/** A tenant's invitations, newest first: the first page (up to the API's limit) and how many there are. */
export async function invitationsOfTenant(client: ApolloClient, tenantId: string, signal?: AbortSignal): Promise<{ data: InvitationRecord[]; total: number }> {
  const data = await runQuery(client, ADMIN_TENANT_INVITATIONS_QUERY, { tenantId, first: MAX_PAGE_SIZE, offset: 0 }, { signal });
  return { data: data.invitations.nodes.map(toInvitationRecord), total: data.invitations.totalCount };
}

/** Mails a pending invitation again, with a new link and a new expiry. */
export async function resendInvitation(client: ApolloClient, id: string): Promise<InvitationRecord> {
  const data = await runMutation(client, ADMIN_RESEND_INVITATION_MUTATION, { id });
  return toInvitationRecord(data.resendInvitation);
}

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(client: ApolloClient, id: string): Promise<InvitationRecord> {
  const data = await runMutation(client, ADMIN_REVOKE_INVITATION_MUTATION, { id });
  return toInvitationRecord(data.revokeInvitation);
}
