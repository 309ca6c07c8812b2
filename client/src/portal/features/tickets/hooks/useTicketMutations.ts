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

/** Adds a comment, then reloads the ticket so the thread shows it. */
export function useAddTicketComment() {
  return useMutation(ADD_TICKET_COMMENT_MUTATION, { refetchQueries: ['TicketDetail'], awaitRefetchQueries: true });
}
