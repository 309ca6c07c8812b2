import type { ApolloClient } from '@apollo/client';
import { HttpError } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { FeatureFlagOverrideInput } from '../../gql/graphql';
import { runMutation, runQuery } from './graphql';
import { createResourceProvider, listResultOf, MAX_PAGE_SIZE, nodeOfType, nodesOfType, type ResourceProvider, textFilter } from './resource-provider';

const FEATURE_FLAG_FIELDS = graphql(`
  fragment AdminFeatureFlagFields on FeatureFlag {
    id
    key
    description
    defaultEnabled
    createdAt
    updatedAt
    overrides {
      id
      enabled
      updatedAt
      tenant {
        id
        slug
        name
      }
    }
  }
`);

export const ADMIN_FEATURE_FLAGS_QUERY = graphql(`
  query AdminFeatureFlags($first: Int, $offset: Int) {
    featureFlags(first: $first, offset: $offset) {
      totalCount
      nodes {
        ...AdminFeatureFlagFields
      }
    }
  }
`);

export const ADMIN_FEATURE_FLAG_QUERY = graphql(`
  query AdminFeatureFlag($id: ID!) {
    node(id: $id) {
      __typename
      ... on FeatureFlag {
        ...AdminFeatureFlagFields
      }
    }
  }
`);

export const ADMIN_FEATURE_FLAGS_BY_IDS_QUERY = graphql(`
  query AdminFeatureFlagsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on FeatureFlag {
        ...AdminFeatureFlagFields
      }
    }
  }
`);

export const ADMIN_SET_FEATURE_FLAG_MUTATION = graphql(`
  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {
    setFeatureFlag(input: $input) {
      ...AdminFeatureFlagFields
    }
  }
`);

export interface FlagOverride {
  tenantId: string;
  enabled: boolean;
  tenant?: { id: string; slug: string; name: string };
  updatedAt?: string;
}

export interface FeatureFlagRecord {
  id: string;
  key: string;
  description: string;
  defaultEnabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Per-tenant overrides of the default, by tenant name. */
  overrides: FlagOverride[];
}

function toFeatureFlagRecord(ref: FragmentType<typeof FEATURE_FLAG_FIELDS>): FeatureFlagRecord {
  const f = getFragmentData(FEATURE_FLAG_FIELDS, ref);
  return {
    id: f.id,
    key: f.key,
    description: f.description,
    defaultEnabled: f.defaultEnabled,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    overrides: f.overrides
      .map((o) => ({ tenantId: o.tenant.id, enabled: o.enabled, updatedAt: o.updatedAt, tenant: { id: o.tenant.id, slug: o.tenant.slug, name: o.tenant.name } }))
      .sort((a, b) => a.tenant.name.localeCompare(b.tenant.name)),
  };
}

type OverrideErrors = Record<number, { tenantId?: string; enabled?: string }>;

function badOverrides(errors: OverrideErrors, message: string): HttpError {
  return new HttpError(message, 400, { code: 'BAD_USER_INPUT', errors: { overrides: errors, root: { serverError: message } } });
}

/**
 * The complete set of overrides an edit asks for, in the form's order, or null when it is the
 * set the flag already has. Each row needs a tenant, and each tenant may appear once.
 */
export function overridesOf(next: Partial<FlagOverride>[] | undefined, previous: FlagOverride[]): FeatureFlagOverrideInput[] | null {
  const rows = next ?? previous;
  const errors: OverrideErrors = {};
  const wanted = new Map<string, boolean>();
  rows.forEach((row, index) => {
    const tenantId = textFilter(row?.tenantId);
    if (!tenantId) errors[index] = { tenantId: 'Choose a tenant.' };
    else if (wanted.has(tenantId)) errors[index] = { tenantId: 'This tenant already has an override above.' };
    else wanted.set(tenantId, row.enabled === true);
  });
  if (Object.keys(errors).length) throw badOverrides(errors, 'Fix the overrides: each needs a tenant, once.');
  const before = new Map(previous.map((o) => [o.tenantId, o.enabled]));
  const same = wanted.size === before.size && [...wanted].every(([tenantId, enabled]) => before.get(tenantId) === enabled);
  return same ? null : [...wanted].map(([tenantId, enabled]) => ({ tenantId, enabled }));
}

/** Feature flags: read, edited (default, description, overrides) and created. */
export function createFeatureFlagsProvider(client: ApolloClient): ResourceProvider<FeatureFlagRecord> {
  const allKeys = async (): Promise<Set<string>> => {
    const keys = new Set<string>();
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const data = await runQuery(client, ADMIN_FEATURE_FLAGS_QUERY, { first: MAX_PAGE_SIZE, offset });
      data.featureFlags.nodes.forEach((n) => keys.add(toFeatureFlagRecord(n).key));
      if (offset + MAX_PAGE_SIZE >= data.featureFlags.totalCount) return keys;
    }
  };

  return createResourceProvider<FeatureFlagRecord>({
    label: { one: 'Feature flag', many: 'Feature flags' },
    // The API lists flags oldest first and filters nothing; the list offers neither.
    async list({ page, signal }) {
      const data = await runQuery(client, ADMIN_FEATURE_FLAGS_QUERY, page, { signal });
      return listResultOf(data.featureFlags, toFeatureFlagRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_FEATURE_FLAG_QUERY, { id }, { signal });
      return nodeOfType(data.node, 'FeatureFlag', toFeatureFlagRecord);
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_FEATURE_FLAGS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'FeatureFlag', toFeatureFlagRecord);
    },
    /** The default, the description and the complete set of overrides in one call: all of it is saved, or none. */
    async update({ data, previousData }) {
      const overrides = overridesOf(data.overrides, previousData.overrides);
      const defaultEnabled = data.defaultEnabled ?? previousData.defaultEnabled;
      const description = data.description ?? previousData.description;
      if (!overrides && defaultEnabled === previousData.defaultEnabled && description === previousData.description) return previousData;
      const r = await runMutation(client, ADMIN_SET_FEATURE_FLAG_MUTATION, {
        input: { key: previousData.key, defaultEnabled, description, ...(overrides ? { overrides } : {}) },
      });
      return toFeatureFlagRecord(r.setFeatureFlag);
    },
    /** A new flag. setFeatureFlag also updates an existing key, so a taken key is refused here first. */
    async create(data) {
      const key = (data.key ?? '').trim();
      if (key && (await allKeys()).has(key)) {
        const message = `A flag named "${key}" already exists; edit it instead.`;
        throw new HttpError(message, 409, { code: 'CONFLICT', errors: { key: message, root: { serverError: message } } });
      }
      const r = await runMutation(client, ADMIN_SET_FEATURE_FLAG_MUTATION, {
        input: { key, defaultEnabled: data.defaultEnabled === true, description: data.description ?? '' },
      });
      return toFeatureFlagRecord(r.setFeatureFlag);
    },
  });
}
