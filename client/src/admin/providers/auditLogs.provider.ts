import type { ApolloClient } from '@apollo/client';
import { HttpError, type SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { AuditLogFilter, AuditLogOrder, StaffRole } from '../../gql/graphql';
import { runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, nodeOfType, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const AUDIT_LOG_FIELDS = graphql(`
  fragment AdminAuditLogFields on AuditLog {
    id
    action
    createdAt
    correlationId
    ip
    targetId
    targetType
    diff
    actor {
      id
      name
      email
      staffRole
    }
    tenant {
      id
      slug
      name
    }
  }
`);

export const ADMIN_AUDIT_LOGS_QUERY = graphql(`
  query AdminAuditLogs($first: Int, $offset: Int, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {
    auditLogs(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminAuditLogFields
      }
    }
  }
`);

export const ADMIN_AUDIT_LOG_QUERY = graphql(`
  query AdminAuditLog($id: ID!) {
    node(id: $id) {
      __typename
      ... on AuditLog {
        ...AdminAuditLogFields
      }
    }
  }
`);

export const ADMIN_AUDIT_LOGS_BY_IDS_QUERY = graphql(`
  query AdminAuditLogsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on AuditLog {
        ...AdminAuditLogFields
      }
    }
  }
`);

export interface AuditLogRecord {
  id: string;
  action: string;
  createdAt: string;
  correlationId: string | null;
  ip: string | null;
  targetId: string | null;
  targetType: string | null;
  /** Before/after values as the server recorded them (free-form JSON). */
  diff: unknown;
  actorId: string | null;
  actor: { id: string; name: string; email: string; staffRole: StaffRole | null } | null;
  tenantId: string | null;
  tenant: { id: string; slug: string; name: string } | null;
}

function toAuditLogRecord(ref: FragmentType<typeof AUDIT_LOG_FIELDS>): AuditLogRecord {
  const a = getFragmentData(AUDIT_LOG_FIELDS, ref);
  return {
    id: a.id,
    action: a.action,
    createdAt: a.createdAt,
    correlationId: a.correlationId ?? null,
    ip: a.ip ?? null,
    targetId: a.targetId ?? null,
    targetType: a.targetType ?? null,
    diff: a.diff ?? null,
    actorId: a.actor?.id ?? null,
    actor: a.actor ? { id: a.actor.id, name: a.actor.name, email: a.actor.email, staffRole: a.actor.staffRole ?? null } : null,
    tenantId: a.tenant?.id ?? null,
    tenant: a.tenant ? { id: a.tenant.id, slug: a.tenant.slug, name: a.tenant.name } : null,
  };
}

/**
 * A date filter value as an instant. A date alone ("2026-09-01", from a date input) means the
 * start of that day for `from` and its end for `to`, in the browser's time zone; anything else
 * must parse as a date.
 */
export function auditInstantOf(value: unknown, edge: 'from' | 'to'): string | undefined {
  const text = textFilter(value);
  if (!text) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day
    ? edge === 'from'
      ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 0, 0, 0, 0)
      : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59, 999)
    : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new HttpError(`"${text}" is not a date.`, 400, { code: 'BAD_USER_INPUT', errors: { [edge]: 'Not a date.' } });
  }
  return date.toISOString();
}

/** The list's filter form (actorId, action, targetId, correlationId, from, to, tenantId) as an AuditLogFilter. */
export function auditLogFilterOf(filter: Record<string, unknown> | undefined): AuditLogFilter | undefined {
  const f = filter ?? {};
  return compact<AuditLogFilter>({
    actorId: textFilter(f.actorId),
    action: textFilter(f.action),
    targetId: textFilter(f.targetId),
    correlationId: textFilter(f.correlationId),
    from: auditInstantOf(f.from, 'from'),
    to: auditInstantOf(f.to, 'to'),
    tenantId: textFilter(f.tenantId),
  });
}

/** The audit trail sorts by time only; newest first by default. */
export const AUDIT_LOG_SORT_FIELDS = { createdAt: 'CREATED_AT' } as const;

export function auditLogOrderOf(sort: SortPayload | undefined): AuditLogOrder {
  return orderOf(sort, AUDIT_LOG_SORT_FIELDS, { field: 'CREATED_AT', direction: 'DESC' });
}

/** The audit trail: read-only. */
export function createAuditLogsProvider(client: ApolloClient): ResourceProvider<AuditLogRecord> {
  return createResourceProvider<AuditLogRecord>({
    label: { one: 'Audit entry', many: 'Audit entries' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_AUDIT_LOGS_QUERY, { ...page, filter: auditLogFilterOf(filter), orderBy: auditLogOrderOf(sort) }, { signal });
      return listResultOf(data.auditLogs, toAuditLogRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_AUDIT_LOG_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'AuditLog', toAuditLogRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_AUDIT_LOGS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'AuditLog', toAuditLogRecord);
    },
    referenceTargets: ['actorId', 'targetId', 'tenantId', 'correlationId'],
  });
}
