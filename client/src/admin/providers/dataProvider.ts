import type { ApolloClient } from '@apollo/client';
import { type CreateParams, type DataProvider, HttpError, type RaRecord, type UpdateParams } from 'ra-core';
import type { AdminResource } from '../admin-resource';
import type { RESOURCES } from '../resource-names';
import { ADMIN_RESOURCES } from '../resources';
import { type ApiKeyRecord, revokeApiKey } from './apiKeys.provider';
import { type InvitationRecord, invitationsOfTenant, resendInvitation, revokeInvitation } from './invitations';
import { rolesOfTenant, type RoleSummary } from './memberships.provider';
import { createRole, deleteRole, tenantPermissions, updateRole } from './roles.provider';
import { type ResourceProvider, unsupported } from './resource-provider';
import { disableWebhookEndpoint, type WebhookEndpointRecord } from './webhooks.provider';
import type { SessionStore } from '../../shared/session';
import { decideKycDocument, type KycReviewStep, runKycReviewStep } from './kyc.provider';
import { fetchAdminFile } from './stored-files';
import type { KycCaseStatus, KycDocumentDecision, KycDocumentStatus, IncidentStatus, RunStatus } from '../../gql/graphql';
import {
  addIncidentNote,
  type IncidentEventRecord,
  type IncidentTicketRecord,
  linkIncidentEvents,
  linkIncidentTickets,
  searchIncidentEvents,
  searchIncidentTickets,
  transitionIncident,
} from './incidents.provider';
import { addTicketComment, deleteTicketAttachment } from './tickets.provider';
import { cancelRun, eventsOfRun, retryRun, type RunEventRecord, toolChoices } from './runs.provider';
import { type Trace, traceOf } from './trace.provider';
import { type Histogram, systemEventHistogram } from './systemEvents.provider';
import { type CsvExport, type ExportListName, fetchCsvExport } from './exports.provider';
import { type EntitlementRecord, quotaUsageOfTenant, type QuotaUsageRecord, revokeEntitlement } from './entitlements.provider';
import { deactivateUser, reactivateUser, revokeUserSessions, sessionsOfUser, type UserRecord, type UserSessionRecord } from './users.provider';

/**
 * react-admin's DataProvider plus the back office's custom calls: what a page shows or does
 * beside its resource's records (a tenant's roles and invitations, a user's sessions and status,
 * revoking an API key, disabling a webhook endpoint).
 * Each takes the resource whose page calls it first, as react-admin's own methods do.
 */
export interface AdminDataProvider extends DataProvider<string> {
  rolesOfTenant(resource: typeof RESOURCES.memberships | typeof RESOURCES.tenants, params: { tenantId: string }): Promise<{ data: RoleSummary[] }>;
  tenantPermissions(resource: typeof RESOURCES.tenants, params: { signal?: AbortSignal }): Promise<{ data: string[] }>;
  createRole(resource: typeof RESOURCES.tenants, params: { tenantId: string; name: string; description: string | null; permissions: string[] }): Promise<{ data: RoleSummary }>;
  updateRole(resource: typeof RESOURCES.tenants, params: { id: string; description: string | null; permissions: string[] }): Promise<{ data: RoleSummary }>;
  deleteRole(resource: typeof RESOURCES.tenants, params: { id: string }): Promise<{ data: null }>;
  invitationsOfTenant(resource: typeof RESOURCES.tenants, params: { tenantId: string; signal?: AbortSignal }): Promise<{ data: InvitationRecord[]; total: number }>;
  resendInvitation(resource: typeof RESOURCES.tenants, params: { id: string }): Promise<{ data: InvitationRecord }>;
  revokeInvitation(resource: typeof RESOURCES.tenants, params: { id: string }): Promise<{ data: InvitationRecord }>;
  sessionsOfUser(resource: typeof RESOURCES.users, params: { userId: string; signal?: AbortSignal }): Promise<{ data: UserSessionRecord[]; total: number }>;
  revokeUserSessions(resource: typeof RESOURCES.users, params: { userId: string }): Promise<{ data: { revoked: number } }>;
  deactivateUser(resource: typeof RESOURCES.users, params: { id: string }): Promise<{ data: UserRecord }>;
  reactivateUser(resource: typeof RESOURCES.users, params: { id: string }): Promise<{ data: UserRecord }>;
  revokeApiKey(resource: typeof RESOURCES.apiKeys, params: { id: string }): Promise<{ data: ApiKeyRecord }>;
  disableWebhookEndpoint(resource: typeof RESOURCES.webhookEndpoints, params: { id: string }): Promise<{ data: WebhookEndpointRecord }>;
  kycReviewStep(resource: typeof RESOURCES.kycCases, params: KycReviewStep): Promise<{ data: { id: string; status: KycCaseStatus; version: number } }>;
  decideKycDocument(resource: typeof RESOURCES.kycCases, params: { id: string; decision: KycDocumentDecision; reason: string }): Promise<{ data: { id: string; status: KycDocumentStatus; filename: string } }>;
  kycDocumentFile(resource: typeof RESOURCES.kycCases, params: { path: string; signal?: AbortSignal }): Promise<{ data: Blob }>;
  transitionIncident(resource: typeof RESOURCES.incidents, params: { id: string; to: IncidentStatus; note?: string | null }): Promise<{ data: { id: string; status: IncidentStatus } }>;
  addIncidentNote(resource: typeof RESOURCES.incidents, params: { incidentId: string; body: string; internal: boolean }): Promise<{ data: { id: string; internal: boolean } }>;
  linkIncidentTickets(resource: typeof RESOURCES.incidents, params: { incidentId: string; ticketIds: string[] }): Promise<{ data: null }>;
  linkIncidentEvents(resource: typeof RESOURCES.incidents, params: { incidentId: string; eventIds: string[] }): Promise<{ data: null }>;
  searchIncidentTickets(resource: typeof RESOURCES.incidents, params: { text?: string; tenantId?: string; signal?: AbortSignal }): Promise<{ data: IncidentTicketRecord[]; total: number }>;
  searchIncidentEvents(resource: typeof RESOURCES.incidents, params: { type?: string; tenantId?: string; signal?: AbortSignal }): Promise<{ data: IncidentEventRecord[]; total: number }>;
  addTicketComment(resource: typeof RESOURCES.tickets, params: { ticketId: string; body: string; internal: boolean }): Promise<{ data: { id: string; internal: boolean } }>;
  deleteTicketAttachment(resource: typeof RESOURCES.tickets, params: { id: string }): Promise<{ data: { id: string } }>;
  ticketAttachmentFile(resource: typeof RESOURCES.tickets, params: { path: string; signal?: AbortSignal }): Promise<{ data: Blob }>;
  /**
   * The bearer token for an upload over HTTP (the upload routes are not GraphQL): the current
   * one, or, with `renew`, a fresh one after the server refused `rejected` (401). Null without a session.
   */
  uploadToken(resource: string, params: { renew?: boolean; rejected?: string | null }): Promise<{ data: string | null }>;
  retryRun(resource: typeof RESOURCES.runs, params: { id: string }): Promise<{ data: { id: string; status: RunStatus } }>;
  cancelRun(resource: typeof RESOURCES.runs, params: { id: string }): Promise<{ data: { id: string; status: RunStatus } }>;
  eventsOfRun(resource: typeof RESOURCES.runs, params: { id: string; correlationId: string; signal?: AbortSignal }): Promise<{ data: RunEventRecord[] }>;
  toolChoices(resource: typeof RESOURCES.runs, params: { signal?: AbortSignal }): Promise<{ data: { id: string; name: string }[] }>;
  revokeEntitlement(resource: typeof RESOURCES.entitlements, params: { id: string; reason?: string | null }): Promise<{ data: EntitlementRecord }>;
  quotaUsage(resource: typeof RESOURCES.entitlements, params: { tenantId: string; signal?: AbortSignal }): Promise<{ data: QuotaUsageRecord[] }>;
  systemEventHistogram(resource: typeof RESOURCES.systemEvents, params: { filter: Record<string, unknown>; buckets: number; signal?: AbortSignal }): Promise<{ data: Histogram }>;
  trace(resource: typeof RESOURCES.systemEvents, params: { id: string; signal?: AbortSignal }): Promise<{ data: Trace }>;
  exportCsv(resource: string, params: { list: ExportListName; filter?: unknown; orderBy?: unknown; signal?: AbortSignal }): Promise<{ data: CsvExport }>;
}

/**
 * One react-admin DataProvider composed of explicit, typed per-resource providers written
 * against the generated documents (no introspection at run time). react-admin's methods are
 * generic over whatever record type a caller names; each resource provider is typed for its
 * own records, so this is the one place where the two meet.
 */
export function createDataProvider(client: ApolloClient, resources: readonly AdminResource[] = ADMIN_RESOURCES, session?: SessionStore): AdminDataProvider {
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
    tenantPermissions: async (_resource: string, { signal }: { signal?: AbortSignal }) => ({ data: await tenantPermissions(client, signal) }),
    createRole: async (_resource: string, input: { tenantId: string; name: string; description: string | null; permissions: string[] }) => ({ data: await createRole(client, input) }),
    updateRole: async (_resource: string, input: { id: string; description: string | null; permissions: string[] }) => ({ data: await updateRole(client, input) }),
    deleteRole: async (_resource: string, { id }: { id: string }) => {
      await deleteRole(client, id);
      return { data: null };
    },
    invitationsOfTenant: async (_resource: string, { tenantId, signal }: { tenantId: string; signal?: AbortSignal }) => invitationsOfTenant(client, tenantId, signal),
    resendInvitation: async (_resource: string, { id }: { id: string }) => ({ data: await resendInvitation(client, id) }),
    revokeInvitation: async (_resource: string, { id }: { id: string }) => ({ data: await revokeInvitation(client, id) }),
    sessionsOfUser: async (_resource: string, { userId, signal }: { userId: string; signal?: AbortSignal }) => sessionsOfUser(client, userId, signal),
    revokeUserSessions: async (_resource: string, { userId }: { userId: string }) => ({ data: { revoked: await revokeUserSessions(client, userId) } }),
    deactivateUser: async (_resource: string, { id }: { id: string }) => ({ data: await deactivateUser(client, id) }),
    reactivateUser: async (_resource: string, { id }: { id: string }) => ({ data: await reactivateUser(client, id) }),
    revokeApiKey: async (_resource: string, { id }: { id: string }) => ({ data: await revokeApiKey(client, id) }),
    disableWebhookEndpoint: async (_resource: string, { id }: { id: string }) => ({ data: await disableWebhookEndpoint(client, id) }),
    kycReviewStep: async (_resource: string, params: KycReviewStep) => ({ data: await runKycReviewStep(client, params) }),
    decideKycDocument: async (_resource: string, params: { id: string; decision: KycDocumentDecision; reason: string }) => ({ data: await decideKycDocument(client, params) }),
    kycDocumentFile: async (_resource: string, { path, signal }: { path: string; signal?: AbortSignal }) => ({ data: await fetchAdminFile(session, 'kycDocument', path, signal) }),
    transitionIncident: async (_resource: string, params: { id: string; to: IncidentStatus; note?: string | null }) => ({ data: await transitionIncident(client, params) }),
    addIncidentNote: async (_resource: string, params: { incidentId: string; body: string; internal: boolean }) => ({ data: await addIncidentNote(client, params) }),
    linkIncidentTickets: async (_resource: string, params: { incidentId: string; ticketIds: string[] }) => {
      await linkIncidentTickets(client, params);
      return { data: null };
    },
    linkIncidentEvents: async (_resource: string, params: { incidentId: string; eventIds: string[] }) => {
      await linkIncidentEvents(client, params);
      return { data: null };
    },
    searchIncidentTickets: async (_resource: string, params: { text?: string; tenantId?: string; signal?: AbortSignal }) => searchIncidentTickets(client, params),
    searchIncidentEvents: async (_resource: string, params: { type?: string; tenantId?: string; signal?: AbortSignal }) => searchIncidentEvents(client, params),
    addTicketComment: async (_resource: string, params: { ticketId: string; body: string; internal: boolean }) => ({ data: await addTicketComment(client, params) }),
    deleteTicketAttachment: async (_resource: string, { id }: { id: string }) => ({ data: { id: await deleteTicketAttachment(client, id) } }),
    ticketAttachmentFile: async (_resource: string, { path, signal }: { path: string; signal?: AbortSignal }) => ({ data: await fetchAdminFile(session, 'ticketAttachment', path, signal) }),
    uploadToken: async (_resource: string, { renew, rejected }: { renew?: boolean; rejected?: string | null }) => {
      if (!session) return { data: null };
      return { data: renew ? await session.renew(rejected ?? null) : await session.validAccessToken() };
    },
    retryRun: async (_resource: string, { id }: { id: string }) => ({ data: await retryRun(client, id) }),
    cancelRun: async (_resource: string, { id }: { id: string }) => ({ data: await cancelRun(client, id) }),
    eventsOfRun: async (_resource: string, { signal, ...run }: { id: string; correlationId: string; signal?: AbortSignal }) => ({ data: await eventsOfRun(client, run, signal) }),
    toolChoices: async (_resource: string, { signal }: { signal?: AbortSignal }) => ({ data: await toolChoices(client, signal) }),
    revokeEntitlement: async (_resource: string, params: { id: string; reason?: string | null }) => ({ data: await revokeEntitlement(client, params) }),
    systemEventHistogram: async (_resource: string, params: { filter: Record<string, unknown>; buckets: number; signal?: AbortSignal }) => ({ data: await systemEventHistogram(client, params) }),
    trace: async (_resource: string, { id, signal }: { id: string; signal?: AbortSignal }) => ({ data: await traceOf(client, id, signal) }),
    exportCsv: async (_resource: string, params: { list: ExportListName; filter?: unknown; orderBy?: unknown; signal?: AbortSignal }) => ({ data: await fetchCsvExport(session, params) }),
    quotaUsage: async (_resource: string, { tenantId, signal }: { tenantId: string; signal?: AbortSignal }) => ({ data: await quotaUsageOfTenant(client, tenantId, signal) }),
  } as AdminDataProvider;
  return dataProvider;
}
