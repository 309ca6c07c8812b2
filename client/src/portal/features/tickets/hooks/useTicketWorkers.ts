import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';

/** Members who can work tickets (their role grants ticket:write): the only ones to assign or filter by. */
const TICKET_WORKERS_QUERY = graphql(`
  query TicketWorkers {
    memberships(first: 100, filter: { permission: "ticket:write" }) {
      nodes {
        id
        user {
          id
          name
        }
        role {
          id
          name
        }
      }
    }
  }
`);

/** The tenant's ticket workers (needs member:read; skipped without it). */
export function useTicketWorkers(enabled: boolean) {
  const { data, loading, error } = useQuery(TICKET_WORKERS_QUERY, { skip: !enabled });
  return { workers: data?.memberships.nodes ?? [], loading, error };
}
