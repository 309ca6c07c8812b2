import type { ApolloClient } from '@apollo/client';
import { HttpError, type SortPayload } from 'ra-core';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { TenantFilter, TenantOrder } from '../../gql/graphql';
import { type AdminErrorBody, adminErrorCode, type AdminHttpError, runMutation, runQuery } from './graphql';
import { type InvitationRecord, toInvitationRecord } from './invitations';
import { compact, createResourceProvider, listResultOf, nodesOfType, orderOf, type ResourceProvider, textFilter } from './resource-provider';

const TENANT_FIELDS = graphql(`
  fragment AdminTenantFields on Tenant {
    id
    slug
    name
    requireTwoFactor
    createdAt
    updatedAt
  }
`);

export const ADMIN_TENANTS_QUERY = graphql(`
  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {
    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes {
        ...AdminTenantFields
      }
    }
  }
`);

export const ADMIN_TENANT_QUERY = graphql(`
  query AdminTenant($id: ID!) {
    tenant(id: $id) {
      ...AdminTenantFields
    }
  }
`);

export const ADMIN_TENANTS_BY_IDS_QUERY = graphql(`
  query AdminTenantsByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Tenant {
        ...AdminTenantFields
      }
    }
  }
`);

export const ADMIN_CREATE_TENANT_MUTATION = graphql(`
  mutation AdminCreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        ...AdminTenantFields
      }
      invitation {
        ...AdminInvitationFields
      }
    }
  }
`);

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  /** Members must sign in with a second factor (the tenant's owners set it). */
  requireTwoFactor: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only on the record createTenant answered: the invitation mailed to the first owner. */
  ownerInvitation?: InvitationRecord;
}

function toTenantRecord(ref: FragmentType<typeof TENANT_FIELDS>): TenantRecord {
  const t = getFragmentData(TENANT_FIELDS, ref);
  return { id: t.id, slug: t.slug, name: t.name, requireTwoFactor: t.requireTwoFactor, createdAt: t.createdAt, updatedAt: t.updatedAt };
}

/** What the create form edits. */
export interface NewTenantValues {
  name?: unknown;
  slug?: unknown;
  ownerEmail?: unknown;
  ownerName?: unknown;
}

/** The API's slug rule (CreateTenantInput.slug): 2-63 of a-z, 0-9 and "-", not starting with "-". */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const SLUG_RULE = 'Use 2–63 lowercase letters, digits and "-", starting with a letter or digit.';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The create form's checks, before anything is sent: what the API would refuse anyway, said next
 * to the field. Answers react-admin's form errors (empty when the values may be sent).
 */
export function validateNewTenant(values: NewTenantValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = text(values.name);
  const slug = text(values.slug);
  const ownerEmail = text(values.ownerEmail);
  if (!name) errors.name = 'Enter the organisation’s name.';
  else if (name.length > 200) errors.name = 'Use at most 200 characters.';
  if (!slug) errors.slug = 'Enter a slug.';
  else if (!SLUG_PATTERN.test(slug)) errors.slug = SLUG_RULE;
  if (!ownerEmail) errors.ownerEmail = 'Enter the owner’s email address.';
  else if (!EMAIL_PATTERN.test(ownerEmail) || ownerEmail.length > 320) errors.ownerEmail = 'Enter a valid email address.';
  if (text(values.ownerName).length > 200) errors.ownerName = 'Use at most 200 characters.';
  return errors;
}

/**
 * A slug suggested from a name: lowercase ASCII letters and digits, words joined by "-", accents
 * dropped ("Café Zürich GmbH" -> "cafe-zurich-gmbh"), at most 63 characters.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** A slug already taken answers CONFLICT (naming the slug field, or not): it belongs next to the slug either way. */
function onSlugWhenConflict(error: unknown): unknown {
  if (!(error instanceof HttpError) || adminErrorCode(error) !== 'CONFLICT') return error;
  const body = (error as AdminHttpError).body as AdminErrorBody;
  if (body.errors) return error;
  return new HttpError(error.message, error.status, { ...body, errors: { slug: error.message, root: { serverError: error.message } } });
}

/** The list's search box (`q`, also what autocomplete inputs send) as a TenantFilter. */
export function tenantFilterOf(filter: Record<string, unknown> | undefined): TenantFilter | undefined {
  // The API accepts 1 to 100 characters.
  return compact<TenantFilter>({ search: textFilter(filter?.q)?.slice(0, 100) });
}

/** Columns the API sorts tenants by; oldest first by default. */
export const TENANT_SORT_FIELDS = { name: 'NAME', slug: 'SLUG', createdAt: 'CREATED_AT' } as const;

export function tenantOrderOf(sort: SortPayload | undefined): TenantOrder {
  return orderOf(sort, TENANT_SORT_FIELDS, { field: 'CREATED_AT', direction: 'ASC' });
}

/** Tenants: listed and read; platform:tenant:manage creates them (the owner is invited by mail). */
export function createTenantsProvider(client: ApolloClient): ResourceProvider<TenantRecord> {
  return createResourceProvider<TenantRecord>({
    label: { one: 'Tenant', many: 'Tenants' },
    async list({ page, sort, filter, signal }) {
      const data = await runQuery(client, ADMIN_TENANTS_QUERY, { ...page, filter: tenantFilterOf(filter), orderBy: tenantOrderOf(sort) }, { signal });
      return listResultOf(data.tenants, toTenantRecord);
    },
    async one(id, signal) {
      const data = await runQuery(client, ADMIN_TENANT_QUERY, { id }, { signal });
      return data.tenant ? toTenantRecord(data.tenant) : null;
    },
    async many(ids, signal) {
      const data = await runQuery(client, ADMIN_TENANTS_BY_IDS_QUERY, { ids }, { signal, partial: true });
      return nodesOfType(data.nodes, 'Tenant', toTenantRecord);
    },
    async create(data) {
      const values = data as NewTenantValues;
      const errors = validateNewTenant(values);
      const first = Object.values(errors)[0];
      if (first) throw new HttpError(first, 400, { code: 'BAD_USER_INPUT', errors: { ...errors, root: { serverError: first } } });
      const ownerName = text(values.ownerName);
      const input = { name: text(values.name), slug: text(values.slug), ownerEmail: text(values.ownerEmail), ownerName: ownerName || null };
      const result = await runMutation(client, ADMIN_CREATE_TENANT_MUTATION, { input }).catch((error: unknown) => {
        throw onSlugWhenConflict(error);
      });
      return { ...toTenantRecord(result.createTenant.tenant), ownerInvitation: toInvitationRecord(result.createTenant.invitation) };
    },
  });
}
