import type { ApolloClient } from '@apollo/client';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { MessageChannel, MessageFilter, MessageStatus, RunFilter, RunStatus, RunTrigger } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listFilter, listResultOf, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const satisfies readonly RunStatus[];
export const MESSAGE_STATUSES = ['RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED'] as const satisfies readonly MessageStatus[];

const RUN_FIELDS = graphql(`
  fragment AdminRunFields on AutomationRun {
    id
    status
    trigger
    attempts
    maxAttempts
    error
    correlationId
    createdAt
    startedAt
    finishedAt
    tenant {
      id
      slug
      name
    }
    tool {
      id
      key
      name
    }
  }
`);

const RUN_DETAIL_FIELDS = graphql(`
  fragment AdminRunDetailFields on AutomationRun {
    input
    output
    nextAttemptAt
    requestedBy {
      id
      name
      email
    }
    retryOf {
      id
      status
    }
    ticket {
      id
      number
      subject
    }
  }
`);

export const ADMIN_RUNS_QUERY = graphql(`
  query AdminRuns($first: Int, $offset: Int, $filter: RunFilter) {
    runs(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminRunFields
      }
    }
  }
`);

export const ADMIN_RUN_QUERY = graphql(`
  query AdminRun($id: ID!) {
    run(id: $id) {
      ...AdminRunFields
      ...AdminRunDetailFields
    }
  }
`);

export const ADMIN_RUNS_BY_IDS_QUERY = graphql(`
  query AdminRunsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on AutomationRun {
        ...AdminRunFields
      }
    }
  }
`);

export const ADMIN_RUN_EVENTS_QUERY = graphql(`
  query AdminRunEvents($correlationId: String!) {
    systemEvents(first: 100, filter: { correlationId: $correlationId, type: "run." }) {
      nodes {
        id
        type
        severity
        occurredAt
        payload
      }
    }
  }
`);

export const ADMIN_RETRY_RUN = graphql(`
  mutation AdminRetryRun($id: ID!) {
    retryRun(id: $id) {
      id
      status
    }
  }
`);

export const ADMIN_CANCEL_RUN = graphql(`
  mutation AdminCancelRun($id: ID!) {
    cancelRun(id: $id) {
      id
      status
    }
  }
`);

export const ADMIN_TOOL_CHOICES = graphql(`
  query AdminToolChoices {
    tools(first: 100) {
      nodes {
        id
        key
        name
      }
    }
  }
`);

export interface RunRecord {
  id: string;
  status: RunStatus;
  trigger: RunTrigger;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  correlationId: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
  toolId: string;
  tool: { id: string; key: string; name: string };
  /** Only on getOne. */
  detail?: {
    input: unknown;
    output: unknown;
    nextAttemptAt: string | null;
    requestedBy: { id: string; name: string; email: string } | null;
    retryOf: { id: string; status: RunStatus } | null;
    ticket: { id: string; number: number; subject: string } | null;
  };
}

function toRunRecord(ref: FragmentType<typeof RUN_FIELDS>, detailRef?: FragmentType<typeof RUN_DETAIL_FIELDS>): RunRecord {
  const r = getFragmentData(RUN_FIELDS, ref);
  const record: RunRecord = {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    error: r.error ?? null,
    correlationId: r.correlationId,
    createdAt: r.createdAt,
    startedAt: r.startedAt ?? null,
    finishedAt: r.finishedAt ?? null,
    tenantId: r.tenant.id,
    tenant: { id: r.tenant.id, slug: r.tenant.slug, name: r.tenant.name },
    toolId: r.tool.id,
    tool: { id: r.tool.id, key: r.tool.key, name: r.tool.name },
  };
  if (detailRef) {
    const d = getFragmentData(RUN_DETAIL_FIELDS, detailRef);
    record.detail = {
      input: d.input,
      output: d.output ?? null,
      nextAttemptAt: d.nextAttemptAt ?? null,
      requestedBy: d.requestedBy ? { id: d.requestedBy.id, name: d.requestedBy.name, email: d.requestedBy.email } : null,
      retryOf: d.retryOf ? { id: d.retryOf.id, status: d.retryOf.status } : null,
      ticket: d.ticket ? { id: d.ticket.id, number: d.ticket.number, subject: d.ticket.subject } : null,
    };
  }
  return record;
}

/** A date filter value (yyyy-mm-dd from a date input, or ISO) as an instant; the `to` day is included whole. */
function dayOf(value: unknown, endOfDay: boolean): string | undefined {
  const text = textFilter(value);
  if (!text) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`) : new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The list's filter form (tenantId, toolId, status, from, to, correlationId) as a RunFilter. */
export function runFilterOf(filter: Record<string, unknown> | undefined): RunFilter | undefined {
  const f = filter ?? {};
  return compact<RunFilter>({
    tenantId: textFilter(f.tenantId),
    toolId: textFilter(f.toolId),
    status: listFilter(f.status, RUN_STATUSES),
    from: dayOf(f.from, false),
    to: dayOf(f.to, true),
    correlationId: textFilter(f.correlationId),
  });
}

/** Runs of every tenant (platform:run:read): the list with its filters and a page per run. */
export function createRunsProvider(client: ApolloClient): ResourceProvider<RunRecord> {
  return createResourceProvider<RunRecord>({
    label: { one: 'Run', many: 'Runs' },
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_RUNS_QUERY, { ...page, filter: runFilterOf(filter) }, { signal });
      return listResultOf(data.runs, (n) => toRunRecord(n));
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_RUN_QUERY, { id }, { signal });
      return data.run ? toRunRecord(data.run, data.run) : null;
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_RUNS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'AutomationRun', (n) => toRunRecord(n));
    },
    referenceTargets: ['tenantId', 'toolId'],
  });
}

export interface RunEventRecord {
  id: string;
  type: string;
  severity: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** The run's own events (run.queued, run.started, ...): its story's events about this run id. */
export async function eventsOfRun(client: ApolloClient, run: { id: string; correlationId: string }, signal?: AbortSignal): Promise<RunEventRecord[]> {
  const data = await runQuery(client, ADMIN_RUN_EVENTS_QUERY, { correlationId: run.correlationId }, { signal });
  return data.systemEvents.nodes
    .map((e) => ({ id: e.id, type: e.type, severity: e.severity, occurredAt: e.occurredAt, payload: (e.payload ?? {}) as Record<string, unknown> }))
    .filter((e) => e.payload.runId === run.id)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

export async function retryRun(client: ApolloClient, id: string): Promise<{ id: string; status: RunStatus }> {
  return (await runMutation(client, ADMIN_RETRY_RUN, { id })).retryRun;
}

export async function cancelRun(client: ApolloClient, id: string): Promise<{ id: string; status: RunStatus }> {
  return (await runMutation(client, ADMIN_CANCEL_RUN, { id })).cancelRun;
}

/** Tools to filter runs by (the catalog is small: one page). */
export async function toolChoices(client: ApolloClient, signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const data = await runQuery(client, ADMIN_TOOL_CHOICES, {}, { signal });
  return data.tools.nodes.map((t) => ({ id: t.id, name: `${t.name} (${t.key})` }));
}

/* ------------------------------------------------------------------ */
/* Inbound messages                                                    */
/* ------------------------------------------------------------------ */

const MESSAGE_FIELDS = graphql(`
  fragment AdminMessageFields on InboundMessage {
    id
    channel
    sender
    subject
    status
    error
    errorReason
    externalId
    correlationId
    receivedAt
    processedAt
    payload
    tenant {
      id
      slug
      name
    }
    run {
      id
      status
    }
    ticket {
      id
      number
      subject
    }
  }
`);

export const ADMIN_MESSAGES_QUERY = graphql(`
  query AdminMessages($first: Int, $offset: Int, $filter: MessageFilter) {
    messages(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminMessageFields
      }
    }
  }
`);

export const ADMIN_MESSAGE_QUERY = graphql(`
  query AdminMessage($id: ID!) {
    message(id: $id) {
      ...AdminMessageFields
    }
  }
`);

export const ADMIN_MESSAGES_BY_IDS_QUERY = graphql(`
  query AdminMessagesByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on InboundMessage {
        ...AdminMessageFields
      }
    }
  }
`);

export interface MessageRecord {
  id: string;
  channel: MessageChannel;
  sender: string;
  subject: string | null;
  status: MessageStatus;
  error: string | null;
  errorReason: string | null;
  externalId: string | null;
  correlationId: string;
  receivedAt: string;
  processedAt: string | null;
  payload: unknown;
  tenantId: string;
  tenant: { id: string; slug: string; name: string };
  run: { id: string; status: RunStatus } | null;
  ticket: { id: string; number: number; subject: string } | null;
}

function toMessageRecord(ref: FragmentType<typeof MESSAGE_FIELDS>): MessageRecord {
  const m = getFragmentData(MESSAGE_FIELDS, ref);
  return {
    id: m.id,
    channel: m.channel,
    sender: m.sender,
    subject: m.subject ?? null,
    status: m.status,
    error: m.error ?? null,
    errorReason: m.errorReason ?? null,
    externalId: m.externalId ?? null,
    correlationId: m.correlationId,
    receivedAt: m.receivedAt,
    processedAt: m.processedAt ?? null,
    payload: m.payload,
    tenantId: m.tenant.id,
    tenant: { id: m.tenant.id, slug: m.tenant.slug, name: m.tenant.name },
    run: m.run ? { id: m.run.id, status: m.run.status } : null,
    ticket: m.ticket ? { id: m.ticket.id, number: m.ticket.number, subject: m.ticket.subject } : null,
  };
}

/** The list's filter form (tenantId, status, sender, from, to) as a MessageFilter. */
export function messageFilterOf(filter: Record<string, unknown> | undefined): MessageFilter | undefined {
  const f = filter ?? {};
  return compact<MessageFilter>({
    tenantId: textFilter(f.tenantId),
    status: listFilter(f.status, MESSAGE_STATUSES),
    sender: textFilter(f.sender),
    from: dayOf(f.from, false),
    to: dayOf(f.to, true),
  });
}

/** Inbound messages of every tenant (platform:message:read) with their outcome. */
export function createMessagesProvider(client: ApolloClient): ResourceProvider<MessageRecord> {
  return createResourceProvider<MessageRecord>({
    label: { one: 'Message', many: 'Messages' },
    async list({ page, filter, signal }) {
      const data = await runQuery(client, ADMIN_MESSAGES_QUERY, { ...page, filter: messageFilterOf(filter) }, { signal });
      return listResultOf(data.messages, (n) => toMessageRecord(n));
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_MESSAGE_QUERY, { id }, { signal });
      return data.message ? toMessageRecord(data.message) : null;
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_MESSAGES_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'InboundMessage', (n) => toMessageRecord(n));
    },
    referenceTargets: ['tenantId'],
  });
}

