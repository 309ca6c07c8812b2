import type { ApolloClient } from '@apollo/client';
import type { SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type {
  EventSeverity,
  IncidentFilter,
  IncidentOrder,
  IncidentSeverity,
  IncidentStatus,
  IncidentTimelineKind,
  SystemEventFilter,
  TicketPriority,
  TicketStatus,
} from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

export const INCIDENT_STATUSES = ['OPEN', 'MITIGATED', 'RESOLVED'] as const satisfies readonly IncidentStatus[];
export const INCIDENT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const satisfies readonly IncidentSeverity[];

/** OPEN → MITIGATED → RESOLVED: the one next status, or null at the end. */
export function nextIncidentStatus(status: IncidentStatus): IncidentStatus | null {
  return status === 'OPEN' ? 'MITIGATED' : status === 'MITIGATED' ? 'RESOLVED' : null;
}

const INCIDENT_FIELDS = graphql(`
  fragment AdminIncidentFields on Incident {
    id
    title
    severity
    status
    createdAt
    updatedAt
    mitigatedAt
    resolvedAt
    affectedTenants {
      id
      slug
      name
    }
    openedBy {
      id
      name
    }
  }
`);

const INCIDENT_DETAIL_FIELDS = graphql(`
  fragment AdminIncidentDetailFields on Incident {
    summary
    correlationId
    mitigatedBy {
      id
      name
    }
    resolvedBy {
      id
      name
    }
    tickets {
      id
      number
      subject
      status
      priority
      tenant {
        id
        slug
        name
      }
    }
    events {
      id
      type
      severity
      source
      occurredAt
      tenant {
        id
        slug
        name
      }
    }
    timeline {
      id
      kind
      message
      internal
      at
      fromStatus
      toStatus
      author {
        id
        name
      }
    }
  }
`);

export const ADMIN_INCIDENTS_QUERY = graphql(`
  query AdminIncidents($first: Int, $offset: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {
    incidents(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminIncidentFields
      }
    }
  }
`);

export const ADMIN_INCIDENT_QUERY = graphql(`
  query AdminIncident($id: ID!) {
    node(id: $id) {
      __typename
      ... on Incident {
        ...AdminIncidentFields
        ...AdminIncidentDetailFields
      }
    }
  }
`);

export const ADMIN_INCIDENTS_BY_IDS_QUERY = graphql(`
  query AdminIncidentsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Incident {
        ...AdminIncidentFields
      }
    }
  }
`);

export const ADMIN_CREATE_INCIDENT = graphql(`
  mutation AdminCreateIncident($input: CreateIncidentInput!) {
    createIncident(input: $input) {
      ...AdminIncidentFields
      ...AdminIncidentDetailFields
    }
  }
`);

export const ADMIN_TRANSITION_INCIDENT = graphql(`
  mutation AdminTransitionIncident($input: TransitionIncidentInput!) {
    transitionIncident(input: $input) {
      id
      status
    }
  }
`);

export const ADMIN_ADD_INCIDENT_NOTE = graphql(`
  mutation AdminAddIncidentNote($input: AddIncidentNoteInput!) {
    addIncidentNote(input: $input) {
      id
      internal
    }
  }
`);

export const ADMIN_LINK_INCIDENT_TICKETS = graphql(`
  mutation AdminLinkIncidentTickets($input: LinkIncidentTicketsInput!) {
    linkIncidentTickets(input: $input) {
      id
    }
  }
`);

export const ADMIN_LINK_INCIDENT_EVENTS = graphql(`
  mutation AdminLinkIncidentEvents($input: LinkIncidentEventsInput!) {
    linkIncidentEvents(input: $input) {
      id
    }
  }
`);

export const ADMIN_INCIDENT_TICKET_SEARCH = graphql(`
  query AdminIncidentTicketSearch($filter: TicketFilter) {
    tickets(first: 10, filter: $filter) {
      totalCount
      nodes {
        id
        number
        subject
        status
        priority
        tenant {
          id
          slug
          name
        }
      }
    }
  }
`);

export const ADMIN_INCIDENT_EVENT_SEARCH = graphql(`
  query AdminIncidentEventSearch($filter: SystemEventFilter) {
    systemEvents(first: 10, filter: $filter) {
      totalCount
      nodes {
        id
        type
        severity
        source
        occurredAt
        tenant {
          id
          slug
          name
        }
      }
    }
  }
`);

interface Person {
  id: string;
  name: string;
}
interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

export interface IncidentTicketRecord {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  tenant: TenantRef;
}

export interface IncidentEventRecord {
  id: string;
  type: string;
  severity: EventSeverity;
  source: string;
  occurredAt: string;
  tenant: TenantRef | null;
}

export interface IncidentTimelineRecord {
  id: string;
  kind: IncidentTimelineKind;
  message: string;
  internal: boolean;
  at: string;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus | null;
  author: Person | null;
}

/** An incident as the back office shows it; `tenantIds` is what the create form edits. */
export interface IncidentRecord {
  id: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  createdAt: string;
  updatedAt: string;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  affectedTenants: TenantRef[];
  tenantIds: string[];
  openedBy: Person | null;
  /** Only on getOne and create. */
  detail?: {
    summary: string;
    correlationId: string | null;
    mitigatedBy: Person | null;
    resolvedBy: Person | null;
    tickets: IncidentTicketRecord[];
    events: IncidentEventRecord[];
    timeline: IncidentTimelineRecord[];
  };
}

const tenantOf = (t: TenantRef): TenantRef => ({ id: t.id, slug: t.slug, name: t.name });
const personOf = (p: Person | null | undefined): Person | null => (p ? { id: p.id, name: p.name } : null);

function toIncidentRecord(ref: FragmentType<typeof INCIDENT_FIELDS>, detailRef?: FragmentType<typeof INCIDENT_DETAIL_FIELDS>): IncidentRecord {
  const i = getFragmentData(INCIDENT_FIELDS, ref);
  const record: IncidentRecord = {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    mitigatedAt: i.mitigatedAt ?? null,
    resolvedAt: i.resolvedAt ?? null,
    affectedTenants: i.affectedTenants.map(tenantOf),
    tenantIds: i.affectedTenants.map((t) => t.id),
    openedBy: personOf(i.openedBy),
  };
  if (detailRef) {
    const d = getFragmentData(INCIDENT_DETAIL_FIELDS, detailRef);
    record.detail = {
      summary: d.summary,
      correlationId: d.correlationId ?? null,
      mitigatedBy: personOf(d.mitigatedBy),
      resolvedBy: personOf(d.resolvedBy),
      tickets: d.tickets.map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, priority: t.priority, tenant: tenantOf(t.tenant) })),
      events: d.events.map((e) => ({ id: e.id, type: e.type, severity: e.severity, source: e.source, occurredAt: e.occurredAt, tenant: e.tenant ? tenantOf(e.tenant) : null })),
      // Newest first: the timeline reads from what happened last.
      timeline: d.timeline
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          message: e.message,
          internal: e.internal,
          at: e.at,
          fromStatus: e.fromStatus ?? null,
          toStatus: e.toStatus ?? null,
          author: personOf(e.author),
        }))
        .reverse(),
    };
  }
  return record;
}

export const INCIDENT_SORT_FIELDS = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' } as const;
export const INCIDENT_DEFAULT_SORT: SortPayload = { field: 'createdAt', order: 'DESC' };

export function incidentOrderOf(sort: SortPayload | undefined): IncidentOrder {
  return orderOf(sort, INCIDENT_SORT_FIELDS, { field: 'CREATED_AT', direction: 'DESC' });
}

/** The list's filter form (q, status, severity, tenantId) as an IncidentFilter. */
export function incidentFilterOf(filter: Record<string, unknown> | undefined): IncidentFilter | undefined {
  const f = filter ?? {};
  return compact<IncidentFilter>({
    text: textFilter(f.q),
    status: listFilter(f.status, INCIDENT_STATUSES),
    severity: listFilter(f.severity, INCIDENT_SEVERITIES),
    tenantId: textFilter(f.tenantId),
  });
}

/** What the create form sends, checked the way the API checks it (the API decides). */
export function createIncidentInputOf(data: Partial<IncidentRecord> & { summary?: string }): { title: string; severity: IncidentSeverity; summary: string; tenantIds: string[] } {
  return {
    title: (data.title ?? '').trim(),
    severity: data.severity ?? 'SEV3',
    summary: (data.summary ?? '').trim(),
    tenantIds: [...new Set(data.tenantIds ?? [])],
  };
}

export async function transitionIncident(client: ApolloClient, input: { id: string; to: IncidentStatus; note?: string | null }): Promise<{ id: string; status: IncidentStatus }> {
  const note = input.note?.trim() ? input.note.trim() : null;
  return (await runMutation(client, ADMIN_TRANSITION_INCIDENT, { input: { id: input.id, to: input.to, note } })).transitionIncident;
}

export async function addIncidentNote(client: ApolloClient, input: { incidentId: string; body: string; internal: boolean }): Promise<{ id: string; internal: boolean }> {
  return (await runMutation(client, ADMIN_ADD_INCIDENT_NOTE, { input })).addIncidentNote;
}

export async function linkIncidentTickets(client: ApolloClient, input: { incidentId: string; ticketIds: string[] }): Promise<void> {
  await runMutation(client, ADMIN_LINK_INCIDENT_TICKETS, { input });
}

export async function linkIncidentEvents(client: ApolloClient, input: { incidentId: string; eventIds: string[] }): Promise<void> {
  await runMutation(client, ADMIN_LINK_INCIDENT_EVENTS, { input });
}

/** Tickets to pick from: a text match in subject and description, optionally in one tenant (10 at most). */
export async function searchIncidentTickets(client: ApolloClient, params: { text?: string; tenantId?: string; signal?: AbortSignal }): Promise<{ data: IncidentTicketRecord[]; total: number }> {
  const filter = compact({ text: textFilter(params.text), tenantId: textFilter(params.tenantId) });
  const res = await runQuery(client, ADMIN_INCIDENT_TICKET_SEARCH, { filter }, { signal: params.signal });
  return { data: res.tickets.nodes.map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, priority: t.priority, tenant: tenantOf(t.tenant) })), total: res.tickets.totalCount };
}

/** Events to pick from: by type (exact, or a prefix ending in "."), optionally in one tenant, newest first (10 at most). */
export async function searchIncidentEvents(client: ApolloClient, params: { type?: string; tenantId?: string; signal?: AbortSignal }): Promise<{ data: IncidentEventRecord[]; total: number }> {
  const filter = compact<SystemEventFilter>({ type: textFilter(params.type), tenantId: textFilter(params.tenantId) });
  const res = await runQuery(client, ADMIN_INCIDENT_EVENT_SEARCH, { filter }, { signal: params.signal });
  return {
    data: res.systemEvents.nodes.map((e) => ({ id: e.id, type: e.type, severity: e.severity, source: e.source, occurredAt: e.occurredAt, tenant: e.tenant ? tenantOf(e.tenant) : null })),
    total: res.systemEvents.totalCount,
  };
}

/** Platform incidents: read, listed by status, severity and tenant, and opened. */
export function createIncidentsProvider(client: ApolloClient): ResourceProvider<IncidentRecord> {
  return createResourceProvider<IncidentRecord>({
    label: { one: 'Incident', many: 'Incidents' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_INCIDENTS_QUERY, { ...page, filter: incidentFilterOf(filter), orderBy: incidentOrderOf(sort) }, { signal });
      return listResultOf(data.incidents, (n) => toIncidentRecord(n));
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_INCIDENT_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'Incident', (n) => toIncidentRecord(n, n));
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_INCIDENTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Incident', (n) => toIncidentRecord(n));
    },
    referenceTargets: ['tenantId'],
    async create(data) {
      const result = await runMutation(client, ADMIN_CREATE_INCIDENT, { input: createIncidentInputOf(data) });
      return toIncidentRecord(result.createIncident, result.createIncident);
    },
  });
}
