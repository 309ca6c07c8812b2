import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../../gql';
import type { WebhookDeliveryFilter } from '../../../../gql/graphql';
import type { PageVariables } from '../../../../shared/ui/useListParams';

const WEBHOOK_ENDPOINTS_QUERY = graphql(`
  query DeveloperWebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {
    webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        url
        description
        events
        enabled
        disabledAt
        disabledReason
        consecutiveFailures
        failingSince
        lastSuccessAt
        lastFailureAt
        secretRotatedAt
        previousSecretExpiresAt
        createdAt
      }
    }
  }
`);

/** Every endpoint's id and URL, for the delivery log's endpoint filter. */
const WEBHOOK_ENDPOINT_OPTIONS_QUERY = graphql(`
  query DeveloperWebhookEndpointOptions {
    webhookEndpoints(first: 100) {
      nodes {
        id
        url
      }
    }
  }
`);

const WEBHOOK_EVENT_TYPES_QUERY = graphql(`
  query DeveloperWebhookEventTypes {
    webhookEventTypes
  }
`);

const WEBHOOK_DELIVERIES_QUERY = graphql(`
  query DeveloperWebhookDeliveries($first: Int, $after: String, $last: Int, $before: String, $filter: WebhookDeliveryFilter) {
    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        eventId
        eventType
        status
        trigger
        attemptCount
        maxAttempts
        responseStatus
        responseExcerpt
        durationMs
        error
        nextAttemptAt
        deliveredAt
        createdAt
        endpoint {
          id
          url
        }
        attempts {
          attempt
          at
          succeeded
          responseStatus
          durationMs
          error
          responseExcerpt
        }
      }
    }
  }
`);

const CREATE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const UPDATE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      url
      description
      events
      enabled
      disabledAt
      disabledReason
      consecutiveFailures
    }
  }
`);

const DELETE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const ROTATE_WEBHOOK_SECRET_MUTATION = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        id
        secretRotatedAt
        previousSecretExpiresAt
      }
    }
  }
`);

const SEND_TEST_WEBHOOK_MUTATION = graphql(`
  mutation SendTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) {
      id
      status
    }
  }
`);

const REDELIVER_WEBHOOK_MUTATION = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      status
    }
  }
`);

export function useWebhookEndpoints(variables: PageVariables) {
  return useQuery(WEBHOOK_ENDPOINTS_QUERY, { variables, fetchPolicy: 'cache-and-network' });
}

export function useWebhookEndpointOptions() {
  return useQuery(WEBHOOK_ENDPOINT_OPTIONS_QUERY, { fetchPolicy: 'cache-and-network' });
}

/** The subscribable event types (they change only with a release). */
export function useWebhookEventTypes(skip = false) {
  return useQuery(WEBHOOK_EVENT_TYPES_QUERY, { skip });
}

export function useWebhookDeliveries(variables: PageVariables & { filter?: WebhookDeliveryFilter }) {
  return useQuery(WEBHOOK_DELIVERIES_QUERY, { variables, fetchPolicy: 'cache-and-network' });
}

const ENDPOINT_LISTS = ['DeveloperWebhookEndpoints', 'DeveloperWebhookEndpointOptions'];

export function useCreateWebhookEndpoint() {
  return useMutation(CREATE_WEBHOOK_ENDPOINT_MUTATION, { refetchQueries: ENDPOINT_LISTS, awaitRefetchQueries: true });
}

export function useUpdateWebhookEndpoint() {
  return useMutation(UPDATE_WEBHOOK_ENDPOINT_MUTATION, { refetchQueries: ['DeveloperWebhookEndpoints'], awaitRefetchQueries: true });
}

export function useDeleteWebhookEndpoint() {
  return useMutation(DELETE_WEBHOOK_ENDPOINT_MUTATION, { refetchQueries: ENDPOINT_LISTS, awaitRefetchQueries: true });
}

export function useRotateWebhookSecret() {
  return useMutation(ROTATE_WEBHOOK_SECRET_MUTATION, { refetchQueries: ['DeveloperWebhookEndpoints'], awaitRefetchQueries: true });
}

export function useSendTestWebhook() {
  return useMutation(SEND_TEST_WEBHOOK_MUTATION, { refetchQueries: ['DeveloperWebhookDeliveries', 'DeveloperWebhookEndpoints'] });
}

export function useRedeliverWebhook() {
  return useMutation(REDELIVER_WEBHOOK_MUTATION, { refetchQueries: ['DeveloperWebhookDeliveries'], awaitRefetchQueries: true });
}
