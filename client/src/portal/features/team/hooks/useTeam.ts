import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const TEAM_MEMBERS_QUERY = graphql(`
  query TeamMembers($first: Int, $after: String, $last: Int, $before: String, $orderBy: MembershipOrder) {
    memberships(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        createdAt
        user {
          id
          name
          email
        }
        role {
          id
          name
        }
      }
    }
  }
`);

const TEAM_ROLES_QUERY = graphql(`
  query TeamRoles {
    roles(first: 100) {
      nodes {
        id
        name
        description
        system
      }
    }
  }
`);

const PENDING_INVITATIONS_QUERY = graphql(`
  query PendingInvitations {
    invitations(first: 100, filter: { status: PENDING }) {
      totalCount
      nodes {
        id
        email
        status
        createdAt
        expiresAt
        role {
          id
          name
        }
        invitedBy {
          id
          name
        }
      }
    }
  }
`);

const INVITE_MEMBER_MUTATION = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      status
      expiresAt
    }
  }
`);

const REVOKE_INVITATION_MUTATION = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

const RESEND_INVITATION_MUTATION = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      status
      expiresAt
    }
  }
`);

const REMOVE_MEMBER_MUTATION = graphql(`
  mutation RemoveMember($membershipId: ID!) {
    removeMember(membershipId: $membershipId) {
      id
    }
  }
`);

const LEAVE_TENANT_MUTATION = graphql(`
  mutation LeaveTenant {
    leaveTenant
  }
`);

/** The tenant's members, a page at a time (oldest first unless sorted otherwise). */
export function useTeamMembers(variables: { first?: number; after?: string; last?: number; before?: string; orderBy?: { field: 'CREATED_AT'; direction: 'ASC' | 'DESC' } }) {
  return useQuery(TEAM_MEMBERS_QUERY, { variables, fetchPolicy: 'cache-and-network' });
}

/** The tenant's roles, for the role picker (system roles and custom ones). */
export function useTeamRoles(skip = false) {
  return useQuery(TEAM_ROLES_QUERY, { skip });
}

/** Invitations not yet accepted, revoked or expired; needs member:manage. */
export function usePendingInvitations(skip: boolean) {
  return useQuery(PENDING_INVITATIONS_QUERY, { skip, fetchPolicy: 'cache-and-network' });
}

export function useInviteMember() {
  return useMutation(INVITE_MEMBER_MUTATION, { refetchQueries: ['PendingInvitations'], awaitRefetchQueries: true });
}

export function useRevokeInvitation() {
  return useMutation(REVOKE_INVITATION_MUTATION, { refetchQueries: ['PendingInvitations'], awaitRefetchQueries: true });
}

export function useResendInvitation() {
  return useMutation(RESEND_INVITATION_MUTATION, { refetchQueries: ['PendingInvitations'], awaitRefetchQueries: true });
}

export function useRemoveMember() {
  return useMutation(REMOVE_MEMBER_MUTATION, { refetchQueries: ['TeamMembers'], awaitRefetchQueries: true });
}

export function useLeaveTenant() {
  return useMutation(LEAVE_TENANT_MUTATION);
}
