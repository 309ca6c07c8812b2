import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { toGlobalId } from '../src/common/global-id';
import type { KycDocument } from '../src/modules/kyc/kyc-document.entity';
import { makeKycCase, makeKycDocument } from '../src/modules/kyc/kyc.factory';
import { samplePdf } from '../src/seeders/sample-files';
import { LocalDocumentStore } from '../src/modules/kyc/kyc.storage';
import { Tenant } from '../src/modules/tenancy/tenant.entity';
import { User } from '../src/modules/users/user.entity';
import { allow } from 'graphql-shield';
import { OPEN_BEFORE_ENROLLMENT } from '../src/permissions/two-factor';
import { CLOSED_TO_API_KEYS } from '../src/permissions/api-key-gate';
import { buildBareSchema, operationRules, subscriptionRules } from '../src/schema';
import { DEMO_PASSWORD } from '../src/seeders/demo.seeder';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from './harness';

/**
 * Permissions of every Query and Mutation field.
 *
 * 1. The schema walk: every root field has a shield rule, and every rule names a real field.
 * 2. The role × operation matrix: one row per root field, one cell per actor, each cell a real
 *    request against a real server. Expectations are derived from the *.permissions.ts files
 *    and the role catalog, not from what the server happens to answer.
 */

const ACTORS = ['anonymous', 'viewer', 'member', 'agent', 'admin', 'owner', 'staff'] as const;
type Actor = (typeof ACTORS)[number];
type Expect = 'allow' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  viewer: 'viewer@acme.test',
  member: 'member@acme.test',
  agent: 'agent@acme.test',
  admin: 'admin@acme.test',
  owner: 'owner@acme.test',
  staff: 'staff@atrium.test',
};

const A = 'allow';
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';

/**
 * Who may call what. Tenant roles act in acme (their first membership); staff@atrium.test is a
 * SUPERADMIN with no membership, so tenant-only permissions (can(...)) are FORBIDDEN for staff.
 */
// prettier-ignore
const matrix: Record<string, Record<Actor, Expect>> = {
  // ---- Query ----
  auditLogs:              { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // audit:read | platform:audit:read
  featureFlags:           { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:flag:read
  me:                     { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  memberships:            { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // member:read | platform:tenant:read
  mySessions:             { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  node:                   { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  nodes:                  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  roles:                  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // member:read, or staff platform:tenant:read
  tenant:                 { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  tenants:                { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:tenant:read
  tenantPermissions:      { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (the catalog)
  ticket:                 { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // ticket:read | platform:ticket:read
  tickets:                { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // ticket:read | platform:ticket:read
  users:                  { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:user:read
  systemEvents:           { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // event:read | platform:event:read
  systemEvent:            { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // event:read | platform:event:read
  systemEventHistogram:   { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // event:read | platform:event:read
  incidents:              { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // incident:read | platform:incident:read
  incident:               { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // incident:read | platform:incident:read
  dashboard:              { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // dashboard:use (tenant only)
  correlation:            { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // correlation:read | platform:correlation:read
  kycCase:                { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // kyc:read | platform:kyc:read
  kycCases:               { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // kyc:read | platform:kyc:read
  kycDocument:            { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // kyc:read | platform:kyc:read
  kycDocuments:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // kyc:read | platform:kyc:read
  tools:                  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (global catalog)
  tool:                   { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (global catalog)
  toolPanels:             { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // tool:read | platform:tool:read
  toolPanel:              { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // tool:read | platform:tool:read
  entitlements:           { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // tool:read | platform:entitlement:read
  entitlement:            { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // tool:read | platform:entitlement:read
  quotaUsage:             { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // tool:read | platform:entitlement:read
  runs:                   { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // run:read | platform:run:read
  run:                    { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // run:read | platform:run:read
  messages:               { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // message:read | platform:message:read
  message:                { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: A }, // message:read | platform:message:read
  invitations:            { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // member:manage | platform:tenant:read
  invitationPreview:      { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public (the token is the secret)
  userSessions:           { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:user:read
  apiKeys:                { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // apikey:manage | platform:integration:read
  // ---- Mutation ----
  addTicketComment:       { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: A }, // ticket:comment | platform:ticket:reply
  deleteTicketAttachment: { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: A }, // ticket:comment | platform:ticket:reply (then uploader or agent)
  createRole:             { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: A, staff: A }, // role:manage | platform:role:manage
  createTicket:           { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: F }, // ticket:write (tenant only)
  deleteRole:             { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: A, staff: A }, // role:manage | platform:role:manage
  login:                  { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public
  logout:                 { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  refreshSession:         { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public
  revokeSession:          { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  setFeatureFlag:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:flag:manage
  setFeatureFlagOverride: { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:flag:manage
  switchTenant:           { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  updateMembershipRole:   { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // member:manage | platform:member:manage
  updateRole:             { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: A, staff: A }, // role:manage | platform:role:manage
  updateTicket:           { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: A }, // ticket:write | platform:ticket:write
  createIncident:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:incident:manage
  transitionIncident:     { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:incident:manage
  linkIncidentEvents:     { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:incident:manage
  linkIncidentTickets:    { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:incident:manage
  addIncidentNote:        { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:incident:manage
  addDashboardWidget:     { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // dashboard:use (tenant only)
  updateDashboardWidget:  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // dashboard:use (tenant only)
  moveDashboardWidget:    { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // dashboard:use (tenant only)
  removeDashboardWidget:  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // dashboard:use (tenant only)
  createKycCase:          { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // kyc:write (tenant only)
  updateKycCase:          { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // kyc:write (tenant only)
  submitKycCase:          { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // kyc:write (tenant only)
  deleteKycDocument:      { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // kyc:write (tenant only)
  startKycReview:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:kyc:review
  recommendKycCase:       { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:kyc:review
  requestKycInfo:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:kyc:review
  decideKycCase:          { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:kyc:review
  decideKycDocument:      { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:kyc:review
  createTool:             { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:tool:manage
  updateTool:             { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:tool:manage
  setToolPanel:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // tool:manage (tenant only)
  deleteToolPanel:        { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // tool:manage (tenant only)
  grantEntitlement:       { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:entitlement:manage
  revokeEntitlement:      { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:entitlement:manage
  startRun:               { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: F }, // run:write (tenant only)
  cancelRun:              { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: A }, // run:write | platform:run:manage
  retryRun:               { anonymous: U, viewer: F, member: A, agent: A, admin: A, owner: A, staff: A }, // run:write | platform:run:manage
  ingestMessage:          { anonymous: U, viewer: F, member: F, agent: A, admin: A, owner: A, staff: F }, // message:write (tenant only)
  createTenant:           { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:tenant:manage
  inviteMember:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // member:manage (tenant only)
  revokeInvitation:       { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // member:manage | platform:member:manage
  resendInvitation:       { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // member:manage | platform:member:manage
  removeMember:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // member:manage | platform:member:manage
  leaveTenant:            { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: F }, // signed in to a tenant (staff have none)
  acceptInvitation:       { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public (the token is the secret)
  changePassword:         { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in
  requestPasswordReset:   { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public, always true
  resetPassword:          { anonymous: A, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // public (the token is the secret)
  beginTotpEnrollment:    { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own account)
  confirmTotpEnrollment:  { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own account)
  disableTotp:            { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own account)
  updateTenantSecurity:   { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: A, staff: F }, // tenant:manage (tenant only, owners)
  deactivateUser:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:user:manage
  reactivateUser:         { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:user:manage
  revokeUserSessions:     { anonymous: U, viewer: F, member: F, agent: F, admin: F, owner: F, staff: A }, // platform:user:manage
  createApiKey:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // apikey:manage (tenant only)
  revokeApiKey:           { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // apikey:manage | platform:integration:manage
  webhookEndpoints:       { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // webhook:manage | platform:integration:read
  webhookDeliveries:      { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // webhook:manage | platform:integration:read
  webhookEventTypes:      { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // webhook:manage | platform:integration:read
  createWebhookEndpoint:  { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // webhook:manage (tenant only)
  updateWebhookEndpoint:  { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: A }, // webhook:manage | platform:integration:manage (disable only)
  deleteWebhookEndpoint:  { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // webhook:manage (tenant only)
  rotateWebhookSecret:    { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // webhook:manage (tenant only)
  redeliverWebhook:       { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // webhook:manage (tenant only)
  sendTestWebhook:        { anonymous: U, viewer: F, member: F, agent: F, admin: A, owner: A, staff: F }, // webhook:manage (tenant only)
  notifications:          { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own inbox)
  unreadNotificationCount: { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own inbox)
  notificationPreferences: { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own)
  markNotificationRead:   { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own; others' NOT_FOUND)
  markAllNotificationsRead: { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own)
  updateNotificationPreference: { anonymous: U, viewer: A, member: A, agent: A, admin: A, owner: A, staff: A }, // signed in (own)
};

/** Real and made-up ids, filled in beforeAll. */
interface Ids {
  acmeTenant: string;
  acmeTicket: string;
  /** An acme ticket member@acme.test raised: without ticket:assign, the only kind a member may change. */
  memberTicket: string;
  missingTicket: string;
  missingAttachment: string;
  missingTenant: string;
  missingRole: string;
  missingMembership: string;
  missingInvitation: string;
  missingSession: string;
  missingEvent: string;
  missingIncident: string;
  missingWidget: string;
  acmeKycCase: string;
  acmeKycDocument: string;
  missingKycDocument: string;
  missingTool: string;
  missingToolPanel: string;
  missingEntitlement: string;
  missingRun: string;
  missingMessage: string;
  missingUser: string;
  missingWebhookEndpoint: string;
  missingWebhookDelivery: string;
}

/** What an allowed call answers once past the permission layer: data, or a non-permission error code. */
type Outcome = 'data' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

interface Probe {
  query: string;
  variables?: (ids: Ids) => Record<string, unknown>;
  /** Per-cell setup: a dedicated token or variables, for operations that end or consume a session. */
  prepare?: (actor: Actor) => Promise<{ token?: string | null; variables?: Record<string, unknown> }>;
  allowed: Outcome;
  /** Extra checks on an allowed call, with the token it was sent with. */
  verifyAllowed?: (res: GqlResponse, token: string | null) => Promise<void>;
}

let t: TestApp;
const tokens: Partial<Record<Actor, string>> = {};
let ids: Ids;

/** A fresh session for the actor (anonymous: none), so ending it touches no other cell. */
async function dedicatedToken(actor: Actor): Promise<string | null> {
  return actor === 'anonymous' ? null : (await t.login(EMAIL[actor])).accessToken;
}

/**
 * One minimal, valid-shaped and harmless document per root field. Mutations that pass the
 * permission layer stop at a stale version, a missing id or invalid input, so no cell changes
 * what another cell sees (checked by the last test).
 */
const probes: Record<string, Probe> = {
  auditLogs: { query: 'query { auditLogs(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  featureFlags: { query: 'query { featureFlags(first: 1) { totalCount nodes { key } } }', allowed: 'data' },
  me: { query: 'query { me { role permissions } }', allowed: 'data' },
  memberships: { query: 'query { memberships(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  mySessions: { query: 'query { mySessions(first: 1) { totalCount nodes { id current } } }', allowed: 'data' },
  node: {
    query: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (i) => ({ id: i.missingTicket }),
    allowed: 'NOT_FOUND',
  },
  nodes: {
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Ticket { subject } } }',
    variables: (i) => ({ ids: [i.acmeTicket] }),
    allowed: 'data',
  },
  roles: { query: 'query { roles(first: 1) { totalCount nodes { name } } }', allowed: 'data' },
  tenantPermissions: { query: 'query { tenantPermissions }', allowed: 'data' },
  tenant: {
    query: 'query($id: ID!) { tenant(id: $id) { id slug } }',
    variables: (i) => ({ id: i.acmeTenant }),
    allowed: 'data',
  },
  tenants: { query: 'query { tenants(first: 1) { totalCount nodes { slug } } }', allowed: 'data' },
  ticket: {
    query: 'query($id: ID!) { ticket(id: $id) { id subject } }',
    variables: (i) => ({ id: i.acmeTicket }),
    allowed: 'data',
  },
  tickets: { query: 'query { tickets(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  users: { query: 'query { users(first: 1) { totalCount nodes { email } } }', allowed: 'data' },
  systemEvents: { query: 'query { systemEvents(first: 1) { totalCount nodes { id type } } }', allowed: 'data' },
  systemEventHistogram: { query: 'query { systemEventHistogram(buckets: 4) { bucketSeconds buckets { count } } }', allowed: 'data' },
  systemEvent: {
    query: 'query($id: ID!) { systemEvent(id: $id) { id } }',
    variables: (i) => ({ id: i.missingEvent }),
    allowed: 'NOT_FOUND',
  },
  incidents: { query: 'query { incidents(first: 1) { totalCount nodes { id title } } }', allowed: 'data' },
  incident: {
    query: 'query($id: ID!) { incident(id: $id) { id } }',
    variables: (i) => ({ id: i.missingIncident }),
    allowed: 'NOT_FOUND',
  },
  createIncident: {
    query: 'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
    // Title too short: rejected by validation after the permission check.
    variables: (i) => ({ input: { title: 'x', severity: 'SEV4', summary: 'matrix probe', tenantIds: [i.acmeTenant] } }),
    allowed: 'BAD_USER_INPUT',
  },
  transitionIncident: {
    query: 'mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingIncident, to: 'MITIGATED' } }),
    allowed: 'NOT_FOUND',
  },
  linkIncidentEvents: {
    query: 'mutation($input: LinkIncidentEventsInput!) { linkIncidentEvents(input: $input) { id } }',
    variables: (i) => ({ input: { incidentId: i.missingIncident, eventIds: [i.missingEvent] } }),
    allowed: 'NOT_FOUND',
  },
  linkIncidentTickets: {
    query: 'mutation($input: LinkIncidentTicketsInput!) { linkIncidentTickets(input: $input) { id } }',
    variables: (i) => ({ input: { incidentId: i.missingIncident, ticketIds: [i.acmeTicket] } }),
    allowed: 'NOT_FOUND',
  },
  addIncidentNote: {
    query: 'mutation($input: AddIncidentNoteInput!) { addIncidentNote(input: $input) { id } }',
    variables: (i) => ({ input: { incidentId: i.missingIncident, body: 'matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  dashboard: { query: 'query { dashboard { columns widgets { id } } }', allowed: 'data' },
  correlation: { query: 'query { correlation(id: "matrix-probe-0001") { id entries { kind title } } }', allowed: 'data' },
  addDashboardWidget: {
    query: 'mutation($input: AddDashboardWidgetInput!) { addDashboardWidget(input: $input) { id } }',
    // Does not fit the grid: rejected after the permission check.
    variables: () => ({ input: { type: 'ACTIVE_INCIDENTS', title: 'matrix probe', x: 11, y: 0, w: 12, h: 1 } }),
    allowed: 'BAD_USER_INPUT',
  },
  updateDashboardWidget: {
    query: 'mutation($input: UpdateDashboardWidgetInput!) { updateDashboardWidget(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingWidget, title: 'matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  moveDashboardWidget: {
    query: 'mutation($input: MoveDashboardWidgetInput!) { moveDashboardWidget(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingWidget, x: 0, y: 0, w: 1, h: 1 } }),
    allowed: 'NOT_FOUND',
  },
  removeDashboardWidget: {
    query: 'mutation($id: ID!) { removeDashboardWidget(id: $id) }',
    variables: (i) => ({ id: i.missingWidget }),
    allowed: 'NOT_FOUND',
  },
  tools: { query: 'query { tools(first: 1) { totalCount nodes { key } } }', allowed: 'data' },
  tool: { query: 'query($id: ID!) { tool(id: $id) { id key } }', variables: (i) => ({ id: i.missingTool }), allowed: 'NOT_FOUND' },
  toolPanels: { query: 'query { toolPanels(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  toolPanel: { query: 'query($id: ID!) { toolPanel(id: $id) { id } }', variables: (i) => ({ id: i.missingToolPanel }), allowed: 'NOT_FOUND' },
  entitlements: { query: 'query { entitlements(first: 1) { totalCount nodes { id feature } } }', allowed: 'data' },
  entitlement: { query: 'query($id: ID!) { entitlement(id: $id) { id } }', variables: (i) => ({ id: i.missingEntitlement }), allowed: 'NOT_FOUND' },
  quotaUsage: { query: 'query($tenantId: ID) { quotaUsage(tenantId: $tenantId) { feature used limit } }', variables: (i) => ({ tenantId: i.acmeTenant }), allowed: 'data' },
  runs: { query: 'query { runs(first: 1) { totalCount nodes { id status } } }', allowed: 'data' },
  run: { query: 'query($id: ID!) { run(id: $id) { id } }', variables: (i) => ({ id: i.missingRun }), allowed: 'NOT_FOUND' },
  startRun: {
    query: 'mutation($input: StartRunInput!) { startRun(input: $input) { id } }',
    variables: () => ({ input: { toolKey: 'matrix.no-such-tool', input: {} } }),
    allowed: 'NOT_FOUND',
  },
  cancelRun: { query: 'mutation($id: ID!) { cancelRun(id: $id) { id } }', variables: (i) => ({ id: i.missingRun }), allowed: 'NOT_FOUND' },
  retryRun: { query: 'mutation($id: ID!) { retryRun(id: $id) { id } }', variables: (i) => ({ id: i.missingRun }), allowed: 'NOT_FOUND' },
  messages: { query: 'query { messages(first: 1) { totalCount nodes { id status } } }', allowed: 'data' },
  message: { query: 'query($id: ID!) { message(id: $id) { id } }', variables: (i) => ({ id: i.missingMessage }), allowed: 'NOT_FOUND' },
  ingestMessage: {
    query: 'mutation($input: IngestMessageInput!) { ingestMessage(input: $input) { id } }',
    // No sender: refused by validation after the permission check, nothing stored.
    variables: () => ({ input: { channel: 'API', sender: '', payload: { text: 'matrix probe' } } }),
    allowed: 'BAD_USER_INPUT',
  },
  createTool: {
    query: 'mutation($input: CreateToolInput!) { createTool(input: $input) { id } }',
    variables: () => ({ input: { key: 'Not A Key', name: 'Matrix probe', category: 'support', inputSchema: { type: 'object' } } }),
    allowed: 'BAD_USER_INPUT',
  },
  updateTool: {
    query: 'mutation($input: UpdateToolInput!) { updateTool(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingTool, name: 'Matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  setToolPanel: {
    query: 'mutation($input: SetToolPanelInput!) { setToolPanel(input: $input) { id } }',
    variables: (i) => ({ input: { toolId: i.missingTool, title: 'Matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  deleteToolPanel: {
    query: 'mutation($id: ID!) { deleteToolPanel(id: $id) }',
    variables: (i) => ({ id: i.missingToolPanel }),
    allowed: 'NOT_FOUND',
  },
  grantEntitlement: {
    query: 'mutation($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { id } }',
    variables: (i) => ({ input: { tenantId: i.acmeTenant, toolId: i.missingTool, plan: 'pro' } }),
    allowed: 'NOT_FOUND',
  },
  revokeEntitlement: {
    query: 'mutation($input: RevokeEntitlementInput!) { revokeEntitlement(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingEntitlement } }),
    allowed: 'NOT_FOUND',
  },

  deleteTicketAttachment: {
    query: 'mutation($id: ID!) { deleteTicketAttachment(id: $id) }',
    variables: (i) => ({ id: i.missingAttachment }),
    allowed: 'NOT_FOUND',
  },
  addTicketComment: {
    query: 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }',
    variables: (i) => ({ input: { ticketId: i.missingTicket, body: 'matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  createRole: {
    query: 'mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }',
    variables: () => ({ input: { name: 'matrix-probe', permissions: ['not:a:permission'] } }),
    allowed: 'BAD_USER_INPUT',
  },
  createTicket: {
    query: 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
    // Subject too short: rejected by validation after the permission check.
    variables: () => ({ input: { subject: 'x', body: 'matrix probe' } }),
    allowed: 'BAD_USER_INPUT',
  },
  deleteRole: {
    query: 'mutation($id: ID!) { deleteRole(id: $id) }',
    variables: (i) => ({ id: i.missingRole }),
    allowed: 'NOT_FOUND',
  },
  apiKeys: { query: 'query { apiKeys(first: 1) { totalCount nodes { id prefix } } }', allowed: 'data' },
  createApiKey: {
    query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    // Not a permission: refused by validation after the permission check, no key made.
    variables: () => ({ input: { name: 'matrix probe', permissions: ['not:a:permission'] } }),
    allowed: 'BAD_USER_INPUT',
  },
  revokeApiKey: { query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', variables: () => ({ id: toGlobalId('ApiKey', randomUUID()) }), allowed: 'NOT_FOUND' },
  login: {
    query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { email } } }',
    variables: () => ({ input: { email: 'member@acme.test', password: 'atrium-demo' } }),
    allowed: 'data',
  },
  logout: {
    query: 'mutation { logout }',
    prepare: async (actor) => ({ token: await dedicatedToken(actor) }),
    allowed: 'data',
    verifyAllowed: async (res, token) => {
      expect(res.data?.logout).toBe(true);
      // That session, and only that one, has ended.
      const after = await t.gql('query { me { role } }', {}, { token: token ?? undefined });
      expect(codeOf(after)).toBe('UNAUTHENTICATED');
    },
  },
  refreshSession: {
    query: 'mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken } }',
    prepare: async (actor) => {
      const { refreshToken } = await t.login(actor === 'anonymous' ? 'member@acme.test' : EMAIL[actor]);
      return { variables: { refreshToken } };
    },
    allowed: 'data',
    verifyAllowed: async (res) => {
      const me = await t.gql('query { me { role } }', {}, { token: res.data?.refreshSession.accessToken });
      expect(me.errors).toBeUndefined();
    },
  },
  invitations: { query: 'query { invitations(first: 1) { totalCount nodes { id status } } }', allowed: 'data' },
  invitationPreview: { query: 'query($token: String!) { invitationPreview(token: $token) { email } }', variables: () => ({ token: 'm'.repeat(43) }), allowed: 'NOT_FOUND' },
  createTenant: {
    query: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
    // Not a valid slug: refused by validation after the permission check.
    variables: () => ({ input: { name: 'Matrix', slug: 'Not A Slug!', ownerEmail: 'matrix@example.test' } }),
    allowed: 'BAD_USER_INPUT',
  },
  inviteMember: {
    query: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }',
    variables: (i) => ({ input: { email: 'not-an-address', roleId: i.missingRole } }),
    allowed: 'BAD_USER_INPUT',
  },
  revokeInvitation: { query: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }', variables: (i) => ({ id: i.missingInvitation }), allowed: 'NOT_FOUND' },
  resendInvitation: { query: 'mutation($id: ID!) { resendInvitation(id: $id) { id } }', variables: (i) => ({ id: i.missingInvitation }), allowed: 'NOT_FOUND' },
  removeMember: { query: 'mutation($id: ID!) { removeMember(membershipId: $id) { id } }', variables: (i) => ({ id: i.missingMembership }), allowed: 'NOT_FOUND' },
  leaveTenant: {
    query: 'mutation { leaveTenant }',
    // Tenant roles leave for real, so each cell signs in a throwaway member with the actor's role
    // (leaver-* accounts and their left_tenant sessions are outside the world snapshot).
    prepare: async (actor) => {
      if (actor === 'anonymous' || actor === 'staff') return {};
      const email = `leaver-${actor}-${randomUUID()}@example.test`;
      await t.sql("insert into users (id, email, name, password_hash) select gen_random_uuid(), ?, 'Matrix Leaver', password_hash from users where email = 'viewer@acme.test'", [email]);
      await t.sql(
        "insert into memberships (id, tenant_id, user_id, role_id) select gen_random_uuid(), r.tenant_id, u.id, r.id from roles r join tenants t on t.id = r.tenant_id, users u where t.slug = 'acme' and r.name = ? and u.email = ?",
        [actor, email],
      );
      return { token: (await t.login(email)).accessToken };
    },
    allowed: 'data',
  },
  acceptInvitation: {
    query: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
    variables: () => ({ input: { token: 'm'.repeat(43), name: 'Matrix', password: 'a-long-and-private-phrase' } }),
    allowed: 'BAD_USER_INPUT',
  },
  changePassword: {
    query: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    // The right current password and too short a new one: refused by the policy, nothing changes.
    variables: () => ({ input: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } }),
    allowed: 'BAD_USER_INPUT',
  },
  requestPasswordReset: { query: 'mutation($email: String!) { requestPasswordReset(email: $email) }', variables: () => ({ email: 'nobody@example.test' }), allowed: 'data' },
  resetPassword: {
    query: 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
    variables: () => ({ input: { token: 'm'.repeat(43), newPassword: 'a-long-and-private-phrase' } }),
    allowed: 'BAD_USER_INPUT',
  },
  revokeSession: {
    query: 'mutation($id: ID!) { revokeSession(id: $id) { id } }',
    variables: (i) => ({ id: i.missingSession }),
    allowed: 'NOT_FOUND',
  },
  setFeatureFlag: {
    query: 'mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { id } }',
    // Not a valid key: rejected by validation after the permission check.
    variables: () => ({ input: { key: 'Not A Valid Key!', defaultEnabled: true } }),
    allowed: 'BAD_USER_INPUT',
  },
  setFeatureFlagOverride: {
    query: 'mutation($input: SetFeatureFlagOverrideInput!) { setFeatureFlagOverride(input: $input) { id } }',
    variables: (i) => ({ input: { tenantId: i.acmeTenant, key: 'matrix.no-such-flag', enabled: true } }),
    allowed: 'NOT_FOUND',
  },
  switchTenant: {
    query: 'mutation($tenantId: ID!) { switchTenant(tenantId: $tenantId) { accessToken } }',
    variables: (i) => ({ tenantId: i.missingTenant }),
    allowed: 'NOT_FOUND',
  },
  updateMembershipRole: {
    query: 'mutation($input: UpdateMembershipRoleInput!) { updateMembershipRole(input: $input) { id } }',
    variables: (i) => ({ input: { membershipId: i.missingMembership, roleId: i.missingRole } }),
    allowed: 'NOT_FOUND',
  },
  updateRole: {
    query: 'mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingRole, description: 'matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  updateTicket: {
    query: 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id version } }',
    // A real ticket with a stale version: CONFLICT once past the permission layer, nothing changes.
    variables: (i) => ({ input: { id: i.memberTicket, version: 999_999, subject: 'Changed by the permission matrix' } }),
    allowed: 'CONFLICT',
  },

  kycCase: {
    query: 'query($id: ID!) { kycCase(id: $id) { id status } }',
    variables: (i) => ({ id: i.acmeKycCase }),
    allowed: 'data',
  },
  kycCases: { query: 'query { kycCases(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  kycDocument: {
    query: 'query($id: ID!) { kycDocument(id: $id) { id sha256 } }',
    variables: (i) => ({ id: i.acmeKycDocument }),
    allowed: 'data',
  },
  kycDocuments: { query: 'query { kycDocuments(first: 1) { totalCount nodes { id } } }', allowed: 'data' },
  createKycCase: {
    query: 'mutation($input: CreateKycCaseInput!) { createKycCase(input: $input) { id } }',
    // A one-letter name: rejected by validation after the permission check.
    variables: () => ({ input: { subjectKind: 'PERSON', person: { fullName: 'x' } } }),
    allowed: 'BAD_USER_INPUT',
  },
  // The case mutations below get a real acme case with a stale version: CONFLICT once past the
  // permission layer, and nothing changes.
  updateKycCase: {
    query: 'mutation($input: UpdateKycCaseInput!) { updateKycCase(input: $input) { id version } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999, person: { fullName: 'Changed by the permission matrix' } } }),
    allowed: 'CONFLICT',
  },
  submitKycCase: {
    query: 'mutation($input: KycCaseVersionInput!) { submitKycCase(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999 } }),
    allowed: 'CONFLICT',
  },
  deleteKycDocument: {
    query: 'mutation($id: ID!) { deleteKycDocument(id: $id) }',
    variables: (i) => ({ id: i.missingKycDocument }),
    allowed: 'NOT_FOUND',
  },
  startKycReview: {
    query: 'mutation($input: KycCaseVersionInput!) { startKycReview(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999 } }),
    allowed: 'CONFLICT',
  },
  recommendKycCase: {
    query: 'mutation($input: RecommendKycCaseInput!) { recommendKycCase(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999, recommendation: 'APPROVE', riskRating: 'LOW', reason: 'matrix probe' } }),
    allowed: 'CONFLICT',
  },
  requestKycInfo: {
    query: 'mutation($input: RequestKycInfoInput!) { requestKycInfo(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999, message: 'matrix probe' } }),
    allowed: 'CONFLICT',
  },
  decideKycCase: {
    query: 'mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.acmeKycCase, version: 999_999, decision: 'APPROVE', reason: 'matrix probe' } }),
    allowed: 'CONFLICT',
  },
  // Two-factor sign-in: the caller's own account. A new pending secret changes nothing anyone
  // sees; a code that cannot be one (letters) is refused after the permission layer, and
  // disabling answers CONFLICT for the demo users, who have no second factor.
  beginTotpEnrollment: {
    query: 'mutation { beginTotpEnrollment { otpauthUrl } }',
    allowed: 'data',
  },
  confirmTotpEnrollment: {
    query: 'mutation($code: String!) { confirmTotpEnrollment(code: $code) }',
    // A pending secret first, so the answer is always the wrong code's BAD_USER_INPUT.
    prepare: async (actor) => {
      if (actor !== 'anonymous') await t.gql('mutation { beginTotpEnrollment { otpauthUrl } }', {}, { token: tokens[actor] });
      return { variables: { code: 'matrix-probe' } };
    },
    allowed: 'BAD_USER_INPUT',
  },
  disableTotp: {
    query: 'mutation($code: String!) { disableTotp(code: $code) }',
    variables: () => ({ code: 'matrix-probe' }),
    allowed: 'CONFLICT',
  },
  updateTenantSecurity: {
    query: 'mutation($input: UpdateTenantSecurityInput!) { updateTenantSecurity(input: $input) { id requireTwoFactor } }',
    // The current value: nothing changes.
    variables: () => ({ input: { requireTwoFactor: false } }),
    allowed: 'data',
  },
  deactivateUser: { query: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', variables: (i) => ({ id: i.missingUser }), allowed: 'NOT_FOUND' },
  reactivateUser: { query: 'mutation($id: ID!) { reactivateUser(id: $id) { id } }', variables: (i) => ({ id: i.missingUser }), allowed: 'NOT_FOUND' },
  revokeUserSessions: { query: 'mutation($userId: ID!) { revokeUserSessions(userId: $userId) }', variables: (i) => ({ userId: i.missingUser }), allowed: 'NOT_FOUND' },
  userSessions: {
    query: 'query($userId: ID!) { userSessions(userId: $userId, first: 1) { totalCount } }',
    variables: (i) => ({ userId: i.missingUser }),
    allowed: 'NOT_FOUND',
  },
  decideKycDocument: {
    query: 'mutation($input: DecideKycDocumentInput!) { decideKycDocument(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingKycDocument, decision: 'ACCEPT', reason: 'matrix probe' } }),
    allowed: 'NOT_FOUND',
  },
  webhookEndpoints: { query: 'query { webhookEndpoints(first: 1) { totalCount nodes { id url } } }', allowed: 'data' },
  webhookDeliveries: { query: 'query { webhookDeliveries(first: 1, filter: { status: FAILED }) { totalCount nodes { id status } } }', allowed: 'data' },
  webhookEventTypes: { query: 'query { webhookEventTypes }', allowed: 'data' },
  createWebhookEndpoint: {
    query: 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
    // Not a URL: refused after the permission check, nothing stored.
    variables: () => ({ input: { url: 'not a url', events: ['ticket.created'] } }),
    allowed: 'BAD_USER_INPUT',
  },
  updateWebhookEndpoint: {
    query: 'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id } }',
    variables: (i) => ({ input: { id: i.missingWebhookEndpoint, enabled: false } }),
    allowed: 'NOT_FOUND',
  },
  deleteWebhookEndpoint: { query: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', variables: (i) => ({ id: i.missingWebhookEndpoint }), allowed: 'NOT_FOUND' },
  rotateWebhookSecret: { query: 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', variables: (i) => ({ id: i.missingWebhookEndpoint }), allowed: 'NOT_FOUND' },
  redeliverWebhook: { query: 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', variables: (i) => ({ id: i.missingWebhookDelivery }), allowed: 'NOT_FOUND' },
  sendTestWebhook: { query: 'mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', variables: (i) => ({ id: i.missingWebhookEndpoint }), allowed: 'NOT_FOUND' },
  notifications: { query: 'query { notifications(first: 1) { totalCount nodes { id title } } }', allowed: 'data' },
  unreadNotificationCount: { query: 'query { unreadNotificationCount }', allowed: 'data' },
  notificationPreferences: { query: 'query { notificationPreferences { kind inApp email } }', allowed: 'data' },
  markNotificationRead: { query: 'mutation($id: ID!) { markNotificationRead(id: $id) { id } }', variables: () => ({ id: toGlobalId('Notification', randomUUID()) }), allowed: 'NOT_FOUND' },
  markAllNotificationsRead: { query: 'mutation { markAllNotificationsRead }', allowed: 'data' },
  // The default for the kind: the cell changes nothing anyone would notice.
  updateNotificationPreference: {
    query: 'mutation($input: UpdateNotificationPreferenceInput!) { updateNotificationPreference(input: $input) { kind inApp email } }',
    variables: () => ({ input: { kind: 'RUN_FAILED', inApp: true, email: false } }),
    allowed: 'data',
  },
};

async function rootFields(schema: GraphQLSchema): Promise<{ Query: string[]; Mutation: string[] }> {
  return {
    Query: Object.keys(schema.getQueryType()?.getFields() ?? {}).sort(),
    Mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}).sort(),
  };
}

/** Rows that would tell us whether a matrix cell changed the world. */
async function worldSnapshot(): Promise<Record<string, unknown>> {
  const conn = t.orm.em.fork().getConnection();
  const [row] = await conn.execute(
    `select (select count(*) from tickets)::int as tickets,
            (select count(*) from ticket_comments)::int as comments,
            (select count(*) from roles)::int as roles,
            (select count(*) from memberships)::int as memberships,
            (select string_agg(m.id || ':' || m.role_id, ',' order by m.id) from memberships m) as membership_roles,
            (select string_agg(r.id || ':' || coalesce(r.description, ''), ',' order by r.id) from roles r) as role_descriptions,
            (select string_agg(f.key || ':' || f.default_enabled, ',' order by f.key) from feature_flags f) as flags,
            (select count(*) from feature_flag_overrides)::int as overrides,
            (select string_agg(t.id || ':' || t.version || ':' || t.subject, ',' order by t.id) from tickets t) as ticket_versions,
            (select string_agg(k.id || ':' || k.version || ':' || k.status, ',' order by k.id) from kyc_cases k) as kyc_cases,
            (select string_agg(d.id || ':' || d.status, ',' order by d.id) from kyc_documents d) as kyc_documents,
            (select string_agg(x.key || ':' || x.name || ':' || x.status, ',' order by x.key) from tools x) as tools,
            (select string_agg(p.id || ':' || p.title, ',' order by p.id) from tool_panels p) as tool_panels,
            (select string_agg(e.id || ':' || coalesce(e.revoked_at::text, '-'), ',' order by e.id) from entitlements e) as entitlements,
            (select string_agg(r.id || ':' || r.status, ',' order by r.id) from automation_runs r) as runs,
            (select count(*) from inbound_messages)::int as messages,
            (select count(*) from api_keys where name <> 'permission matrix key')::int as api_keys,
            (select count(*) from webhook_endpoints)::int as webhook_endpoints,
            (select count(*) from webhook_deliveries)::int as webhook_deliveries,
            (select string_agg(tn.slug || ':' || tn.require_two_factor, ',' order by tn.slug) from tenants tn) as tenant_security,
            (select string_agg(u.email || ':' || coalesce(u.disabled_at::text, '-') || ':' || (u.totp_enabled_at is not null), ',' order by u.email) from users u where u.email not like 'leaver-%') as accounts,
            (select count(*) from sessions where revoked_at is not null and revoked_reason not in ('logout', 'left_tenant'))::int as sessions_ended_otherwise`,
  );
  return row as Record<string, unknown>;
}

let before: Record<string, unknown>;

/** A DRAFT acme KYC case with one document, for the KYC probes. */
async function makeAcmeKycDocument(): Promise<KycDocument> {
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  const owner = await em.findOneOrFail(User, { email: 'owner@acme.test' });
  const kycCase = makeKycCase(em, acme, owner);
  const doc = await makeKycDocument(em, new LocalDocumentStore(t.app.services.config.kyc.storageDir), kycCase, owner, samplePdf('matrix probe'));
  await em.flush();
  return doc;
}

beforeAll(async () => {
  t = await startTestApp();
  const conn = t.orm.em.fork().getConnection();
  const [acme] = await conn.execute(`select id from tenants where slug = 'acme'`);
  const [ticket] = await conn.execute(`select tk.id from tickets tk join tenants tn on tn.id = tk.tenant_id where tn.slug = 'acme' order by tk.number limit 1`);
  const [memberTicket] = await conn.execute(
    `select tk.id from tickets tk join tenants tn on tn.id = tk.tenant_id join users u on u.id = tk.requester_id where tn.slug = 'acme' and u.email = 'member@acme.test' order by tk.number limit 1`,
  );
  const kycDoc = await makeAcmeKycDocument();
  ids = {
    acmeTenant: toGlobalId('Tenant', acme.id),
    acmeTicket: toGlobalId('Ticket', ticket.id),
    memberTicket: toGlobalId('Ticket', memberTicket.id),
    missingTicket: toGlobalId('Ticket', randomUUID()),
    missingAttachment: toGlobalId('TicketAttachment', randomUUID()),
    missingTenant: toGlobalId('Tenant', randomUUID()),
    missingRole: toGlobalId('Role', randomUUID()),
    missingMembership: toGlobalId('Membership', randomUUID()),
    missingInvitation: toGlobalId('Invitation', randomUUID()),
    missingSession: toGlobalId('Session', randomUUID()),
    missingEvent: toGlobalId('SystemEvent', randomUUID()),
    missingIncident: toGlobalId('Incident', randomUUID()),
    missingWidget: toGlobalId('DashboardWidget', randomUUID()),
    acmeKycCase: toGlobalId('KycCase', kycDoc.case.id),
    acmeKycDocument: toGlobalId('KycDocument', kycDoc.id),
    missingKycDocument: toGlobalId('KycDocument', randomUUID()),
    missingTool: toGlobalId('Tool', randomUUID()),
    missingToolPanel: toGlobalId('ToolPanel', randomUUID()),
    missingEntitlement: toGlobalId('Entitlement', randomUUID()),
    missingRun: toGlobalId('AutomationRun', randomUUID()),
    missingMessage: toGlobalId('InboundMessage', randomUUID()),
    missingUser: toGlobalId('User', randomUUID()),
    missingWebhookEndpoint: toGlobalId('WebhookEndpoint', randomUUID()),
    missingWebhookDelivery: toGlobalId('WebhookDelivery', randomUUID()),
  };
  for (const actor of ACTORS) {
    if (actor !== 'anonymous') tokens[actor] = (await t.login(EMAIL[actor])).accessToken;
  }
  before = await worldSnapshot();
});

afterAll(async () => {
  await t?.close();
});

describe('schema walk', () => {
  it('gives every Query and Mutation field a rule, and no rule names a missing field', async () => {
    const schema = await buildBareSchema();
    const fields = await rootFields(schema);
    const rules = operationRules();
    expect(Object.keys(rules).sort()).toEqual(['Mutation', 'Query']);
    for (const root of ['Query', 'Mutation'] as const) {
      const ruled = Object.keys(rules[root]).sort();
      const withoutRule = fields[root].filter((f) => !ruled.includes(f));
      const ruleWithoutField = ruled.filter((r) => !fields[root].includes(r));
      expect({ root, withoutRule }).toEqual({ root, withoutRule: [] });
      expect({ root, ruleWithoutField }).toEqual({ root, ruleWithoutField: [] });
      for (const f of fields[root]) expect(rules[root][f]).toBeTruthy();
    }
    // Subscriptions (realtime) have rules of their own, one per field and none without a field.
    const subscriptionFields = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort();
    expect(Object.keys(subscriptionRules()).sort()).toEqual(subscriptionFields);
    expect(fields.Query.length).toBeGreaterThan(0);
    expect(fields.Mutation.length).toBeGreaterThan(0);
  });

  it('has one matrix row and one probe for every operation, and nothing else', async () => {
    const fields = await rootFields(await buildBareSchema());
    const all = [...fields.Query, ...fields.Mutation];
    // Rows are keyed by field name, so a name must not be both a query and a mutation.
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(matrix).sort()).toEqual([...all].sort());
    expect(Object.keys(probes).sort()).toEqual([...all].sort());
    for (const row of Object.values(matrix)) expect(Object.keys(row).sort()).toEqual([...ACTORS].sort());
  });
});

function describeErrors(res: GqlResponse): string {
  return JSON.stringify(res.errors?.map((e) => ({ code: e.extensions.code, reason: e.extensions.reason, message: e.message, path: e.path })));
}

describe('role × operation matrix', () => {
  for (const [field, row] of Object.entries(matrix)) {
    describe(field, () => {
      it.each(ACTORS.map((actor) => [actor, row[actor]] as const))('%s → %s', async (actor, expected) => {
        const probe = probes[field];
        if (!probe) throw new Error(`no probe for ${field}`);
        const prepared = probe.prepare ? await probe.prepare(actor) : {};
        const token = prepared.token !== undefined ? prepared.token : actor === 'anonymous' ? null : tokens[actor];
        const variables = prepared.variables ?? probe.variables?.(ids) ?? {};
        const res = await t.gql(probe.query, variables, token ? { token } : {});
        const codes = (res.errors ?? []).map((e) => e.extensions.code);
        const detail = `${field} as ${actor}: ${describeErrors(res)}`;

        if (expected === 'allow') {
          // Past the permission layer: no UNAUTHENTICATED/FORBIDDEN anywhere ...
          expect({ detail, denied: codes.filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN') }).toEqual({ detail, denied: [] });
          // ... and the operation itself ran: data, or the probe's expected non-permission error
          // (never a document validation error, which would make the cell meaningless).
          if (probe.allowed === 'data') {
            expect({ detail, codes }).toEqual({ detail, codes: [] });
            // Data came back (a count may be 0).
            expect(res.data?.[field] ?? null).not.toBeNull();
            await probe.verifyAllowed?.(res, token ?? null);
          } else {
            expect({ detail, codes }).toEqual({ detail, codes: [probe.allowed] });
            expect(res.errors?.[0]?.extensions.reason).not.toBe('GRAPHQL_VALIDATION_FAILED');
            expect(res.errors?.[0]?.path).toEqual([field]);
          }
        } else {
          expect({ detail, code: codeOf(res) }).toEqual({ detail, code: expected });
          expect(res.errors?.[0]?.path).toEqual([field]);
          // Denied means nothing came back.
          expect(res.data?.[field] ?? null).toBeNull();
        }
      });
    });
  }
});

/**
 * A member of a tenant that requires two-factor sign-in, without it: every operation answers
 * FORBIDDEN with reason TWO_FACTOR_ENROLLMENT_REQUIRED, except the public ones and the few open
 * before enrolment. Rows come from the matrix, so a new operation is covered without a word here.
 */
describe('a member who must enrol in two-factor sign-in first', () => {
  let mustEnrol: string;
  const rules = operationRules();
  const isOpen = (field: string) =>
    [...OPEN_BEFORE_ENROLLMENT.Query, ...OPEN_BEFORE_ENROLLMENT.Mutation].includes(field) || rules.Query[field] === allow || rules.Mutation[field] === allow;

  beforeAll(async () => {
    // owner@globex.test acting in globex, which now requires two-factor sign-in; reset afterwards.
    await t.sql(`update tenants set require_two_factor = true where slug = 'globex'`);
    mustEnrol = (await t.login('owner@globex.test', 'globex')).accessToken;
  });
  afterAll(async () => {
    await t.sql(`update tenants set require_two_factor = false where slug = 'globex'`);
  });

  it('may call exactly the operations the contract leaves open (besides the public ones)', () => {
    expect(OPEN_BEFORE_ENROLLMENT).toEqual({
      Query: ['me'],
      Mutation: ['login', 'logout', 'refreshSession', 'switchTenant', 'beginTotpEnrollment', 'confirmTotpEnrollment'],
    });
    for (const f of [...OPEN_BEFORE_ENROLLMENT.Query, ...OPEN_BEFORE_ENROLLMENT.Mutation]) expect(Object.keys(matrix)).toContain(f);
  });

  for (const field of Object.keys(matrix)) {
    it(`${field} → ${isOpen(field) ? 'open' : 'TWO_FACTOR_ENROLLMENT_REQUIRED'}`, async () => {
      const probe = probes[field];
      if (!probe) throw new Error(`no probe for ${field}`);
      // Only variables are borrowed from the probe's setup (refreshSession's token); the caller is
      // the member who must enrol (logout: a session of their own, so the shared one lives on).
      const prepared = probe.prepare && field !== 'confirmTotpEnrollment' ? await probe.prepare('anonymous') : {};
      const variables = prepared.variables ?? probe.variables?.(ids) ?? (field === 'confirmTotpEnrollment' ? { code: 'matrix-probe' } : {});
      const token = field === 'logout' ? (await t.login('owner@globex.test', 'globex')).accessToken : mustEnrol;
      const res = await t.gql(probe.query, variables, { token });
      const detail = `${field}: ${describeErrors(res)}`;
      if (isOpen(field)) {
        expect({ detail, refused: (res.errors ?? []).filter((e) => e.extensions.reason === 'TWO_FACTOR_ENROLLMENT_REQUIRED') }).toEqual({ detail, refused: [] });
        // The contract's open operations run for this caller; public ones may have refusals of their
        // own for a signed-in caller (e.g. an invitation for another email), just not this one.
        const isPublic = rules.Query[field] === allow || rules.Mutation[field] === allow;
        if (!isPublic) {
          expect({ detail, denied: (res.errors ?? []).map((e) => e.extensions.code).filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN') }).toEqual({ detail, denied: [] });
        }
      } else {
        expect({ detail, code: codeOf(res), reason: res.errors?.[0]?.extensions.reason }).toEqual({ detail, code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLLMENT_REQUIRED' });
        expect(res.errors?.[0]?.path).toEqual([field]);
        expect(res.data?.[field] ?? null).toBeNull();
      }
    });
  }

  it('is told so by me, and is no longer refused once the tenant stops requiring it', async () => {
    const me = await t.gql('query { me { twoFactorEnabled twoFactorEnrollmentRequired } }', {}, { token: mustEnrol });
    expect(me.data?.me).toEqual({ twoFactorEnabled: false, twoFactorEnrollmentRequired: true });
    await t.sql(`update tenants set require_two_factor = false where slug = 'globex'`);
    expect(codeOf(await t.gql('query { tickets(first: 1) { totalCount } }', {}, { token: mustEnrol }))).toBeUndefined();
  });
});

/**
 * An API key holding every permission of the owner who created it: each operation answers as it
 * does for the owner, except those on a person's own account or session, which keys may not call
 * (FORBIDDEN API_KEY_NOT_ALLOWED, permissions/api-key-gate.ts). Rows come from the matrix, so a
 * new operation is covered without a word here.
 */
describe("an API key with all of its owner's permissions", () => {
  let secret: string;
  const closed: readonly string[] = [...CLOSED_TO_API_KEYS.Query, ...CLOSED_TO_API_KEYS.Mutation];

  beforeAll(async () => {
    const me = await t.gql<{ me: { permissions: string[] } }>('query { me { permissions } }', {}, { token: tokens.owner });
    const res = await t.gql<{ createApiKey: { secret: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'permission matrix key', permissions: me.data?.me.permissions } },
      { token: tokens.owner },
    );
    if (!res.data) throw new Error(`no matrix key: ${describeErrors(res)}`);
    secret = res.data.createApiKey.secret;
  });

  for (const [field, row] of Object.entries(matrix)) {
    const expected = closed.includes(field) ? 'API_KEY_NOT_ALLOWED' : row.owner;
    it(`${field} → ${expected}`, async () => {
      const probe = probes[field];
      if (!probe) throw new Error(`no probe for ${field}`);
      // Only variables are borrowed from a probe's setup (refreshSession's token); the caller is the key.
      const prepared = probe.prepare ? await probe.prepare('anonymous') : {};
      const variables = prepared.variables ?? probe.variables?.(ids) ?? {};
      const res = await t.gql(probe.query, variables, { token: secret });
      const codes = (res.errors ?? []).map((e) => e.extensions.code);
      const detail = `${field} as an API key: ${describeErrors(res)}`;
      if (expected === 'API_KEY_NOT_ALLOWED') {
        expect({ detail, code: codeOf(res), reason: res.errors?.[0]?.extensions.reason }).toEqual({ detail, code: 'FORBIDDEN', reason: 'API_KEY_NOT_ALLOWED' });
        expect(res.errors?.[0]?.path).toEqual([field]);
        expect(res.data?.[field] ?? null).toBeNull();
      } else if (expected === 'allow') {
        expect({ detail, denied: codes.filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN') }).toEqual({ detail, denied: [] });
        if (probe.allowed === 'data') {
          expect({ detail, codes }).toEqual({ detail, codes: [] });
          expect(res.data?.[field]).toBeTruthy();
        } else {
          expect({ detail, codes }).toEqual({ detail, codes: [probe.allowed] });
        }
      } else {
        expect({ detail, code: codeOf(res) }).toEqual({ detail, code: expected });
        expect(res.data?.[field] ?? null).toBeNull();
      }
    });
  }
});

describe('authentication failures', () => {
  it('treats a garbage token as unauthenticated, never as anonymous-with-access or as a signed-in user', async () => {
    const me = await t.gql('query { me { role } }', {}, { token: 'not-a-jwt' });
    expect(codeOf(me)).toBe('UNAUTHENTICATED');
    expect(me.errors?.[0]?.extensions.reason).toBe('INVALID');
    expect(me.data?.me ?? null).toBeNull();
    const tickets = await t.gql('query { tickets(first: 1) { totalCount } }', {}, { token: 'not-a-jwt' });
    expect(codeOf(tickets)).toBe('UNAUTHENTICATED');
    expect(tickets.errors?.[0]?.extensions.reason).toBe('INVALID');
    expect(tickets.data?.tickets ?? null).toBeNull();
    // Public operations stay public.
    const login = await t.gql('mutation($input: LoginInput!) { login(input: $input) { user { email } } }', { input: { email: 'viewer@acme.test', password: 'atrium-demo' } }, { token: 'not-a-jwt' });
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.user.email).toBe('viewer@acme.test');
  });

  it('answers UNAUTHENTICATED with reason SESSION_ENDED once the session is logged out', async () => {
    const token = (await t.login('agent@acme.test')).accessToken;
    const out = await t.gql('mutation { logout }', {}, { token });
    expect(out.data?.logout).toBe(true);
    for (const query of ['query { tickets(first: 1) { totalCount } }', 'query { me { role } }']) {
      const res = await t.gql(query, {}, { token });
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.extensions.reason).toBe('SESSION_ENDED');
    }
  });
});

describe('after the matrix', () => {
  it('left every shared session working (logout cells used their own sessions)', async () => {
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue;
      const res = await t.gql('query { me { role user { email } } }', {}, { token: tokens[actor] });
      expect({ actor, errors: res.errors ?? [] }).toEqual({ actor, errors: [] });
      expect(res.data?.me.user.email).toBe(EMAIL[actor]);
      expect(res.data?.me.role).toBe(actor === 'staff' ? 'superadmin' : actor);
    }
  });

  it('changed no ticket, comment, role, membership, flag, KYC case or document, tool, panel, entitlement, run or message', async () => {
    expect(await worldSnapshot()).toEqual(before);
  });
});
