import { graphql } from '../../../gql';

/** Incidents affecting the tenant as they open, change state or get a public note (the banner and pages refetch). */
export const INCIDENT_LIVE_SUBSCRIPTION = graphql(`
  subscription IncidentLive {
    incidentChanged {
      id
      status
      updatedAt
    }
  }
`);
