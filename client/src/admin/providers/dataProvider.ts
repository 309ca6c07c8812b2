import type { ApolloClient } from '@apollo/client';
import { type CreateParams, type DataProvider, HttpError, type RaRecord, type UpdateParams } from 'ra-core';
import type { AdminResource } from '../admin-resource';
import type { RESOURCES } from '../resource-names';
import { ADMIN_RESOURCES } from '../resources';
import { rolesOfTenant, type RoleSummary } from './memberships.provider';
import { type ResourceProvider, unsupported } from './resource-provider';

/** react-admin's DataProvider plus the back office's one custom call. */
export interface AdminDataProvider extends DataProvider<string> {
  rolesOfTenant(resource: typeof RESOURCES.memberships, params: { tenantId: string }): Promise<{ data: RoleSummary[] }>;
}

/**
 * One react-admin DataProvider composed of explicit, typed per-resource providers written
 * against the generated documents (no introspection at run time). react-admin's methods are
 * generic over whatever record type a caller names; each resource provider is typed for its
 * own records, so this is the one place where the two meet.
 */
export function createDataProvider(client: ApolloClient, resources: readonly AdminResource[] = ADMIN_RESOURCES): AdminDataProvider {
  const providers = new Map<string, ResourceProvider<RaRecord>>(resources.map((r) => [r.name, r.provider(client)]));
  const of = (resource: string): ResourceProvider<RaRecord> => {
    const provider = providers.get(resource);
    if (!provider) throw new HttpError(`Unknown resource "${resource}".`, 404, { code: 'NOT_FOUND' });
    return provider;
  };
  // Async throughout: an unknown resource rejects like any other failure, it never throws.
  const dataProvider = {
    supportAbortSignal: true,
    getList: async (resource, params) => of(resource).getList(params),
    getOne: async (resource, params) => of(resource).getOne(params),
    getMany: async (resource, params) => of(resource).getMany(params),
    getManyReference: async (resource, params) => of(resource).getManyReference(params),
    update: async (resource, params) => of(resource).update(params as UpdateParams<RaRecord>),
    create: async (resource, params) => of(resource).create(params as CreateParams<Partial<RaRecord>>),
    delete: async (resource, params) => of(resource).delete(params),
    updateMany: (resource) => unsupported(`${resource} cannot be edited in bulk.`),
    deleteMany: (resource) => unsupported(`${resource} cannot be deleted from the back office.`),
    rolesOfTenant: async (_resource: string, { tenantId }: { tenantId: string }) => ({ data: await rolesOfTenant(client, tenantId) }),
  } as AdminDataProvider;
  return dataProvider;
}
