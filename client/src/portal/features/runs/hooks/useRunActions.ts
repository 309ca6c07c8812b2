import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const CANCEL_RUN_MUTATION = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      id
      status
      finishedAt
      updatedAt
    }
  }
`);

const RETRY_RUN_MUTATION = graphql(`
  mutation RetryRun($id: ID!) {
    retryRun(id: $id) {
      id
      status
    }
  }
`);

/** Cancels a queued or running run (the server says CONFLICT when it already finished). */
export function useCancelRun() {
  return useMutation(CANCEL_RUN_MUTATION, { refetchQueries: ['RunList'] });
}

/** Runs a failed or cancelled run again, as a new run. */
export function useRetryRun() {
  return useMutation(RETRY_RUN_MUTATION, { refetchQueries: ['RunList'] });
}
