import type { ApolloClient } from '@apollo/client';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { WebhookDeliveryFilter, WebhookDeliveryStatus, WebhookDeliveryTrigger, WebhookEndpointFilter } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodeOfType, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

const WEBHOOK_ENDPOINT_FIELDS = graphql(`
  fragment AdminWebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    disabledAt
    disabledReason
    consecutiveFailures
    failingSince
    lastFailureAt
    lastSuccessAt
    secretRotatedAt
    createdAt
    updatedAt
    tenant {
      id
      slug
      name
    }
  }
`);

export const ADMIN_WEBHOOK_ENDPOINTS_QUERY = graphql(`
  query AdminWebhookEndpoints($first: Int, $offset: Int, $filter: WebhookEndpointFilter) {
    webhookEndpoints(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const ADMIN_WEBHOOK_ENDPOINT_QUERY = graphql(`
  query AdminWebhookEndpoint($id: ID!) {
    node(id: $id) {
      __typename
      ... on WebhookEndpoint {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const ADMIN_WEBHOOK_ENDPOINTS_BY_IDS_QUERY = graphql(`
  query AdminWebhookEndpointsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on WebhookEndpoint {
        ...AdminWebhookEndpointFields
      }
    }
  }
`);

export const ADMIN_DISABLE_WEBHOOK_ENDPOINT_MUTATION = graphql(`
  mutation AdminDisableWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      ...AdminWebhookEndpointFields
    }
  }
`);

const WEBHOOK_DELIVERY_FIELDS = graphql(`
  fragment AdminWebhookDeliveryFields on WebhookDelivery {
    id
    eventId
    eventType
    status
    trigger
    attemptCount
    maxAttempts
    responseStatus
    responseExcerpt
    error
    durationMs
    nextAttemptAt
    deliveredAt
    createdAt
    updatedAt
    tenant {
      id
      slug
      name
    }
    endpoint {
      id
      url
      enabled
    }
  }
`);

const WEBHOOK_DELIVERY_ATTEMPT_FIELDS = graphql(`
  fragment AdminWebhookDeliveryAttemptFields on WebhookDeliveryAttempt {
    attempt
    at
    durationMs
    succeeded
    responseStatus
    responseExcerpt
    error
  }
`);

export const ADMIN_WEBHOOK_DELIVERIES_QUERY = graphql(`
  query AdminWebhookDeliveries($first: Int, $offset: Int, $filter: WebhookDeliveryFilter) {
    webhookDeliveries(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminWebhookDeliveryFields
      }
    }
  }
`);

export const ADMIN_WEBHOOK_DELIVERY_QUERY = graphql(`
  query AdminWebhookDelivery($id: ID!) {
    node(id: $id) {
      __typename
      ... on WebhookDelivery {
        ...AdminWebhookDeliveryFields
        attempts {
          ...AdminWebhookDeliveryAttemptFields
        }
      }
    }
  }
`);

export const ADMIN_WEBHOOK_DELIVERIES_BY_IDS_QUERY = graphql(`
  query AdminWebhookDeliveriesByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on WebhookDelivery {
        ...AdminWebhookDeliveryFields
      }
    }
  }
`);

type TenantRef = { id: string; slug: string; name: string };

/** A tenant's webhook endpoint as the back office shows it (never its signing secret). */
export interface WebhookEndpointRecord {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledAt: string | null;
  /** Who disabled it, or the failures that made Atrium disable it. */
  disabledReason: string | null;
  consecutiveFailures: number;
  failingSince: string | null;
  lastFailureAt: string | null;
  lastSuccessAt: string | null;
  secretRotatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tenantId: string;
  tenant: TenantRef;
}

function toWebhookEndpointRecord(ref: FragmentType<typeof WEBHOOK_ENDPOINT_FIELDS>): WebhookEndpointRecord {
  const e = getFragmentData(WEBHOOK_ENDPOINT_FIELDS, ref);
  return {
    id: e.id,
    url: e.url,
    description: e.description ?? null,
    events: [...e.events],
    enabled: e.enabled,
    disabledAt: e.disabledAt ?? null,
    disabledReason: e.disabledReason ?? null,
    consecutiveFailures: e.consecutiveFailures,
    failingSince: e.failingSince ?? null,
    lastFailureAt: e.lastFailureAt ?? null,
    lastSuccessAt: e.lastSuccessAt ?? null,
    secretRotatedAt: e.secretRotatedAt ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    tenantId: e.tenant.id,
    tenant: { id: e.tenant.id, slug: e.tenant.slug, name: e.tenant.name },
  };
}

/** One attempt of a delivery, as the API logged it. */
export interface WebhookDeliveryAttemptRecord {
  attempt: number;
  at: string;
  durationMs: number;
  succeeded: boolean;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/** One event sent (or to be sent) to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  /** The webhook-id header: the same on every attempt and redelivery. */
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  trigger: WebhookDeliveryTrigger;
  attemptCount: number;
  maxAttempts: number;
  /** HTTP status of the last attempt; null when it got no answer. */
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  tenantId: string;
  tenant: TenantRef;
  endpointId: string;
  endpoint: { id: string; url: string; enabled: boolean };
  /** Every attempt, oldest first: loaded on the delivery's own page only (null in lists). */
  attempts: WebhookDeliveryAttemptRecord[] | null;
}

function toWebhookDeliveryRecord(ref: FragmentType<typeof WEBHOOK_DELIVERY_FIELDS>, attempts: readonly FragmentType<typeof WEBHOOK_DELIVERY_ATTEMPT_FIELDS>[] | null = null): WebhookDeliveryRecord {
  const d = getFragmentData(WEBHOOK_DELIVERY_FIELDS, ref);
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    trigger: d.trigger,
    attemptCount: d.attemptCount,
    maxAttempts: d.maxAttempts,
    responseStatus: d.responseStatus ?? null,
    responseExcerpt: d.responseExcerpt ?? null,
    error: d.error ?? null,
    durationMs: d.durationMs ?? null,
    nextAttemptAt: d.nextAttemptAt ?? null,
    deliveredAt: d.deliveredAt ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    tenantId: d.tenant.id,
    tenant: { id: d.tenant.id, slug: d.tenant.slug, name: d.tenant.name },
    endpointId: d.endpoint.id,
    endpoint: { id: d.endpoint.id, url: d.endpoint.url, enabled: d.endpoint.enabled },
    attempts: attempts
      ? attempts.map((ref) => {
          const a = getFragmentData(WEBHOOK_DELIVERY_ATTEMPT_FIELDS, ref);
          return { attempt: a.attempt, at: a.at, durationMs: a.durationMs, succeeded: a.succeeded, responseStatus: a.responseStatus ?? null, responseExcerpt: a.responseExcerpt ?? null, error: a.error ?? null };
        })
      : null,
  };
}

/** Delivery statuses in the order people think of them (the filter's choices). */
export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['FAILED', 'RETRYING', 'PENDING', 'SENDING', 'SUCCEEDED'];

/** The delivery list's filter form (status, endpointId, eventType, tenantId) as a WebhookDeliveryFilter; the API takes one status. */
export function webhookDeliveryFilterOf(filter: Record<string, unknown> | undefined): WebhookDeliveryFilter | undefined {
  const f = filter ?? {};
  return compact<WebhookDeliveryFilter>({
    status: listFilter(f.status, WEBHOOK_DELIVERY_STATUSES)?.[0],
    endpointId: textFilter(f.endpointId),
    eventType: textFilter(f.eventType),
    tenantId: textFilter(f.tenantId),
  });
}

/**
 * Turns an endpoint off: it receives no more events and its waiting deliveries fail. Staff may
 * do nothing else to an endpoint (the API refuses any other change from them).
 */
export async function disableWebhookEndpoint(client: ApolloClient, id: string): Promise<WebhookEndpointRecord> {
  const data = await runMutation(client, ADMIN_DISABLE_WEBHOOK_ENDPOINT_MUTATION, { input: { id, enabled: false } });
  return toWebhookEndpointRecord(data.updateWebhookEndpoint);
}

/** The endpoint list's filter form (tenantId, enabled: 'true' | 'false') as a WebhookEndpointFilter. */
export function webhookEndpointFilterOf(filter: Record<string, unknown> | undefined): WebhookEndpointFilter | undefined {
  const enabled = filter?.enabled;
  return compact<WebhookEndpointFilter>({
    tenantId: textFilter(filter?.tenantId),
    enabled: enabled === true || enabled === 'true' ? true : enabled === false || enabled === 'false' ? false : undefined,
  });
}

/** Every tenant's webhook endpoints, newest first, by tenant and enabled or not. */
export function createWebhookEndpointsProvider(client: ApolloClient): ResourceProvider<WebhookEndpointRecord> {
  return createResourceProvider<WebhookEndpointRecord>({
    label: { one: 'Webhook endpoint', many: 'Webhook endpoints' },
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_WEBHOOK_ENDPOINTS_QUERY, { ...page, filter: webhookEndpointFilterOf(filter) }, { signal });
      return listResultOf(data.webhookEndpoints, toWebhookEndpointRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_WEBHOOK_ENDPOINT_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'WebhookEndpoint', toWebhookEndpointRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_WEBHOOK_ENDPOINTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'WebhookEndpoint', toWebhookEndpointRecord);
    },
    referenceTargets: ['tenantId'],
  });
}

/** Every tenant's webhook delivery log, newest first, filtered; a delivery's page adds its attempts. */
export function createWebhookDeliveriesProvider(client: ApolloClient): ResourceProvider<WebhookDeliveryRecord> {
  return createResourceProvider<WebhookDeliveryRecord>({
    label: { one: 'Webhook delivery', many: 'Webhook deliveries' },
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_WEBHOOK_DELIVERIES_QUERY, { ...page, filter: webhookDeliveryFilterOf(filter) }, { signal });
      return listResultOf(data.webhookDeliveries, (ref) => toWebhookDeliveryRecord(ref));
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_WEBHOOK_DELIVERY_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'WebhookDelivery', (node) => toWebhookDeliveryRecord(node, node.attempts));
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_WEBHOOK_DELIVERIES_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'WebhookDelivery', (node) => toWebhookDeliveryRecord(node));
    },
    referenceTargets: ['endpointId', 'tenantId'],
  });
}
