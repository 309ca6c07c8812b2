import type { ApolloClient } from '@apollo/client';
import { HttpError } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { runMutation, runQuery } from './graphql';
import { compact, createResourceProvider, listResultOf, nodeOfType, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

const ENTITLEMENT_FIELDS = graphql(`
  fragment AdminEntitlementFields on Entitlement {
    id
    feature
    plan
    limits
    validFrom
    validUntil
    revokedAt
    revokeReason
    active
    createdAt
    tool {
      id
      key
      name
    }
    tenant {
      id
      slug
      name
    }
  }
`);

export const ADMIN_ENTITLEMENTS_QUERY = graphql(`
  query AdminEntitlements($first: Int, $offset: Int, $filter: EntitlementFilter) {
    entitlements(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...AdminEntitlementFields
      }
    }
  }
`);

export const ADMIN_ENTITLEMENT_QUERY = graphql(`
  query AdminEntitlement($id: ID!) {
    node(id: $id) {
      __typename
      ... on Entitlement {
        ...AdminEntitlementFields
      }
    }
  }
`);

export const ADMIN_ENTITLEMENTS_BY_IDS_QUERY = graphql(`
  query AdminEntitlementsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Entitlement {
        ...AdminEntitlementFields
      }
    }
  }
`);

export const ADMIN_GRANT_ENTITLEMENT_MUTATION = graphql(`
  mutation AdminGrantEntitlement($input: GrantEntitlementInput!) {
    grantEntitlement(input: $input) {
      ...AdminEntitlementFields
    }
  }
`);

export const ADMIN_REVOKE_ENTITLEMENT_MUTATION = graphql(`
  mutation AdminRevokeEntitlement($input: RevokeEntitlementInput!) {
    revokeEntitlement(input: $input) {
      ...AdminEntitlementFields
    }
  }
`);

export const ADMIN_QUOTA_USAGE_QUERY = graphql(`
  query AdminQuotaUsage($tenantId: ID!) {
    quotaUsage(tenantId: $tenantId) {
      entitlementId
      feature
      label
      plan
      used
      limit
      resetsAt
    }
  }
`);

export interface EntitlementRecord {
  id: string;
  feature: string;
  plan: string;
  limits: Record<string, number>;
  /** The runsPerMonth limit, when the grant has one (the form's quota field). */
  runsPerMonth: number | null;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  active: boolean;
  createdAt: string;
  tool: { id: string; key: string; name: string } | null;
  toolId: string | null;
  tenant: { id: string; slug: string; name: string };
  tenantId: string;
}

export interface QuotaUsageRecord {
  entitlementId: string;
  feature: string;
  label: string;
  plan: string;
  used: number;
  limit: number | null;
  resetsAt: string;
}

function toEntitlementRecord(ref: FragmentType<typeof ENTITLEMENT_FIELDS>): EntitlementRecord {
  const e = getFragmentData(ENTITLEMENT_FIELDS, ref);
  const limits = (typeof e.limits === 'object' && e.limits !== null ? e.limits : {}) as Record<string, number>;
  return {
    id: e.id,
    feature: e.feature,
    plan: e.plan,
    limits,
    runsPerMonth: typeof limits.runsPerMonth === 'number' ? limits.runsPerMonth : null,
    validFrom: e.validFrom,
    validUntil: e.validUntil ?? null,
    revokedAt: e.revokedAt ?? null,
    revokeReason: e.revokeReason ?? null,
    active: e.active,
    createdAt: e.createdAt,
    tool: e.tool ? { id: e.tool.id, key: e.tool.key, name: e.tool.name } : null,
    toolId: e.tool?.id ?? null,
    tenant: { id: e.tenant.id, slug: e.tenant.slug, name: e.tenant.name },
    tenantId: e.tenant.id,
  };
}

/** An ISO date, a Date or a date input's "YYYY-MM-DD" as a Date; empty: undefined. */
function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function refused(field: string, message: string): HttpError {
  return new HttpError(message, 400, { code: 'BAD_USER_INPUT', errors: { [field]: message, root: { serverError: message } } });
}

/** The API's input field names as the form's sources. */
const FIELD_NAMES = { 'limits.runsPerMonth': 'runsPerMonth', limits: 'runsPerMonth' };

/** Entitlements of every tenant: listed (tenant, tool, active), granted and revoked by staff with platform:entitlement:manage. */
export function createEntitlementsProvider(client: ApolloClient): ResourceProvider<EntitlementRecord> {
  return createResourceProvider<EntitlementRecord>({
    label: { one: 'Entitlement', many: 'Entitlements' },
    referenceTargets: ['tenantId', 'toolId'],
    async list({ page, filter, signal }) {
      const active = filter.active === 'true' || filter.active === true ? true : filter.active === 'false' || filter.active === false ? false : undefined;
      const data = await runQuery(
        client,
        ADMIN_ENTITLEMENTS_QUERY,
        { ...page, filter: compact({ tenantId: textFilter(filter.tenantId), toolId: textFilter(filter.toolId), feature: textFilter(filter.feature), active }) },
        { signal },
      );
      return listResultOf(data.entitlements, toEntitlementRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_ENTITLEMENT_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'Entitlement', toEntitlementRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_ENTITLEMENTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Entitlement', toEntitlementRecord);
    },
    /** A grant: a tenant, a tool, a plan, an optional monthly run quota and validity dates. */
    async create(data) {
      const tenantId = textFilter(data.tenantId);
      const toolId = textFilter(data.toolId);
      if (!tenantId) throw refused('tenantId', 'Choose the tenant.');
      if (!toolId) throw refused('toolId', 'Choose the tool.');
      const quota = data.runsPerMonth as unknown;
      let limits: Record<string, number> | undefined;
      if (quota !== null && quota !== undefined && quota !== '') {
        const n = Number(quota);
        if (!Number.isInteger(n) || n < 0) throw refused('runsPerMonth', 'The quota is a whole number of runs, 0 or more.');
        limits = { runsPerMonth: n };
      }
      const validFrom = dateOf(data.validFrom);
      const validUntil = dateOf(data.validUntil);
      if (validFrom && validUntil && validUntil <= validFrom) throw refused('validUntil', 'The end must be after the start.');
      const r = await runMutation(
        client,
        ADMIN_GRANT_ENTITLEMENT_MUTATION,
        { input: { tenantId, toolId, plan: (data.plan ?? '').trim(), limits, validFrom: validFrom?.toISOString(), validUntil: validUntil?.toISOString() } },
        FIELD_NAMES,
      );
      return toEntitlementRecord(r.grantEntitlement);
    },
  });
}

export async function revokeEntitlement(client: ApolloClient, params: { id: string; reason?: string | null }): Promise<EntitlementRecord> {
  const reason = params.reason?.trim() ? params.reason.trim() : null;
  const r = await runMutation(client, ADMIN_REVOKE_ENTITLEMENT_MUTATION, { input: { id: params.id, reason } });
  return toEntitlementRecord(r.revokeEntitlement);
}

export async function quotaUsageOfTenant(client: ApolloClient, tenantId: string, signal?: AbortSignal): Promise<QuotaUsageRecord[]> {
  const data = await runQuery(client, ADMIN_QUOTA_USAGE_QUERY, { tenantId }, { signal });
  return data.quotaUsage.map((q) => ({ ...q, limit: q.limit ?? null }));
}
