import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../../gql';

const START_RUN_MUTATION = graphql(`
  mutation StartRun($input: StartRunInput!) {
    startRun(input: $input) {
      id
      status
    }
  }
`);

/** Queues a run of a tool; the run list and this month's quota counts refetch. */
export function useStartRun() {
  return useMutation(START_RUN_MUTATION, { refetchQueries: ['RunList', 'ToolsCatalog', 'ToolRecentRuns'] });
}
