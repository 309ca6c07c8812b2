import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { AdminTraceQuery } from '../../gql/graphql';
import { runQuery } from './graphql';

export const ADMIN_TRACE_QUERY = graphql(`
  query AdminTrace($id: String!) {
    correlation(id: $id) {
      id
      truncated
      entries {
        at
        kind
        title
        node {
          __typename
          id
          ... on Ticket {
            number
            tenant {
              id
              name
            }
          }
          ... on AuditLog {
            action
            actorKind
            actor {
              id
              name
            }
          }
          ... on SystemEvent {
            type
            severity
            source
          }
          ... on InboundMessage {
            channel
            sender
          }
          ... on AutomationRun {
            runStatus: status
          }
          ... on Incident {
            incidentStatus: status
          }
        }
      }
    }
  }
`);

export type TraceEntry = AdminTraceQuery['correlation']['entries'][number];
export type Trace = AdminTraceQuery['correlation'];

/** The whole chain of one request id, in time order, as staff may see it (the server audits the read). */
export async function traceOf(client: ApolloClient, id: string, signal?: AbortSignal): Promise<Trace> {
  const data = await runQuery(client, ADMIN_TRACE_QUERY, { id }, { signal });
  return data.correlation;
}
