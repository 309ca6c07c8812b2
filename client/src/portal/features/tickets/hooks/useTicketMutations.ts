import type { ApolloCache, Reference } from '@apollo/client';
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

const DELETE_TICKET_ATTACHMENT_MUTATION = graphql(`
  mutation DeleteTicketAttachment($id: ID!) {
    deleteTicketAttachment(id: $id)
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
 * Appends a comment to the conversation of `ticketId` already in the cache (newest last), once:
 * a comment already there (the author's own, arriving again live) is not added twice. Earlier
 * comments the user loaded stay shown.
 */
export function appendCommentToCache(cache: ApolloCache, ticketId: string, commentId: string): void {
  cache.modify<{ comments: CommentsInCache }>({
    id: cache.identify({ __typename: 'Ticket', id: ticketId }),
    fields: {
      comments(existing, { toReference }) {
        const ref = toReference({ __typename: 'TicketComment', id: commentId });
        if (!ref || !existing || typeof existing !== 'object' || !('nodes' in existing)) return existing;
        if (existing.nodes.some((n) => n.__ref === ref.__ref)) return existing;
        return { ...existing, totalCount: existing.totalCount + 1, nodes: [...existing.nodes, ref] };
      },
    },
  });
}

/** Adds a comment and appends it to the conversation in the cache, so the thread shows it at once: no reload. */
export function useAddTicketComment() {
  return useMutation(ADD_TICKET_COMMENT_MUTATION, {
    update(cache, { data }, { variables }) {
      const comment = data?.addTicketComment;
      if (!comment || !variables) return;
      appendCommentToCache(cache, variables.input.ticketId, comment.id);
    },
  });
}

/**
 * Takes an attachment off `ticketId`'s list in the cache and forgets it, so the page shows the
 * list without it at once: no reload.
 */
export function removeAttachmentFromCache(cache: ApolloCache, ticketId: string, attachmentId: string): void {
  const attachment = cache.identify({ __typename: 'TicketAttachment', id: attachmentId });
  cache.modify<{ attachments: readonly Reference[] }>({
    id: cache.identify({ __typename: 'Ticket', id: ticketId }),
    fields: {
      attachments(existing) {
        return Array.isArray(existing) ? existing.filter((ref: Reference) => ref.__ref !== attachment) : existing;
      },
    },
  });
  if (attachment) cache.evict({ id: attachment });
}

/** Removes a file from `ticketId` (its uploader's own, or any for ticket:assign) and from the list shown. */
export function useDeleteTicketAttachment(ticketId: string) {
  return useMutation(DELETE_TICKET_ATTACHMENT_MUTATION, {
    update(cache, { data }) {
      const removed = data?.deleteTicketAttachment;
      if (removed) removeAttachmentFromCache(cache, ticketId, removed);
    },
  });
}
