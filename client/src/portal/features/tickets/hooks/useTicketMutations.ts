import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const CREATE_TICKET_MUTATION = graphql(`
  mutation CreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      id
      number
    }
  }
`);

const UPDATE_TICKET_MUTATION = graphql(`
  mutation UpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      id
      status
      priority
      version
      updatedAt
      assignee {
        id
        name
      }
    }
  }
`);

const ADD_TICKET_COMMENT_MUTATION = graphql(`
  mutation AddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      id
      ...TicketCommentItem
    }
  }
`);

/** Raises a ticket; lists refetch so the new one shows at once. */
export function useCreateTicket() {
  return useMutation(CREATE_TICKET_MUTATION, { refetchQueries: ['TicketList'] });
}

/** Changes status, priority or assignee; the version read must still be current (else CONFLICT). */
export function useUpdateTicket() {
  return useMutation(UPDATE_TICKET_MUTATION);
}

interface CommentsInCache {
  totalCount: number;
  nodes: readonly Reference[];
}

/**
 * Adds a comment and appends it to the conversation already in the cache (newest last), so the
 * thread shows it at once and earlier comments the user loaded stay shown: no reload.
 */
export function useAddTicketComment() {
  return useMutation(ADD_TICKET_COMMENT_MUTATION, {
    update(cache, { data }, { variables }) {
      const comment = data?.addTicketComment;
      if (!comment || !variables) return;
      cache.modify<{ comments: CommentsInCache }>({
        id: cache.identify({ __typename: 'Ticket', id: variables.input.ticketId }),
        fields: {
          comments(existing, { toReference }) {
            const ref = toReference({ __typename: 'TicketComment', id: comment.id });
            if (!ref || !existing || typeof existing !== 'object' || !('nodes' in existing)) return existing;
            return { ...existing, totalCount: existing.totalCount + 1, nodes: [...existing.nodes, ref] };
          },
        },
      });
    },
  });
}
