import type { ApolloClient } from '@apollo/client';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { EventSeverity, SystemEventFilter } from '../../gql/graphql';
import { runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, nodeOfType, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

export const EVENT_SEVERITIES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const satisfies readonly EventSeverity[];

const SYSTEM_EVENT_FIELDS = graphql(`
  fragment AdminSystemEventFields on SystemEvent {
    id
    type
    severity
    source
    occurredAt
    correlationId
    payload
    tenant {
      id
      slug
      name
    }
  }
`);

export const ADMIN_SYSTEM_EVENTS_QUERY = graphql(`
  query AdminSystemEvents($first: Int, $offset: Int, $filter: SystemEventFilter) {
    systemEvents(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminSystemEventFields
      }
    }
  }
`);

export const ADMIN_SYSTEM_EVENT_QUERY = graphql(`
  query AdminSystemEvent($id: ID!) {
    node(id: $id) {
      __typename
      ... on SystemEvent {
        ...AdminSystemEventFields
      }
    }
  }
`);

export const ADMIN_SYSTEM_EVENTS_BY_IDS_QUERY = graphql(`
  query AdminSystemEventsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on SystemEvent {
        ...AdminSystemEventFields
      }
    }
  }
`);

export const ADMIN_SYSTEM_EVENT_HISTOGRAM_QUERY = graphql(`
  query AdminSystemEventHistogram($filter: SystemEventFilter, $buckets: Int!) {
    systemEventHistogram(filter: $filter, buckets: $buckets) {
      from
      to
      bucketSeconds
      buckets {
        start
        end
        count
        errors
      }
    }
  }
`);

export interface SystemEventRecord {
  id: string;
  type: string;
  severity: EventSeverity;
  source: string;
  occurredAt: string;
  correlationId: string | null;
  payload: unknown;
  tenant: { id: string; slug: string; name: string } | null;
}

export interface HistogramBucket {
  start: string;
  end: string;
  count: number;
  errors: number;
}

export interface Histogram {
  from: string;
  to: string;
  bucketSeconds: number;
  buckets: HistogramBucket[];
}

function toSystemEventRecord(ref: FragmentType<typeof SYSTEM_EVENT_FIELDS>): SystemEventRecord {
  const e = getFragmentData(SYSTEM_EVENT_FIELDS, ref);
  return {
    id: e.id,
    type: e.type,
    severity: e.severity,
    source: e.source,
    occurredAt: e.occurredAt,
    correlationId: e.correlationId ?? null,
    payload: e.payload,
    tenant: e.tenant ? { id: e.tenant.id, slug: e.tenant.slug, name: e.tenant.name } : null,
  };
}

/** A date-time input's value ("2026-03-01T10:00", local) or an ISO string as an ISO instant; else undefined. */
function instantOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The explorer's filter form (type prefix or exact type, minimum severity, source, tenant or
 * platform only, from/to, correlation id) as a SystemEventFilter: the list, the histogram and
 * the CSV export all use this one.
 */
export function systemEventFilterOf(filter: Record<string, unknown> | undefined): SystemEventFilter | undefined {
  const f = filter ?? {};
  const severity = typeof f.minSeverity === 'string' && (EVENT_SEVERITIES as readonly string[]).includes(f.minSeverity) ? (f.minSeverity as EventSeverity) : undefined;
  const tenantId = textFilter(f.tenantId);
  return compact({
    type: textFilter(f.type),
    minSeverity: severity,
    source: textFilter(f.source),
    correlationId: textFilter(f.correlationId),
    tenantId: tenantId === 'platform' ? undefined : tenantId,
    platformOnly: tenantId === 'platform' ? true : undefined,
    from: instantOf(f.from),
    to: instantOf(f.to),
  });
}

/** System events, newest first (the API offers no other order). */
export function createSystemEventsProvider(client: ApolloClient): ResourceProvider<SystemEventRecord> {
  return createResourceProvider<SystemEventRecord>({
    label: { one: 'System event', many: 'System events' },
    referenceTargets: ['correlationId', 'tenantId'],
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_SYSTEM_EVENTS_QUERY, { ...page, filter: systemEventFilterOf(filter) }, { signal });
      return listResultOf(data.systemEvents, toSystemEventRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_SYSTEM_EVENT_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'SystemEvent', toSystemEventRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_SYSTEM_EVENTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'SystemEvent', toSystemEventRecord);
    },
  });
}

export async function systemEventHistogram(client: ApolloClient, params: { filter: Record<string, unknown>; buckets: number; signal?: AbortSignal }): Promise<Histogram> {
  const data = await runQuery(client, ADMIN_SYSTEM_EVENT_HISTOGRAM_QUERY, { filter: systemEventFilterOf(params.filter), buckets: params.buckets }, { signal: params.signal });
  return data.systemEventHistogram;
}
