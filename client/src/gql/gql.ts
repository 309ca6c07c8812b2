/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    permissions\n    status\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n    createdBy {\n      id\n      name\n      email\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys($first: Int, $offset: Int, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  query AdminApiKey($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminApiKeyDocument,
    "\n  query AdminApiKeysByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminApiKeysByIdsDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": typeof types.AdminRevokeApiKeyDocument,
    "\n  fragment AdminAuditLogFields on AuditLog {\n    id\n    action\n    createdAt\n    correlationId\n    ip\n    targetId\n    targetType\n    diff\n    actor {\n      id\n      name\n      email\n      staffRole\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AdminAuditLogFieldsFragmentDoc,
    "\n  query AdminAuditLogs($first: Int, $offset: Int, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": typeof types.AdminAuditLogsDocument,
    "\n  query AdminAuditLog($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  query AdminAuditLogsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": typeof types.AdminAuditLogsByIdsDocument,
    "\n  fragment AdminEntitlementFields on Entitlement {\n    id\n    feature\n    plan\n    limits\n    validFrom\n    validUntil\n    revokedAt\n    revokeReason\n    active\n    createdAt\n    tool {\n      id\n      key\n      name\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AdminEntitlementFieldsFragmentDoc,
    "\n  query AdminEntitlements($first: Int, $offset: Int, $filter: EntitlementFilter) {\n    entitlements(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": typeof types.AdminEntitlementsDocument,
    "\n  query AdminEntitlement($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": typeof types.AdminEntitlementDocument,
    "\n  query AdminEntitlementsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": typeof types.AdminEntitlementsByIdsDocument,
    "\n  mutation AdminGrantEntitlement($input: GrantEntitlementInput!) {\n    grantEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n": typeof types.AdminGrantEntitlementDocument,
    "\n  mutation AdminRevokeEntitlement($input: RevokeEntitlementInput!) {\n    revokeEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n": typeof types.AdminRevokeEntitlementDocument,
    "\n  query AdminQuotaUsage($tenantId: ID!) {\n    quotaUsage(tenantId: $tenantId) {\n      entitlementId\n      feature\n      label\n      plan\n      used\n      limit\n      resetsAt\n    }\n  }\n": typeof types.AdminQuotaUsageDocument,
    "\n  fragment AdminFeatureFlagFields on FeatureFlag {\n    id\n    key\n    description\n    defaultEnabled\n    createdAt\n    updatedAt\n    overrides {\n      id\n      enabled\n      updatedAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.AdminFeatureFlagFieldsFragmentDoc,
    "\n  query AdminFeatureFlags($first: Int, $offset: Int) {\n    featureFlags(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": typeof types.AdminFeatureFlagsDocument,
    "\n  query AdminFeatureFlag($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": typeof types.AdminFeatureFlagDocument,
    "\n  query AdminFeatureFlagsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": typeof types.AdminFeatureFlagsByIdsDocument,
    "\n  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {\n    setFeatureFlag(input: $input) {\n      ...AdminFeatureFlagFields\n    }\n  }\n": typeof types.AdminSetFeatureFlagDocument,
    "\n  fragment AdminIncidentFields on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    updatedAt\n    mitigatedAt\n    resolvedAt\n    affectedTenants {\n      id\n      slug\n      name\n    }\n    openedBy {\n      id\n      name\n    }\n  }\n": typeof types.AdminIncidentFieldsFragmentDoc,
    "\n  fragment AdminIncidentDetailFields on Incident {\n    summary\n    correlationId\n    mitigatedBy {\n      id\n      name\n    }\n    resolvedBy {\n      id\n      name\n    }\n    tickets {\n      id\n      number\n      subject\n      status\n      priority\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    events {\n      id\n      type\n      severity\n      source\n      occurredAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    timeline {\n      id\n      kind\n      message\n      internal\n      at\n      fromStatus\n      toStatus\n      author {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminIncidentDetailFieldsFragmentDoc,
    "\n  query AdminIncidents($first: Int, $offset: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminIncidentFields\n      }\n    }\n  }\n": typeof types.AdminIncidentsDocument,
    "\n  query AdminIncident($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n        ...AdminIncidentDetailFields\n      }\n    }\n  }\n": typeof types.AdminIncidentDocument,
    "\n  query AdminIncidentsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n      }\n    }\n  }\n": typeof types.AdminIncidentsByIdsDocument,
    "\n  mutation AdminCreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...AdminIncidentFields\n      ...AdminIncidentDetailFields\n    }\n  }\n": typeof types.AdminCreateIncidentDocument,
    "\n  mutation AdminTransitionIncident($input: TransitionIncidentInput!) {\n    transitionIncident(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AdminTransitionIncidentDocument,
    "\n  mutation AdminAddIncidentNote($input: AddIncidentNoteInput!) {\n    addIncidentNote(input: $input) {\n      id\n      internal\n    }\n  }\n": typeof types.AdminAddIncidentNoteDocument,
    "\n  mutation AdminLinkIncidentTickets($input: LinkIncidentTicketsInput!) {\n    linkIncidentTickets(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminLinkIncidentTicketsDocument,
    "\n  mutation AdminLinkIncidentEvents($input: LinkIncidentEventsInput!) {\n    linkIncidentEvents(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminLinkIncidentEventsDocument,
    "\n  query AdminIncidentTicketSearch($filter: TicketFilter) {\n    tickets(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        number\n        subject\n        status\n        priority\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminIncidentTicketSearchDocument,
    "\n  query AdminIncidentEventSearch($filter: SystemEventFilter) {\n    systemEvents(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminIncidentEventSearchDocument,
    "\n  fragment AdminInvitationFields on Invitation {\n    id\n    email\n    status\n    expiresAt\n    acceptedAt\n    createdAt\n    role {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AdminInvitationFieldsFragmentDoc,
    "\n  query AdminTenantInvitations($tenantId: ID!, $first: Int, $offset: Int) {\n    invitations(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminInvitationFields\n      }\n    }\n  }\n": typeof types.AdminTenantInvitationsDocument,
    "\n  mutation AdminResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n": typeof types.AdminResendInvitationDocument,
    "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n": typeof types.AdminRevokeInvitationDocument,
    "\n  fragment AdminKycCaseFields on KycCase {\n    id\n    subjectName\n    subjectKind\n    status\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n    availableActions\n    tenant {\n      id\n      slug\n      name\n    }\n    createdBy {\n      id\n      name\n      email\n    }\n    review {\n      reviewStartedAt\n      recommendation\n      recommendedAt\n      riskRating\n      reviewer {\n        id\n        name\n        email\n      }\n      decidedBy {\n        id\n        name\n        email\n      }\n    }\n    documents(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.AdminKycCaseFieldsFragmentDoc,
    "\n  fragment AdminKycCaseDetailFields on KycCase {\n    customerMessage\n    person {\n      fullName\n      dateOfBirth\n      nationality\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    business {\n      legalName\n      registrationNumber\n      country\n      vatNumber\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    review {\n      recommendationReason\n      decisionReason\n    }\n    caseDocuments: documents(first: 50) {\n      nodes {\n        id\n        kind\n        filename\n        contentType\n        size\n        status\n        decisionReason\n        decidedAt\n        createdAt\n        downloadPath\n        decidedBy {\n          id\n          name\n        }\n        uploadedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminKycCaseDetailFieldsFragmentDoc,
    "\n  query AdminKycCases($first: Int, $offset: Int, $filter: KycCaseFilter, $orderBy: KycCaseOrder, $restFilter: KycCaseFilter, $withRest: Boolean!) {\n    kycCases(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminKycCaseFields\n      }\n    }\n    rest: kycCases(first: 1, filter: $restFilter) @include(if: $withRest) {\n      totalCount\n    }\n  }\n": typeof types.AdminKycCasesDocument,
    "\n  query AdminKycCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n        ...AdminKycCaseDetailFields\n      }\n    }\n  }\n": typeof types.AdminKycCaseDocument,
    "\n  query AdminKycCasesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n      }\n    }\n  }\n": typeof types.AdminKycCasesByIdsDocument,
    "\n  mutation AdminStartKycReview($input: KycCaseVersionInput!) {\n    startKycReview(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.AdminStartKycReviewDocument,
    "\n  mutation AdminDecideKycDocument($input: DecideKycDocumentInput!) {\n    decideKycDocument(input: $input) {\n      id\n      status\n      filename\n    }\n  }\n": typeof types.AdminDecideKycDocumentDocument,
    "\n  mutation AdminRequestKycInfo($input: RequestKycInfoInput!) {\n    requestKycInfo(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.AdminRequestKycInfoDocument,
    "\n  mutation AdminRecommendKycCase($input: RecommendKycCaseInput!) {\n    recommendKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.AdminRecommendKycCaseDocument,
    "\n  mutation AdminDecideKycCase($input: DecideKycCaseInput!) {\n    decideKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.AdminDecideKycCaseDocument,
    "\n  fragment AdminRoleFields on Role {\n    id\n    name\n    description\n    system\n    permissions\n  }\n": typeof types.AdminRoleFieldsFragmentDoc,
    "\n  query AdminTenantRoles($first: Int, $offset: Int, $tenantId: ID!) {\n    roles(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminRoleFields\n      }\n    }\n  }\n": typeof types.AdminTenantRolesDocument,
    "\n  fragment AdminMembershipFields on Membership {\n    id\n    createdAt\n    updatedAt\n    role {\n      id\n      ...AdminRoleFields\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AdminMembershipFieldsFragmentDoc,
    "\n  query AdminMemberships($first: Int, $offset: Int, $filter: MembershipFilter, $orderBy: MembershipOrder) {\n    memberships(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": typeof types.AdminMembershipsDocument,
    "\n  query AdminMembership($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": typeof types.AdminMembershipDocument,
    "\n  query AdminMembershipsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": typeof types.AdminMembershipsByIdsDocument,
    "\n  mutation AdminUpdateMembershipRole($input: UpdateMembershipRoleInput!) {\n    updateMembershipRole(input: $input) {\n      ...AdminMembershipFields\n    }\n  }\n": typeof types.AdminUpdateMembershipRoleDocument,
    "\n  query AdminTenantPermissions {\n    tenantPermissions\n  }\n": typeof types.AdminTenantPermissionsDocument,
    "\n  mutation AdminCreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n": typeof types.AdminCreateRoleDocument,
    "\n  mutation AdminUpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n": typeof types.AdminUpdateRoleDocument,
    "\n  mutation AdminDeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": typeof types.AdminDeleteRoleDocument,
    "\n  fragment AdminRunFields on AutomationRun {\n    id\n    status\n    trigger\n    attempts\n    maxAttempts\n    error\n    correlationId\n    createdAt\n    startedAt\n    finishedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    tool {\n      id\n      key\n      name\n    }\n  }\n": typeof types.AdminRunFieldsFragmentDoc,
    "\n  fragment AdminRunDetailFields on AutomationRun {\n    input\n    output\n    nextAttemptAt\n    requestedBy {\n      id\n      name\n      email\n    }\n    retryOf {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n": typeof types.AdminRunDetailFieldsFragmentDoc,
    "\n  query AdminRuns($first: Int, $offset: Int, $filter: RunFilter) {\n    runs(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminRunFields\n      }\n    }\n  }\n": typeof types.AdminRunsDocument,
    "\n  query AdminRun($id: ID!) {\n    run(id: $id) {\n      ...AdminRunFields\n      ...AdminRunDetailFields\n    }\n  }\n": typeof types.AdminRunDocument,
    "\n  query AdminRunsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AutomationRun {\n        ...AdminRunFields\n      }\n    }\n  }\n": typeof types.AdminRunsByIdsDocument,
    "\n  query AdminRunEvents($correlationId: String!) {\n    systemEvents(first: 100, filter: { correlationId: $correlationId, type: \"run.\" }) {\n      nodes {\n        id\n        type\n        severity\n        occurredAt\n        payload\n      }\n    }\n  }\n": typeof types.AdminRunEventsDocument,
    "\n  mutation AdminRetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AdminRetryRunDocument,
    "\n  mutation AdminCancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AdminCancelRunDocument,
    "\n  query AdminToolChoices {\n    tools(first: 100) {\n      nodes {\n        id\n        key\n        name\n      }\n    }\n  }\n": typeof types.AdminToolChoicesDocument,
    "\n  fragment AdminMessageFields on InboundMessage {\n    id\n    channel\n    sender\n    subject\n    status\n    error\n    errorReason\n    externalId\n    correlationId\n    receivedAt\n    processedAt\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n    run {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n": typeof types.AdminMessageFieldsFragmentDoc,
    "\n  query AdminMessages($first: Int, $offset: Int, $filter: MessageFilter) {\n    messages(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminMessageFields\n      }\n    }\n  }\n": typeof types.AdminMessagesDocument,
    "\n  query AdminMessage($id: ID!) {\n    message(id: $id) {\n      ...AdminMessageFields\n    }\n  }\n": typeof types.AdminMessageDocument,
    "\n  query AdminMessagesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on InboundMessage {\n        ...AdminMessageFields\n      }\n    }\n  }\n": typeof types.AdminMessagesByIdsDocument,
    "\n  fragment AdminSystemEventFields on SystemEvent {\n    id\n    type\n    severity\n    source\n    occurredAt\n    correlationId\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AdminSystemEventFieldsFragmentDoc,
    "\n  query AdminSystemEvents($first: Int, $offset: Int, $filter: SystemEventFilter) {\n    systemEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": typeof types.AdminSystemEventsDocument,
    "\n  query AdminSystemEvent($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": typeof types.AdminSystemEventDocument,
    "\n  query AdminSystemEventsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": typeof types.AdminSystemEventsByIdsDocument,
    "\n  query AdminSystemEventHistogram($filter: SystemEventFilter, $buckets: Int!) {\n    systemEventHistogram(filter: $filter, buckets: $buckets) {\n      from\n      to\n      bucketSeconds\n      buckets {\n        start\n        end\n        count\n        errors\n      }\n    }\n  }\n": typeof types.AdminSystemEventHistogramDocument,
    "\n  fragment AdminTenantFields on Tenant {\n    id\n    slug\n    name\n    requireTwoFactor\n    createdAt\n    updatedAt\n  }\n": typeof types.AdminTenantFieldsFragmentDoc,
    "\n  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {\n    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTenantFields\n      }\n    }\n  }\n": typeof types.AdminTenantsDocument,
    "\n  query AdminTenant($id: ID!) {\n    tenant(id: $id) {\n      ...AdminTenantFields\n    }\n  }\n": typeof types.AdminTenantDocument,
    "\n  query AdminTenantsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tenant {\n        ...AdminTenantFields\n      }\n    }\n  }\n": typeof types.AdminTenantsByIdsDocument,
    "\n  mutation AdminCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        ...AdminTenantFields\n      }\n      invitation {\n        ...AdminInvitationFields\n      }\n    }\n  }\n": typeof types.AdminCreateTenantDocument,
    "\n  fragment AdminTicketFields on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    correlationId\n    tenant {\n      id\n      slug\n      name\n    }\n    requester {\n      id\n      name\n      email\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AdminTicketFieldsFragmentDoc,
    "\n  fragment AdminTicketDetailFields on Ticket {\n    body\n    comments(first: 50) {\n      totalCount\n      nodes {\n        id\n        body\n        createdAt\n        internal\n        fromSupport\n        authorName\n        author {\n          id\n          name\n          email\n        }\n      }\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      sha256\n      internal\n      fromSupport\n      uploaderName\n      uploadedBy {\n        id\n        name\n        email\n      }\n      downloadPath\n      createdAt\n    }\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n  }\n": typeof types.AdminTicketDetailFieldsFragmentDoc,
    "\n  query AdminTickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTicketFields\n      }\n    }\n  }\n": typeof types.AdminTicketsDocument,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n": typeof types.AdminTicketDocument,
    "\n  query AdminTicketsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Ticket {\n        ...AdminTicketFields\n      }\n    }\n  }\n": typeof types.AdminTicketsByIdsDocument,
    "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n": typeof types.AdminUpdateTicketDocument,
    "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      internal\n    }\n  }\n": typeof types.AdminAddTicketCommentDocument,
    "\n  mutation AdminDeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n": typeof types.AdminDeleteTicketAttachmentDocument,
    "\n  fragment AdminToolFields on Tool {\n    id\n    key\n    name\n    category\n    description\n    status\n    inputSchema\n    createdAt\n    updatedAt\n  }\n": typeof types.AdminToolFieldsFragmentDoc,
    "\n  query AdminTools($first: Int, $offset: Int, $filter: ToolFilter, $orderBy: ToolOrder) {\n    tools(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminToolFields\n      }\n    }\n  }\n": typeof types.AdminToolsDocument,
    "\n  query AdminTool($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n": typeof types.AdminToolDocument,
    "\n  query AdminToolsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n": typeof types.AdminToolsByIdsDocument,
    "\n  mutation AdminCreateTool($input: CreateToolInput!) {\n    createTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n": typeof types.AdminCreateToolDocument,
    "\n  mutation AdminUpdateTool($input: UpdateToolInput!) {\n    updateTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n": typeof types.AdminUpdateToolDocument,
    "\n  query AdminTrace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            tenant {\n              id\n              name\n            }\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n          }\n          ... on SystemEvent {\n            type\n            severity\n            source\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminTraceDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    name\n    email\n    staffRole\n    deactivatedAt\n    twoFactorEnabled\n    createdAt\n    updatedAt\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  query AdminUsers($first: Int, $offset: Int, $filter: UserFilter, $orderBy: UserOrder) {\n    users(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query AdminUsersByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n": typeof types.AdminUsersByIdsDocument,
    "\n  fragment AdminSessionFields on Session {\n    id\n    userAgent\n    ip\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": typeof types.AdminSessionFieldsFragmentDoc,
    "\n  query AdminUserSessions($userId: ID!, $first: Int, $offset: Int) {\n    userSessions(userId: $userId, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminSessionFields\n      }\n    }\n  }\n": typeof types.AdminUserSessionsDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.AdminReactivateUserDocument,
    "\n  mutation AdminRevokeUserSessions($userId: ID!) {\n    revokeUserSessions(userId: $userId)\n  }\n": typeof types.AdminRevokeUserSessionsDocument,
    "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledAt\n    disabledReason\n    consecutiveFailures\n    failingSince\n    lastFailureAt\n    lastSuccessAt\n    secretRotatedAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AdminWebhookEndpointFieldsFragmentDoc,
    "\n  query AdminWebhookEndpoints($first: Int, $offset: Int, $filter: WebhookEndpointFilter) {\n    webhookEndpoints(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminWebhookEndpointsDocument,
    "\n  query AdminWebhookEndpoint($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminWebhookEndpointDocument,
    "\n  query AdminWebhookEndpointsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminWebhookEndpointsByIdsDocument,
    "\n  mutation AdminDisableWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n": typeof types.AdminDisableWebhookEndpointDocument,
    "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    trigger\n    attemptCount\n    maxAttempts\n    responseStatus\n    responseExcerpt\n    error\n    durationMs\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    endpoint {\n      id\n      url\n      enabled\n    }\n  }\n": typeof types.AdminWebhookDeliveryFieldsFragmentDoc,
    "\n  fragment AdminWebhookDeliveryAttemptFields on WebhookDeliveryAttempt {\n    attempt\n    at\n    durationMs\n    succeeded\n    responseStatus\n    responseExcerpt\n    error\n  }\n": typeof types.AdminWebhookDeliveryAttemptFieldsFragmentDoc,
    "\n  query AdminWebhookDeliveries($first: Int, $offset: Int, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.AdminWebhookDeliveriesDocument,
    "\n  query AdminWebhookDelivery($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n        attempts {\n          ...AdminWebhookDeliveryAttemptFields\n        }\n      }\n    }\n  }\n": typeof types.AdminWebhookDeliveryDocument,
    "\n  query AdminWebhookDeliveriesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.AdminWebhookDeliveriesByIdsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      otpauthUrl\n    }\n  }\n": typeof types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  query TenantSecurity($id: ID!) {\n    tenant(id: $id) {\n      id\n      requireTwoFactor\n    }\n  }\n": typeof types.TenantSecurityDocument,
    "\n  mutation UpdateTenantSecurity($input: UpdateTenantSecurityInput!) {\n    updateTenantSecurity(input: $input) {\n      id\n      requireTwoFactor\n    }\n  }\n": typeof types.UpdateTenantSecurityDocument,
    "\n  query MySessions {\n    mySessions(first: 50) {\n      totalCount\n      nodes {\n        id\n        current\n        userAgent\n        ip\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        action\n        actorKind\n        actor {\n          id\n          name\n        }\n        apiKey {\n          id\n          name\n        }\n        targetType\n        targetId\n        diff\n        correlationId\n        ip\n        createdAt\n      }\n    }\n  }\n": typeof types.AuditLogListDocument,
    "\n  query AuditActors {\n    memberships(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  query SystemEventList($first: Int, $after: String, $last: Int, $before: String, $filter: SystemEventFilter) {\n    systemEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        correlationId\n        payload\n      }\n    }\n  }\n": typeof types.SystemEventListDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment DashboardWidgetFields on DashboardWidget {\n    id\n    type\n    title\n    x\n    y\n    w\n    h\n    personal\n    config\n    data {\n      total\n      points {\n        key\n        label\n        value\n        limit\n      }\n    }\n  }\n": typeof types.DashboardWidgetFieldsFragmentDoc,
    "\n  mutation AddDashboardWidget($input: AddDashboardWidgetInput!) {\n    addDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n": typeof types.AddDashboardWidgetDocument,
    "\n  mutation MoveDashboardWidget($input: MoveDashboardWidgetInput!) {\n    moveDashboardWidget(input: $input) {\n      id\n      x\n      y\n      w\n      h\n    }\n  }\n": typeof types.MoveDashboardWidgetDocument,
    "\n  mutation UpdateDashboardWidget($input: UpdateDashboardWidgetInput!) {\n    updateDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n": typeof types.UpdateDashboardWidgetDocument,
    "\n  mutation RemoveDashboardWidget($id: ID!) {\n    removeDashboardWidget(id: $id)\n  }\n": typeof types.RemoveDashboardWidgetDocument,
    "\n  query Dashboard {\n    dashboard {\n      columns\n      availableTypes\n      widgets {\n        id\n        ...DashboardWidgetFields\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DeveloperApiKeys($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        prefix\n        permissions\n        status\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DeveloperApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query DeveloperWebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {\n    webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        url\n        description\n        events\n        enabled\n        disabledAt\n        disabledReason\n        consecutiveFailures\n        failingSince\n        lastSuccessAt\n        lastFailureAt\n        secretRotatedAt\n        previousSecretExpiresAt\n        createdAt\n      }\n    }\n  }\n": typeof types.DeveloperWebhookEndpointsDocument,
    "\n  query DeveloperWebhookEndpointOptions {\n    webhookEndpoints(first: 100) {\n      nodes {\n        id\n        url\n      }\n    }\n  }\n": typeof types.DeveloperWebhookEndpointOptionsDocument,
    "\n  query DeveloperWebhookEventTypes {\n    webhookEventTypes\n  }\n": typeof types.DeveloperWebhookEventTypesDocument,
    "\n  query DeveloperWebhookDeliveries($first: Int, $after: String, $last: Int, $before: String, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        eventId\n        eventType\n        status\n        trigger\n        attemptCount\n        maxAttempts\n        responseStatus\n        responseExcerpt\n        durationMs\n        error\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        endpoint {\n          id\n          url\n        }\n        attempts {\n          attempt\n          at\n          succeeded\n          responseStatus\n          durationMs\n          error\n          responseExcerpt\n        }\n      }\n    }\n  }\n": typeof types.DeveloperWebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledAt\n      disabledReason\n      consecutiveFailures\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        secretRotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  query ActiveIncidents($filter: IncidentFilter) {\n    incidents(first: 3, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n": typeof types.ActiveIncidentsDocument,
    "\n  query TicketIncidents($id: ID!) {\n    ticket(id: $id) {\n      id\n      incidents {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n": typeof types.TicketIncidentsDocument,
    "\n  subscription IncidentLive {\n    incidentChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.IncidentLiveDocument,
    "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      id\n      title\n      summary\n      severity\n      status\n      createdAt\n      mitigatedAt\n      resolvedAt\n      timeline {\n        id\n        kind\n        message\n        at\n        fromStatus\n        toStatus\n      }\n      tickets {\n        id\n        number\n        subject\n        status\n      }\n    }\n  }\n": typeof types.IncidentDetailDocument,
    "\n  query IncidentList($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        title\n        summary\n        severity\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": typeof types.IncidentListDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      tenantName\n      roleName\n      existingAccount\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  fragment KycDocumentItem on KycDocument {\n    id\n    kind\n    filename\n    contentType\n    size\n    status\n    decisionReason\n    decidedAt\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n": typeof types.KycDocumentItemFragmentDoc,
    "\n  fragment KycStatusChangeItem on KycStatusChange {\n    status\n    previousStatus\n    action\n    changedAt\n    message\n    changedBy {\n      id\n      name\n    }\n  }\n": typeof types.KycStatusChangeItemFragmentDoc,
    "\n  fragment KycCaseRow on KycCase {\n    id\n    subjectKind\n    subjectName\n    status\n    createdAt\n    updatedAt\n    documents(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.KycCaseRowFragmentDoc,
    "\n  mutation CreateKycCase($input: CreateKycCaseInput!) {\n    createKycCase(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateKycCaseDocument,
    "\n  mutation UpdateKycCase($input: UpdateKycCaseInput!) {\n    updateKycCase(input: $input) {\n      id\n      version\n      subjectName\n      updatedAt\n    }\n  }\n": typeof types.UpdateKycCaseDocument,
    "\n  mutation SubmitKycCase($input: KycCaseVersionInput!) {\n    submitKycCase(input: $input) {\n      id\n      status\n      version\n      submittedAt\n      availableActions\n    }\n  }\n": typeof types.SubmitKycCaseDocument,
    "\n  mutation DeleteKycDocument($id: ID!) {\n    deleteKycDocument(id: $id)\n  }\n": typeof types.DeleteKycDocumentDocument,
    "\n  query KycCaseDetail($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      customerMessage\n      createdAt\n      submittedAt\n      decidedAt\n      availableActions\n      createdBy {\n        id\n        name\n      }\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      documentUpload {\n        path\n        maxBytes\n        contentTypes\n      }\n      documents(first: 100) {\n        totalCount\n        nodes {\n          id\n          ...KycDocumentItem\n        }\n      }\n      statusHistory {\n        ...KycStatusChangeItem\n      }\n    }\n  }\n": typeof types.KycCaseDetailDocument,
    "\n  query KycCaseEdit($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      availableActions\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n    }\n  }\n": typeof types.KycCaseEditDocument,
    "\n  query KycCaseList($first: Int, $after: String, $last: Int, $before: String, $filter: KycCaseFilter, $orderBy: KycCaseOrder) {\n    kycCases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...KycCaseRow\n      }\n    }\n  }\n": typeof types.KycCaseListDocument,
    "\n  query MessageList($first: Int, $after: String, $last: Int, $before: String, $filter: MessageFilter, $orderBy: MessageOrder) {\n    messages(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        channel\n        sender\n        subject\n        status\n        error\n        receivedAt\n        correlationId\n        ticket {\n          id\n          number\n          subject\n        }\n        run {\n          id\n          status\n          tool {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MessageListDocument,
    "\n  query RunEvents($correlationId: String!) {\n    systemEvents(first: 50, filter: { correlationId: $correlationId }) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        payload\n      }\n    }\n  }\n": typeof types.RunEventsDocument,
    "\n  fragment RunRow on AutomationRun {\n    id\n    status\n    trigger\n    createdAt\n    startedAt\n    finishedAt\n    attempts\n    tool {\n      id\n      key\n      name\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      finishedAt\n      updatedAt\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation RetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RetryRunDocument,
    "\n  query RunDetail($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      trigger\n      input\n      output\n      error\n      attempts\n      maxAttempts\n      correlationId\n      createdAt\n      startedAt\n      finishedAt\n      nextAttemptAt\n      updatedAt\n      tool {\n        id\n        key\n        name\n      }\n      requestedBy {\n        id\n        name\n      }\n      retryOf {\n        id\n      }\n      ticket {\n        id\n        number\n        subject\n      }\n    }\n  }\n": typeof types.RunDetailDocument,
    "\n  subscription RunLive($id: ID!) {\n    runChanged(id: $id) {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.RunLiveDocument,
    "\n  subscription RunsLive {\n    runChanged {\n      id\n      status\n    }\n  }\n": typeof types.RunsLiveDocument,
    "\n  query RunList($first: Int, $after: String, $last: Int, $before: String, $filter: RunFilter, $orderBy: RunOrder) {\n    runs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow\n      }\n    }\n  }\n": typeof types.RunListDocument,
    "\n  query RunToolOptions {\n    tools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RunToolOptionsDocument,
    "\n  query TeamMembers($first: Int, $after: String, $last: Int, $before: String, $orderBy: MembershipOrder) {\n    memberships(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TeamMembersDocument,
    "\n  query TeamRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n        system\n      }\n    }\n  }\n": typeof types.TeamRolesDocument,
    "\n  query PendingInvitations {\n    invitations(first: 100, filter: { status: PENDING }) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n        createdAt\n        expiresAt\n        role {\n          id\n          name\n        }\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      status\n      expiresAt\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RemoveMember($membershipId: ID!) {\n    removeMember(membershipId: $membershipId) {\n      id\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation LeaveTenant {\n    leaveTenant\n  }\n": typeof types.LeaveTenantDocument,
    "\n  fragment TicketAttachmentItem on TicketAttachment {\n    id\n    filename\n    contentType\n    size\n    sha256\n    internal\n    fromSupport\n    uploaderName\n    uploadedBy {\n      id\n      name\n    }\n    downloadPath\n    createdAt\n  }\n": typeof types.TicketAttachmentItemFragmentDoc,
    "\n  fragment TicketAttachmentsSection on Ticket {\n    id\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n    attachments {\n      id\n      ...TicketAttachmentItem\n    }\n  }\n": typeof types.TicketAttachmentsSectionFragmentDoc,
    "\n  query TicketAttachments($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketAttachmentsSection\n    }\n  }\n": typeof types.TicketAttachmentsDocument,
    "\n  fragment TicketCommentItem on TicketComment {\n    id\n    body\n    createdAt\n    internal\n    fromSupport\n    authorName\n  }\n": typeof types.TicketCommentItemFragmentDoc,
    "\n  fragment TicketRow on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    requester {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n": typeof types.TicketRowFragmentDoc,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      id\n      number\n    }\n  }\n": typeof types.CreateTicketDocument,
    "\n  mutation UpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      id\n      status\n      priority\n      version\n      updatedAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateTicketDocument,
    "\n  mutation DeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n": typeof types.DeleteTicketAttachmentDocument,
    "\n  mutation AddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      ...TicketCommentItem\n    }\n  }\n": typeof types.AddTicketCommentDocument,
    "\n  query TicketSearch($text: String!) {\n    tickets(first: 6, filter: { text: $text }, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      nodes {\n        id\n        number\n        subject\n      }\n    }\n  }\n": typeof types.TicketSearchDocument,
    "\n  query TicketWorkers {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TicketWorkersDocument,
    "\n  query TicketDetail($id: ID!, $commentsBefore: String) {\n    ticket(id: $id) {\n      id\n      number\n      subject\n      body\n      status\n      priority\n      version\n      createdAt\n      updatedAt\n      correlationId\n      requester {\n        id\n        name\n        email\n      }\n      assignee {\n        id\n        name\n      }\n      ...TicketAttachmentsSection\n      # The newest comments; earlier ones load on demand (the cache prepends them).\n      comments(last: 30, before: $commentsBefore) {\n        totalCount\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        nodes {\n          id\n          ...TicketCommentItem\n        }\n      }\n    }\n  }\n": typeof types.TicketDetailDocument,
    "\n  subscription TicketLive($id: ID!) {\n    ticketChanged(id: $id) {\n      kind\n      ticket {\n        id\n        status\n        priority\n        version\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        attachments {\n          id\n          ...TicketAttachmentItem\n        }\n      }\n      comment {\n        id\n        ...TicketCommentItem\n      }\n    }\n  }\n": typeof types.TicketLiveDocument,
    "\n  query TicketAssignees {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TicketAssigneesDocument,
    "\n  query TicketList($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...TicketRow\n      }\n    }\n  }\n": typeof types.TicketListDocument,
    "\n  fragment ToolCatalogEntry on Entitlement {\n    id\n    plan\n    limits\n    validUntil\n    runsUsedThisMonth\n    tool {\n      id\n      key\n      name\n      description\n      category\n      status\n      inputSchema\n      panel {\n        id\n        title\n        layout\n        defaultInput\n        recentRunsLimit\n        recentRunsScope\n      }\n    }\n  }\n": typeof types.ToolCatalogEntryFragmentDoc,
    "\n  query ToolRecentRuns($toolId: ID!, $requestedById: ID, $first: Int = 5) {\n    recent: runs(first: $first, filter: { toolId: $toolId, requestedById: $requestedById }) {\n      nodes {\n        id\n        status\n        createdAt\n        requestedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ToolRecentRunsDocument,
    "\n  mutation StartRun($input: StartRunInput!) {\n    startRun(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.StartRunDocument,
    "\n  query ToolsCatalog {\n    entitlements(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        ...ToolCatalogEntry\n      }\n    }\n  }\n": typeof types.ToolsCatalogDocument,
    "\n  query Trace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            subject\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n            diff\n          }\n          ... on SystemEvent {\n            type\n            severity\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n": typeof types.TraceDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query NotificationList($first: Int!, $after: String, $filter: NotificationFilter) {\n    notifications(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        url\n        read\n        createdAt\n      }\n    }\n  }\n": typeof types.NotificationListDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreference($input: UpdateNotificationPreferenceInput!) {\n    updateNotificationPreference(input: $input) {\n      kind\n      inApp\n      email\n    }\n  }\n": typeof types.UpdateNotificationPreferenceDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n        staffRole\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n": typeof types.SwitchTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query SessionMe {\n    me {\n      user {\n        id\n        name\n        email\n        staffRole\n      }\n      tenant {\n        id\n        slug\n        name\n      }\n      role\n      staffRole\n      permissions\n      twoFactorEnabled\n      twoFactorEnrollmentRequired\n      featureFlags {\n        key\n        enabled\n      }\n      memberships {\n        id\n        tenant {\n          id\n          slug\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SessionMeDocument,
};
const documents: Documents = {
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    permissions\n    status\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n    createdBy {\n      id\n      name\n      email\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys($first: Int, $offset: Int, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminApiKeysDocument,
    "\n  query AdminApiKey($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminApiKeyDocument,
    "\n  query AdminApiKeysByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminApiKeysByIdsDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": types.AdminRevokeApiKeyDocument,
    "\n  fragment AdminAuditLogFields on AuditLog {\n    id\n    action\n    createdAt\n    correlationId\n    ip\n    targetId\n    targetType\n    diff\n    actor {\n      id\n      name\n      email\n      staffRole\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": types.AdminAuditLogFieldsFragmentDoc,
    "\n  query AdminAuditLogs($first: Int, $offset: Int, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": types.AdminAuditLogsDocument,
    "\n  query AdminAuditLog($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  query AdminAuditLogsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n": types.AdminAuditLogsByIdsDocument,
    "\n  fragment AdminEntitlementFields on Entitlement {\n    id\n    feature\n    plan\n    limits\n    validFrom\n    validUntil\n    revokedAt\n    revokeReason\n    active\n    createdAt\n    tool {\n      id\n      key\n      name\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": types.AdminEntitlementFieldsFragmentDoc,
    "\n  query AdminEntitlements($first: Int, $offset: Int, $filter: EntitlementFilter) {\n    entitlements(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": types.AdminEntitlementsDocument,
    "\n  query AdminEntitlement($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": types.AdminEntitlementDocument,
    "\n  query AdminEntitlementsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n": types.AdminEntitlementsByIdsDocument,
    "\n  mutation AdminGrantEntitlement($input: GrantEntitlementInput!) {\n    grantEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n": types.AdminGrantEntitlementDocument,
    "\n  mutation AdminRevokeEntitlement($input: RevokeEntitlementInput!) {\n    revokeEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n": types.AdminRevokeEntitlementDocument,
    "\n  query AdminQuotaUsage($tenantId: ID!) {\n    quotaUsage(tenantId: $tenantId) {\n      entitlementId\n      feature\n      label\n      plan\n      used\n      limit\n      resetsAt\n    }\n  }\n": types.AdminQuotaUsageDocument,
    "\n  fragment AdminFeatureFlagFields on FeatureFlag {\n    id\n    key\n    description\n    defaultEnabled\n    createdAt\n    updatedAt\n    overrides {\n      id\n      enabled\n      updatedAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.AdminFeatureFlagFieldsFragmentDoc,
    "\n  query AdminFeatureFlags($first: Int, $offset: Int) {\n    featureFlags(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": types.AdminFeatureFlagsDocument,
    "\n  query AdminFeatureFlag($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": types.AdminFeatureFlagDocument,
    "\n  query AdminFeatureFlagsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n": types.AdminFeatureFlagsByIdsDocument,
    "\n  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {\n    setFeatureFlag(input: $input) {\n      ...AdminFeatureFlagFields\n    }\n  }\n": types.AdminSetFeatureFlagDocument,
    "\n  fragment AdminIncidentFields on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    updatedAt\n    mitigatedAt\n    resolvedAt\n    affectedTenants {\n      id\n      slug\n      name\n    }\n    openedBy {\n      id\n      name\n    }\n  }\n": types.AdminIncidentFieldsFragmentDoc,
    "\n  fragment AdminIncidentDetailFields on Incident {\n    summary\n    correlationId\n    mitigatedBy {\n      id\n      name\n    }\n    resolvedBy {\n      id\n      name\n    }\n    tickets {\n      id\n      number\n      subject\n      status\n      priority\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    events {\n      id\n      type\n      severity\n      source\n      occurredAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    timeline {\n      id\n      kind\n      message\n      internal\n      at\n      fromStatus\n      toStatus\n      author {\n        id\n        name\n      }\n    }\n  }\n": types.AdminIncidentDetailFieldsFragmentDoc,
    "\n  query AdminIncidents($first: Int, $offset: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminIncidentFields\n      }\n    }\n  }\n": types.AdminIncidentsDocument,
    "\n  query AdminIncident($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n        ...AdminIncidentDetailFields\n      }\n    }\n  }\n": types.AdminIncidentDocument,
    "\n  query AdminIncidentsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n      }\n    }\n  }\n": types.AdminIncidentsByIdsDocument,
    "\n  mutation AdminCreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...AdminIncidentFields\n      ...AdminIncidentDetailFields\n    }\n  }\n": types.AdminCreateIncidentDocument,
    "\n  mutation AdminTransitionIncident($input: TransitionIncidentInput!) {\n    transitionIncident(input: $input) {\n      id\n      status\n    }\n  }\n": types.AdminTransitionIncidentDocument,
    "\n  mutation AdminAddIncidentNote($input: AddIncidentNoteInput!) {\n    addIncidentNote(input: $input) {\n      id\n      internal\n    }\n  }\n": types.AdminAddIncidentNoteDocument,
    "\n  mutation AdminLinkIncidentTickets($input: LinkIncidentTicketsInput!) {\n    linkIncidentTickets(input: $input) {\n      id\n    }\n  }\n": types.AdminLinkIncidentTicketsDocument,
    "\n  mutation AdminLinkIncidentEvents($input: LinkIncidentEventsInput!) {\n    linkIncidentEvents(input: $input) {\n      id\n    }\n  }\n": types.AdminLinkIncidentEventsDocument,
    "\n  query AdminIncidentTicketSearch($filter: TicketFilter) {\n    tickets(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        number\n        subject\n        status\n        priority\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.AdminIncidentTicketSearchDocument,
    "\n  query AdminIncidentEventSearch($filter: SystemEventFilter) {\n    systemEvents(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.AdminIncidentEventSearchDocument,
    "\n  fragment AdminInvitationFields on Invitation {\n    id\n    email\n    status\n    expiresAt\n    acceptedAt\n    createdAt\n    role {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n": types.AdminInvitationFieldsFragmentDoc,
    "\n  query AdminTenantInvitations($tenantId: ID!, $first: Int, $offset: Int) {\n    invitations(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminInvitationFields\n      }\n    }\n  }\n": types.AdminTenantInvitationsDocument,
    "\n  mutation AdminResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n": types.AdminResendInvitationDocument,
    "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n": types.AdminRevokeInvitationDocument,
    "\n  fragment AdminKycCaseFields on KycCase {\n    id\n    subjectName\n    subjectKind\n    status\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n    availableActions\n    tenant {\n      id\n      slug\n      name\n    }\n    createdBy {\n      id\n      name\n      email\n    }\n    review {\n      reviewStartedAt\n      recommendation\n      recommendedAt\n      riskRating\n      reviewer {\n        id\n        name\n        email\n      }\n      decidedBy {\n        id\n        name\n        email\n      }\n    }\n    documents(first: 1) {\n      totalCount\n    }\n  }\n": types.AdminKycCaseFieldsFragmentDoc,
    "\n  fragment AdminKycCaseDetailFields on KycCase {\n    customerMessage\n    person {\n      fullName\n      dateOfBirth\n      nationality\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    business {\n      legalName\n      registrationNumber\n      country\n      vatNumber\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    review {\n      recommendationReason\n      decisionReason\n    }\n    caseDocuments: documents(first: 50) {\n      nodes {\n        id\n        kind\n        filename\n        contentType\n        size\n        status\n        decisionReason\n        decidedAt\n        createdAt\n        downloadPath\n        decidedBy {\n          id\n          name\n        }\n        uploadedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminKycCaseDetailFieldsFragmentDoc,
    "\n  query AdminKycCases($first: Int, $offset: Int, $filter: KycCaseFilter, $orderBy: KycCaseOrder, $restFilter: KycCaseFilter, $withRest: Boolean!) {\n    kycCases(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminKycCaseFields\n      }\n    }\n    rest: kycCases(first: 1, filter: $restFilter) @include(if: $withRest) {\n      totalCount\n    }\n  }\n": types.AdminKycCasesDocument,
    "\n  query AdminKycCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n        ...AdminKycCaseDetailFields\n      }\n    }\n  }\n": types.AdminKycCaseDocument,
    "\n  query AdminKycCasesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n      }\n    }\n  }\n": types.AdminKycCasesByIdsDocument,
    "\n  mutation AdminStartKycReview($input: KycCaseVersionInput!) {\n    startKycReview(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.AdminStartKycReviewDocument,
    "\n  mutation AdminDecideKycDocument($input: DecideKycDocumentInput!) {\n    decideKycDocument(input: $input) {\n      id\n      status\n      filename\n    }\n  }\n": types.AdminDecideKycDocumentDocument,
    "\n  mutation AdminRequestKycInfo($input: RequestKycInfoInput!) {\n    requestKycInfo(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.AdminRequestKycInfoDocument,
    "\n  mutation AdminRecommendKycCase($input: RecommendKycCaseInput!) {\n    recommendKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.AdminRecommendKycCaseDocument,
    "\n  mutation AdminDecideKycCase($input: DecideKycCaseInput!) {\n    decideKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.AdminDecideKycCaseDocument,
    "\n  fragment AdminRoleFields on Role {\n    id\n    name\n    description\n    system\n    permissions\n  }\n": types.AdminRoleFieldsFragmentDoc,
    "\n  query AdminTenantRoles($first: Int, $offset: Int, $tenantId: ID!) {\n    roles(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminRoleFields\n      }\n    }\n  }\n": types.AdminTenantRolesDocument,
    "\n  fragment AdminMembershipFields on Membership {\n    id\n    createdAt\n    updatedAt\n    role {\n      id\n      ...AdminRoleFields\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      name\n      email\n    }\n  }\n": types.AdminMembershipFieldsFragmentDoc,
    "\n  query AdminMemberships($first: Int, $offset: Int, $filter: MembershipFilter, $orderBy: MembershipOrder) {\n    memberships(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": types.AdminMembershipsDocument,
    "\n  query AdminMembership($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": types.AdminMembershipDocument,
    "\n  query AdminMembershipsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n": types.AdminMembershipsByIdsDocument,
    "\n  mutation AdminUpdateMembershipRole($input: UpdateMembershipRoleInput!) {\n    updateMembershipRole(input: $input) {\n      ...AdminMembershipFields\n    }\n  }\n": types.AdminUpdateMembershipRoleDocument,
    "\n  query AdminTenantPermissions {\n    tenantPermissions\n  }\n": types.AdminTenantPermissionsDocument,
    "\n  mutation AdminCreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n": types.AdminCreateRoleDocument,
    "\n  mutation AdminUpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n": types.AdminUpdateRoleDocument,
    "\n  mutation AdminDeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": types.AdminDeleteRoleDocument,
    "\n  fragment AdminRunFields on AutomationRun {\n    id\n    status\n    trigger\n    attempts\n    maxAttempts\n    error\n    correlationId\n    createdAt\n    startedAt\n    finishedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    tool {\n      id\n      key\n      name\n    }\n  }\n": types.AdminRunFieldsFragmentDoc,
    "\n  fragment AdminRunDetailFields on AutomationRun {\n    input\n    output\n    nextAttemptAt\n    requestedBy {\n      id\n      name\n      email\n    }\n    retryOf {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n": types.AdminRunDetailFieldsFragmentDoc,
    "\n  query AdminRuns($first: Int, $offset: Int, $filter: RunFilter) {\n    runs(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminRunFields\n      }\n    }\n  }\n": types.AdminRunsDocument,
    "\n  query AdminRun($id: ID!) {\n    run(id: $id) {\n      ...AdminRunFields\n      ...AdminRunDetailFields\n    }\n  }\n": types.AdminRunDocument,
    "\n  query AdminRunsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AutomationRun {\n        ...AdminRunFields\n      }\n    }\n  }\n": types.AdminRunsByIdsDocument,
    "\n  query AdminRunEvents($correlationId: String!) {\n    systemEvents(first: 100, filter: { correlationId: $correlationId, type: \"run.\" }) {\n      nodes {\n        id\n        type\n        severity\n        occurredAt\n        payload\n      }\n    }\n  }\n": types.AdminRunEventsDocument,
    "\n  mutation AdminRetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n": types.AdminRetryRunDocument,
    "\n  mutation AdminCancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n": types.AdminCancelRunDocument,
    "\n  query AdminToolChoices {\n    tools(first: 100) {\n      nodes {\n        id\n        key\n        name\n      }\n    }\n  }\n": types.AdminToolChoicesDocument,
    "\n  fragment AdminMessageFields on InboundMessage {\n    id\n    channel\n    sender\n    subject\n    status\n    error\n    errorReason\n    externalId\n    correlationId\n    receivedAt\n    processedAt\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n    run {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n": types.AdminMessageFieldsFragmentDoc,
    "\n  query AdminMessages($first: Int, $offset: Int, $filter: MessageFilter) {\n    messages(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminMessageFields\n      }\n    }\n  }\n": types.AdminMessagesDocument,
    "\n  query AdminMessage($id: ID!) {\n    message(id: $id) {\n      ...AdminMessageFields\n    }\n  }\n": types.AdminMessageDocument,
    "\n  query AdminMessagesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on InboundMessage {\n        ...AdminMessageFields\n      }\n    }\n  }\n": types.AdminMessagesByIdsDocument,
    "\n  fragment AdminSystemEventFields on SystemEvent {\n    id\n    type\n    severity\n    source\n    occurredAt\n    correlationId\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": types.AdminSystemEventFieldsFragmentDoc,
    "\n  query AdminSystemEvents($first: Int, $offset: Int, $filter: SystemEventFilter) {\n    systemEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": types.AdminSystemEventsDocument,
    "\n  query AdminSystemEvent($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": types.AdminSystemEventDocument,
    "\n  query AdminSystemEventsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n": types.AdminSystemEventsByIdsDocument,
    "\n  query AdminSystemEventHistogram($filter: SystemEventFilter, $buckets: Int!) {\n    systemEventHistogram(filter: $filter, buckets: $buckets) {\n      from\n      to\n      bucketSeconds\n      buckets {\n        start\n        end\n        count\n        errors\n      }\n    }\n  }\n": types.AdminSystemEventHistogramDocument,
    "\n  fragment AdminTenantFields on Tenant {\n    id\n    slug\n    name\n    requireTwoFactor\n    createdAt\n    updatedAt\n  }\n": types.AdminTenantFieldsFragmentDoc,
    "\n  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {\n    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTenantFields\n      }\n    }\n  }\n": types.AdminTenantsDocument,
    "\n  query AdminTenant($id: ID!) {\n    tenant(id: $id) {\n      ...AdminTenantFields\n    }\n  }\n": types.AdminTenantDocument,
    "\n  query AdminTenantsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tenant {\n        ...AdminTenantFields\n      }\n    }\n  }\n": types.AdminTenantsByIdsDocument,
    "\n  mutation AdminCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        ...AdminTenantFields\n      }\n      invitation {\n        ...AdminInvitationFields\n      }\n    }\n  }\n": types.AdminCreateTenantDocument,
    "\n  fragment AdminTicketFields on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    correlationId\n    tenant {\n      id\n      slug\n      name\n    }\n    requester {\n      id\n      name\n      email\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n": types.AdminTicketFieldsFragmentDoc,
    "\n  fragment AdminTicketDetailFields on Ticket {\n    body\n    comments(first: 50) {\n      totalCount\n      nodes {\n        id\n        body\n        createdAt\n        internal\n        fromSupport\n        authorName\n        author {\n          id\n          name\n          email\n        }\n      }\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      sha256\n      internal\n      fromSupport\n      uploaderName\n      uploadedBy {\n        id\n        name\n        email\n      }\n      downloadPath\n      createdAt\n    }\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n  }\n": types.AdminTicketDetailFieldsFragmentDoc,
    "\n  query AdminTickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTicketFields\n      }\n    }\n  }\n": types.AdminTicketsDocument,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n": types.AdminTicketDocument,
    "\n  query AdminTicketsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Ticket {\n        ...AdminTicketFields\n      }\n    }\n  }\n": types.AdminTicketsByIdsDocument,
    "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n": types.AdminUpdateTicketDocument,
    "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      internal\n    }\n  }\n": types.AdminAddTicketCommentDocument,
    "\n  mutation AdminDeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n": types.AdminDeleteTicketAttachmentDocument,
    "\n  fragment AdminToolFields on Tool {\n    id\n    key\n    name\n    category\n    description\n    status\n    inputSchema\n    createdAt\n    updatedAt\n  }\n": types.AdminToolFieldsFragmentDoc,
    "\n  query AdminTools($first: Int, $offset: Int, $filter: ToolFilter, $orderBy: ToolOrder) {\n    tools(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminToolFields\n      }\n    }\n  }\n": types.AdminToolsDocument,
    "\n  query AdminTool($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n": types.AdminToolDocument,
    "\n  query AdminToolsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n": types.AdminToolsByIdsDocument,
    "\n  mutation AdminCreateTool($input: CreateToolInput!) {\n    createTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n": types.AdminCreateToolDocument,
    "\n  mutation AdminUpdateTool($input: UpdateToolInput!) {\n    updateTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n": types.AdminUpdateToolDocument,
    "\n  query AdminTrace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            tenant {\n              id\n              name\n            }\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n          }\n          ... on SystemEvent {\n            type\n            severity\n            source\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n": types.AdminTraceDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    name\n    email\n    staffRole\n    deactivatedAt\n    twoFactorEnabled\n    createdAt\n    updatedAt\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  query AdminUsers($first: Int, $offset: Int, $filter: UserFilter, $orderBy: UserOrder) {\n    users(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n": types.AdminUserDocument,
    "\n  query AdminUsersByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n": types.AdminUsersByIdsDocument,
    "\n  fragment AdminSessionFields on Session {\n    id\n    userAgent\n    ip\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": types.AdminSessionFieldsFragmentDoc,
    "\n  query AdminUserSessions($userId: ID!, $first: Int, $offset: Int) {\n    userSessions(userId: $userId, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminSessionFields\n      }\n    }\n  }\n": types.AdminUserSessionsDocument,
    "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n": types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n": types.AdminReactivateUserDocument,
    "\n  mutation AdminRevokeUserSessions($userId: ID!) {\n    revokeUserSessions(userId: $userId)\n  }\n": types.AdminRevokeUserSessionsDocument,
    "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledAt\n    disabledReason\n    consecutiveFailures\n    failingSince\n    lastFailureAt\n    lastSuccessAt\n    secretRotatedAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n": types.AdminWebhookEndpointFieldsFragmentDoc,
    "\n  query AdminWebhookEndpoints($first: Int, $offset: Int, $filter: WebhookEndpointFilter) {\n    webhookEndpoints(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminWebhookEndpointsDocument,
    "\n  query AdminWebhookEndpoint($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminWebhookEndpointDocument,
    "\n  query AdminWebhookEndpointsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminWebhookEndpointsByIdsDocument,
    "\n  mutation AdminDisableWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n": types.AdminDisableWebhookEndpointDocument,
    "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    trigger\n    attemptCount\n    maxAttempts\n    responseStatus\n    responseExcerpt\n    error\n    durationMs\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    endpoint {\n      id\n      url\n      enabled\n    }\n  }\n": types.AdminWebhookDeliveryFieldsFragmentDoc,
    "\n  fragment AdminWebhookDeliveryAttemptFields on WebhookDeliveryAttempt {\n    attempt\n    at\n    durationMs\n    succeeded\n    responseStatus\n    responseExcerpt\n    error\n  }\n": types.AdminWebhookDeliveryAttemptFieldsFragmentDoc,
    "\n  query AdminWebhookDeliveries($first: Int, $offset: Int, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": types.AdminWebhookDeliveriesDocument,
    "\n  query AdminWebhookDelivery($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n        attempts {\n          ...AdminWebhookDeliveryAttemptFields\n        }\n      }\n    }\n  }\n": types.AdminWebhookDeliveryDocument,
    "\n  query AdminWebhookDeliveriesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": types.AdminWebhookDeliveriesByIdsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      otpauthUrl\n    }\n  }\n": types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  query TenantSecurity($id: ID!) {\n    tenant(id: $id) {\n      id\n      requireTwoFactor\n    }\n  }\n": types.TenantSecurityDocument,
    "\n  mutation UpdateTenantSecurity($input: UpdateTenantSecurityInput!) {\n    updateTenantSecurity(input: $input) {\n      id\n      requireTwoFactor\n    }\n  }\n": types.UpdateTenantSecurityDocument,
    "\n  query MySessions {\n    mySessions(first: 50) {\n      totalCount\n      nodes {\n        id\n        current\n        userAgent\n        ip\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        action\n        actorKind\n        actor {\n          id\n          name\n        }\n        apiKey {\n          id\n          name\n        }\n        targetType\n        targetId\n        diff\n        correlationId\n        ip\n        createdAt\n      }\n    }\n  }\n": types.AuditLogListDocument,
    "\n  query AuditActors {\n    memberships(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  query SystemEventList($first: Int, $after: String, $last: Int, $before: String, $filter: SystemEventFilter) {\n    systemEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        correlationId\n        payload\n      }\n    }\n  }\n": types.SystemEventListDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  fragment DashboardWidgetFields on DashboardWidget {\n    id\n    type\n    title\n    x\n    y\n    w\n    h\n    personal\n    config\n    data {\n      total\n      points {\n        key\n        label\n        value\n        limit\n      }\n    }\n  }\n": types.DashboardWidgetFieldsFragmentDoc,
    "\n  mutation AddDashboardWidget($input: AddDashboardWidgetInput!) {\n    addDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n": types.AddDashboardWidgetDocument,
    "\n  mutation MoveDashboardWidget($input: MoveDashboardWidgetInput!) {\n    moveDashboardWidget(input: $input) {\n      id\n      x\n      y\n      w\n      h\n    }\n  }\n": types.MoveDashboardWidgetDocument,
    "\n  mutation UpdateDashboardWidget($input: UpdateDashboardWidgetInput!) {\n    updateDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n": types.UpdateDashboardWidgetDocument,
    "\n  mutation RemoveDashboardWidget($id: ID!) {\n    removeDashboardWidget(id: $id)\n  }\n": types.RemoveDashboardWidgetDocument,
    "\n  query Dashboard {\n    dashboard {\n      columns\n      availableTypes\n      widgets {\n        id\n        ...DashboardWidgetFields\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DeveloperApiKeys($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        prefix\n        permissions\n        status\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DeveloperApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query DeveloperWebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {\n    webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        url\n        description\n        events\n        enabled\n        disabledAt\n        disabledReason\n        consecutiveFailures\n        failingSince\n        lastSuccessAt\n        lastFailureAt\n        secretRotatedAt\n        previousSecretExpiresAt\n        createdAt\n      }\n    }\n  }\n": types.DeveloperWebhookEndpointsDocument,
    "\n  query DeveloperWebhookEndpointOptions {\n    webhookEndpoints(first: 100) {\n      nodes {\n        id\n        url\n      }\n    }\n  }\n": types.DeveloperWebhookEndpointOptionsDocument,
    "\n  query DeveloperWebhookEventTypes {\n    webhookEventTypes\n  }\n": types.DeveloperWebhookEventTypesDocument,
    "\n  query DeveloperWebhookDeliveries($first: Int, $after: String, $last: Int, $before: String, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        eventId\n        eventType\n        status\n        trigger\n        attemptCount\n        maxAttempts\n        responseStatus\n        responseExcerpt\n        durationMs\n        error\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        endpoint {\n          id\n          url\n        }\n        attempts {\n          attempt\n          at\n          succeeded\n          responseStatus\n          durationMs\n          error\n          responseExcerpt\n        }\n      }\n    }\n  }\n": types.DeveloperWebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledAt\n      disabledReason\n      consecutiveFailures\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        secretRotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      status\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  query ActiveIncidents($filter: IncidentFilter) {\n    incidents(first: 3, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n": types.ActiveIncidentsDocument,
    "\n  query TicketIncidents($id: ID!) {\n    ticket(id: $id) {\n      id\n      incidents {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n": types.TicketIncidentsDocument,
    "\n  subscription IncidentLive {\n    incidentChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.IncidentLiveDocument,
    "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      id\n      title\n      summary\n      severity\n      status\n      createdAt\n      mitigatedAt\n      resolvedAt\n      timeline {\n        id\n        kind\n        message\n        at\n        fromStatus\n        toStatus\n      }\n      tickets {\n        id\n        number\n        subject\n        status\n      }\n    }\n  }\n": types.IncidentDetailDocument,
    "\n  query IncidentList($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        title\n        summary\n        severity\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": types.IncidentListDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      tenantName\n      roleName\n      existingAccount\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  fragment KycDocumentItem on KycDocument {\n    id\n    kind\n    filename\n    contentType\n    size\n    status\n    decisionReason\n    decidedAt\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n": types.KycDocumentItemFragmentDoc,
    "\n  fragment KycStatusChangeItem on KycStatusChange {\n    status\n    previousStatus\n    action\n    changedAt\n    message\n    changedBy {\n      id\n      name\n    }\n  }\n": types.KycStatusChangeItemFragmentDoc,
    "\n  fragment KycCaseRow on KycCase {\n    id\n    subjectKind\n    subjectName\n    status\n    createdAt\n    updatedAt\n    documents(first: 1) {\n      totalCount\n    }\n  }\n": types.KycCaseRowFragmentDoc,
    "\n  mutation CreateKycCase($input: CreateKycCaseInput!) {\n    createKycCase(input: $input) {\n      id\n    }\n  }\n": types.CreateKycCaseDocument,
    "\n  mutation UpdateKycCase($input: UpdateKycCaseInput!) {\n    updateKycCase(input: $input) {\n      id\n      version\n      subjectName\n      updatedAt\n    }\n  }\n": types.UpdateKycCaseDocument,
    "\n  mutation SubmitKycCase($input: KycCaseVersionInput!) {\n    submitKycCase(input: $input) {\n      id\n      status\n      version\n      submittedAt\n      availableActions\n    }\n  }\n": types.SubmitKycCaseDocument,
    "\n  mutation DeleteKycDocument($id: ID!) {\n    deleteKycDocument(id: $id)\n  }\n": types.DeleteKycDocumentDocument,
    "\n  query KycCaseDetail($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      customerMessage\n      createdAt\n      submittedAt\n      decidedAt\n      availableActions\n      createdBy {\n        id\n        name\n      }\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      documentUpload {\n        path\n        maxBytes\n        contentTypes\n      }\n      documents(first: 100) {\n        totalCount\n        nodes {\n          id\n          ...KycDocumentItem\n        }\n      }\n      statusHistory {\n        ...KycStatusChangeItem\n      }\n    }\n  }\n": types.KycCaseDetailDocument,
    "\n  query KycCaseEdit($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      availableActions\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n    }\n  }\n": types.KycCaseEditDocument,
    "\n  query KycCaseList($first: Int, $after: String, $last: Int, $before: String, $filter: KycCaseFilter, $orderBy: KycCaseOrder) {\n    kycCases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...KycCaseRow\n      }\n    }\n  }\n": types.KycCaseListDocument,
    "\n  query MessageList($first: Int, $after: String, $last: Int, $before: String, $filter: MessageFilter, $orderBy: MessageOrder) {\n    messages(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        channel\n        sender\n        subject\n        status\n        error\n        receivedAt\n        correlationId\n        ticket {\n          id\n          number\n          subject\n        }\n        run {\n          id\n          status\n          tool {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MessageListDocument,
    "\n  query RunEvents($correlationId: String!) {\n    systemEvents(first: 50, filter: { correlationId: $correlationId }) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        payload\n      }\n    }\n  }\n": types.RunEventsDocument,
    "\n  fragment RunRow on AutomationRun {\n    id\n    status\n    trigger\n    createdAt\n    startedAt\n    finishedAt\n    attempts\n    tool {\n      id\n      key\n      name\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n": types.RunRowFragmentDoc,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      finishedAt\n      updatedAt\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation RetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n": types.RetryRunDocument,
    "\n  query RunDetail($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      trigger\n      input\n      output\n      error\n      attempts\n      maxAttempts\n      correlationId\n      createdAt\n      startedAt\n      finishedAt\n      nextAttemptAt\n      updatedAt\n      tool {\n        id\n        key\n        name\n      }\n      requestedBy {\n        id\n        name\n      }\n      retryOf {\n        id\n      }\n      ticket {\n        id\n        number\n        subject\n      }\n    }\n  }\n": types.RunDetailDocument,
    "\n  subscription RunLive($id: ID!) {\n    runChanged(id: $id) {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.RunLiveDocument,
    "\n  subscription RunsLive {\n    runChanged {\n      id\n      status\n    }\n  }\n": types.RunsLiveDocument,
    "\n  query RunList($first: Int, $after: String, $last: Int, $before: String, $filter: RunFilter, $orderBy: RunOrder) {\n    runs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow\n      }\n    }\n  }\n": types.RunListDocument,
    "\n  query RunToolOptions {\n    tools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.RunToolOptionsDocument,
    "\n  query TeamMembers($first: Int, $after: String, $last: Int, $before: String, $orderBy: MembershipOrder) {\n    memberships(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TeamMembersDocument,
    "\n  query TeamRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n        system\n      }\n    }\n  }\n": types.TeamRolesDocument,
    "\n  query PendingInvitations {\n    invitations(first: 100, filter: { status: PENDING }) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n        createdAt\n        expiresAt\n        role {\n          id\n          name\n        }\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      status\n      expiresAt\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RemoveMember($membershipId: ID!) {\n    removeMember(membershipId: $membershipId) {\n      id\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation LeaveTenant {\n    leaveTenant\n  }\n": types.LeaveTenantDocument,
    "\n  fragment TicketAttachmentItem on TicketAttachment {\n    id\n    filename\n    contentType\n    size\n    sha256\n    internal\n    fromSupport\n    uploaderName\n    uploadedBy {\n      id\n      name\n    }\n    downloadPath\n    createdAt\n  }\n": types.TicketAttachmentItemFragmentDoc,
    "\n  fragment TicketAttachmentsSection on Ticket {\n    id\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n    attachments {\n      id\n      ...TicketAttachmentItem\n    }\n  }\n": types.TicketAttachmentsSectionFragmentDoc,
    "\n  query TicketAttachments($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketAttachmentsSection\n    }\n  }\n": types.TicketAttachmentsDocument,
    "\n  fragment TicketCommentItem on TicketComment {\n    id\n    body\n    createdAt\n    internal\n    fromSupport\n    authorName\n  }\n": types.TicketCommentItemFragmentDoc,
    "\n  fragment TicketRow on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    requester {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n": types.TicketRowFragmentDoc,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      id\n      number\n    }\n  }\n": types.CreateTicketDocument,
    "\n  mutation UpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      id\n      status\n      priority\n      version\n      updatedAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateTicketDocument,
    "\n  mutation DeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n": types.DeleteTicketAttachmentDocument,
    "\n  mutation AddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      ...TicketCommentItem\n    }\n  }\n": types.AddTicketCommentDocument,
    "\n  query TicketSearch($text: String!) {\n    tickets(first: 6, filter: { text: $text }, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      nodes {\n        id\n        number\n        subject\n      }\n    }\n  }\n": types.TicketSearchDocument,
    "\n  query TicketWorkers {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TicketWorkersDocument,
    "\n  query TicketDetail($id: ID!, $commentsBefore: String) {\n    ticket(id: $id) {\n      id\n      number\n      subject\n      body\n      status\n      priority\n      version\n      createdAt\n      updatedAt\n      correlationId\n      requester {\n        id\n        name\n        email\n      }\n      assignee {\n        id\n        name\n      }\n      ...TicketAttachmentsSection\n      # The newest comments; earlier ones load on demand (the cache prepends them).\n      comments(last: 30, before: $commentsBefore) {\n        totalCount\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        nodes {\n          id\n          ...TicketCommentItem\n        }\n      }\n    }\n  }\n": types.TicketDetailDocument,
    "\n  subscription TicketLive($id: ID!) {\n    ticketChanged(id: $id) {\n      kind\n      ticket {\n        id\n        status\n        priority\n        version\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        attachments {\n          id\n          ...TicketAttachmentItem\n        }\n      }\n      comment {\n        id\n        ...TicketCommentItem\n      }\n    }\n  }\n": types.TicketLiveDocument,
    "\n  query TicketAssignees {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TicketAssigneesDocument,
    "\n  query TicketList($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...TicketRow\n      }\n    }\n  }\n": types.TicketListDocument,
    "\n  fragment ToolCatalogEntry on Entitlement {\n    id\n    plan\n    limits\n    validUntil\n    runsUsedThisMonth\n    tool {\n      id\n      key\n      name\n      description\n      category\n      status\n      inputSchema\n      panel {\n        id\n        title\n        layout\n        defaultInput\n        recentRunsLimit\n        recentRunsScope\n      }\n    }\n  }\n": types.ToolCatalogEntryFragmentDoc,
    "\n  query ToolRecentRuns($toolId: ID!, $requestedById: ID, $first: Int = 5) {\n    recent: runs(first: $first, filter: { toolId: $toolId, requestedById: $requestedById }) {\n      nodes {\n        id\n        status\n        createdAt\n        requestedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ToolRecentRunsDocument,
    "\n  mutation StartRun($input: StartRunInput!) {\n    startRun(input: $input) {\n      id\n      status\n    }\n  }\n": types.StartRunDocument,
    "\n  query ToolsCatalog {\n    entitlements(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        ...ToolCatalogEntry\n      }\n    }\n  }\n": types.ToolsCatalogDocument,
    "\n  query Trace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            subject\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n            diff\n          }\n          ... on SystemEvent {\n            type\n            severity\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n": types.TraceDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query NotificationList($first: Int!, $after: String, $filter: NotificationFilter) {\n    notifications(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        url\n        read\n        createdAt\n      }\n    }\n  }\n": types.NotificationListDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreference($input: UpdateNotificationPreferenceInput!) {\n    updateNotificationPreference(input: $input) {\n      kind\n      inApp\n      email\n    }\n  }\n": types.UpdateNotificationPreferenceDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n        staffRole\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n": types.SwitchTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query SessionMe {\n    me {\n      user {\n        id\n        name\n        email\n        staffRole\n      }\n      tenant {\n        id\n        slug\n        name\n      }\n      role\n      staffRole\n      permissions\n      twoFactorEnabled\n      twoFactorEnrollmentRequired\n      featureFlags {\n        key\n        enabled\n      }\n      memberships {\n        id\n        tenant {\n          id\n          slug\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SessionMeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    permissions\n    status\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n    createdBy {\n      id\n      name\n      email\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    permissions\n    status\n    expiresAt\n    lastUsedAt\n    revokedAt\n    createdAt\n    createdBy {\n      id\n      name\n      email\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeys($first: Int, $offset: Int, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeys($first: Int, $offset: Int, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKey($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKey($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeysByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeysByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on ApiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminAuditLogFields on AuditLog {\n    id\n    action\n    createdAt\n    correlationId\n    ip\n    targetId\n    targetType\n    diff\n    actor {\n      id\n      name\n      email\n      staffRole\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminAuditLogFields on AuditLog {\n    id\n    action\n    createdAt\n    correlationId\n    ip\n    targetId\n    targetType\n    diff\n    actor {\n      id\n      name\n      email\n      staffRole\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLogs($first: Int, $offset: Int, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLogs($first: Int, $offset: Int, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLog($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLogsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLogsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AuditLog {\n        ...AdminAuditLogFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminEntitlementFields on Entitlement {\n    id\n    feature\n    plan\n    limits\n    validFrom\n    validUntil\n    revokedAt\n    revokeReason\n    active\n    createdAt\n    tool {\n      id\n      key\n      name\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminEntitlementFields on Entitlement {\n    id\n    feature\n    plan\n    limits\n    validFrom\n    validUntil\n    revokedAt\n    revokeReason\n    active\n    createdAt\n    tool {\n      id\n      key\n      name\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEntitlements($first: Int, $offset: Int, $filter: EntitlementFilter) {\n    entitlements(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEntitlements($first: Int, $offset: Int, $filter: EntitlementFilter) {\n    entitlements(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEntitlement($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEntitlement($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEntitlementsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEntitlementsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Entitlement {\n        ...AdminEntitlementFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantEntitlement($input: GrantEntitlementInput!) {\n    grantEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminGrantEntitlement($input: GrantEntitlementInput!) {\n    grantEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeEntitlement($input: RevokeEntitlementInput!) {\n    revokeEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeEntitlement($input: RevokeEntitlementInput!) {\n    revokeEntitlement(input: $input) {\n      ...AdminEntitlementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminQuotaUsage($tenantId: ID!) {\n    quotaUsage(tenantId: $tenantId) {\n      entitlementId\n      feature\n      label\n      plan\n      used\n      limit\n      resetsAt\n    }\n  }\n"): (typeof documents)["\n  query AdminQuotaUsage($tenantId: ID!) {\n    quotaUsage(tenantId: $tenantId) {\n      entitlementId\n      feature\n      label\n      plan\n      used\n      limit\n      resetsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminFeatureFlagFields on FeatureFlag {\n    id\n    key\n    description\n    defaultEnabled\n    createdAt\n    updatedAt\n    overrides {\n      id\n      enabled\n      updatedAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminFeatureFlagFields on FeatureFlag {\n    id\n    key\n    description\n    defaultEnabled\n    createdAt\n    updatedAt\n    overrides {\n      id\n      enabled\n      updatedAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFeatureFlags($first: Int, $offset: Int) {\n    featureFlags(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminFeatureFlags($first: Int, $offset: Int) {\n    featureFlags(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFeatureFlag($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminFeatureFlag($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminFeatureFlagsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminFeatureFlagsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on FeatureFlag {\n        ...AdminFeatureFlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {\n    setFeatureFlag(input: $input) {\n      ...AdminFeatureFlagFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetFeatureFlag($input: SetFeatureFlagInput!) {\n    setFeatureFlag(input: $input) {\n      ...AdminFeatureFlagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminIncidentFields on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    updatedAt\n    mitigatedAt\n    resolvedAt\n    affectedTenants {\n      id\n      slug\n      name\n    }\n    openedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminIncidentFields on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    updatedAt\n    mitigatedAt\n    resolvedAt\n    affectedTenants {\n      id\n      slug\n      name\n    }\n    openedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminIncidentDetailFields on Incident {\n    summary\n    correlationId\n    mitigatedBy {\n      id\n      name\n    }\n    resolvedBy {\n      id\n      name\n    }\n    tickets {\n      id\n      number\n      subject\n      status\n      priority\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    events {\n      id\n      type\n      severity\n      source\n      occurredAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    timeline {\n      id\n      kind\n      message\n      internal\n      at\n      fromStatus\n      toStatus\n      author {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminIncidentDetailFields on Incident {\n    summary\n    correlationId\n    mitigatedBy {\n      id\n      name\n    }\n    resolvedBy {\n      id\n      name\n    }\n    tickets {\n      id\n      number\n      subject\n      status\n      priority\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    events {\n      id\n      type\n      severity\n      source\n      occurredAt\n      tenant {\n        id\n        slug\n        name\n      }\n    }\n    timeline {\n      id\n      kind\n      message\n      internal\n      at\n      fromStatus\n      toStatus\n      author {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIncidents($first: Int, $offset: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminIncidentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIncidents($first: Int, $offset: Int, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminIncidentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIncident($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n        ...AdminIncidentDetailFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIncident($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n        ...AdminIncidentDetailFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIncidentsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIncidentsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Incident {\n        ...AdminIncidentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...AdminIncidentFields\n      ...AdminIncidentDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      ...AdminIncidentFields\n      ...AdminIncidentDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminTransitionIncident($input: TransitionIncidentInput!) {\n    transitionIncident(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminTransitionIncident($input: TransitionIncidentInput!) {\n    transitionIncident(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddIncidentNote($input: AddIncidentNoteInput!) {\n    addIncidentNote(input: $input) {\n      id\n      internal\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAddIncidentNote($input: AddIncidentNoteInput!) {\n    addIncidentNote(input: $input) {\n      id\n      internal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminLinkIncidentTickets($input: LinkIncidentTicketsInput!) {\n    linkIncidentTickets(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminLinkIncidentTickets($input: LinkIncidentTicketsInput!) {\n    linkIncidentTickets(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminLinkIncidentEvents($input: LinkIncidentEventsInput!) {\n    linkIncidentEvents(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminLinkIncidentEvents($input: LinkIncidentEventsInput!) {\n    linkIncidentEvents(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIncidentTicketSearch($filter: TicketFilter) {\n    tickets(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        number\n        subject\n        status\n        priority\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIncidentTicketSearch($filter: TicketFilter) {\n    tickets(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        number\n        subject\n        status\n        priority\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIncidentEventSearch($filter: SystemEventFilter) {\n    systemEvents(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIncidentEventSearch($filter: SystemEventFilter) {\n    systemEvents(first: 10, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        tenant {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminInvitationFields on Invitation {\n    id\n    email\n    status\n    expiresAt\n    acceptedAt\n    createdAt\n    role {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AdminInvitationFields on Invitation {\n    id\n    email\n    status\n    expiresAt\n    acceptedAt\n    createdAt\n    role {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenantInvitations($tenantId: ID!, $first: Int, $offset: Int) {\n    invitations(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTenantInvitations($tenantId: ID!, $first: Int, $offset: Int) {\n    invitations(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminKycCaseFields on KycCase {\n    id\n    subjectName\n    subjectKind\n    status\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n    availableActions\n    tenant {\n      id\n      slug\n      name\n    }\n    createdBy {\n      id\n      name\n      email\n    }\n    review {\n      reviewStartedAt\n      recommendation\n      recommendedAt\n      riskRating\n      reviewer {\n        id\n        name\n        email\n      }\n      decidedBy {\n        id\n        name\n        email\n      }\n    }\n    documents(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment AdminKycCaseFields on KycCase {\n    id\n    subjectName\n    subjectKind\n    status\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    decidedAt\n    availableActions\n    tenant {\n      id\n      slug\n      name\n    }\n    createdBy {\n      id\n      name\n      email\n    }\n    review {\n      reviewStartedAt\n      recommendation\n      recommendedAt\n      riskRating\n      reviewer {\n        id\n        name\n        email\n      }\n      decidedBy {\n        id\n        name\n        email\n      }\n    }\n    documents(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminKycCaseDetailFields on KycCase {\n    customerMessage\n    person {\n      fullName\n      dateOfBirth\n      nationality\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    business {\n      legalName\n      registrationNumber\n      country\n      vatNumber\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    review {\n      recommendationReason\n      decisionReason\n    }\n    caseDocuments: documents(first: 50) {\n      nodes {\n        id\n        kind\n        filename\n        contentType\n        size\n        status\n        decisionReason\n        decidedAt\n        createdAt\n        downloadPath\n        decidedBy {\n          id\n          name\n        }\n        uploadedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminKycCaseDetailFields on KycCase {\n    customerMessage\n    person {\n      fullName\n      dateOfBirth\n      nationality\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    business {\n      legalName\n      registrationNumber\n      country\n      vatNumber\n      address {\n        line1\n        line2\n        city\n        postalCode\n        country\n      }\n    }\n    review {\n      recommendationReason\n      decisionReason\n    }\n    caseDocuments: documents(first: 50) {\n      nodes {\n        id\n        kind\n        filename\n        contentType\n        size\n        status\n        decisionReason\n        decidedAt\n        createdAt\n        downloadPath\n        decidedBy {\n          id\n          name\n        }\n        uploadedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKycCases($first: Int, $offset: Int, $filter: KycCaseFilter, $orderBy: KycCaseOrder, $restFilter: KycCaseFilter, $withRest: Boolean!) {\n    kycCases(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminKycCaseFields\n      }\n    }\n    rest: kycCases(first: 1, filter: $restFilter) @include(if: $withRest) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminKycCases($first: Int, $offset: Int, $filter: KycCaseFilter, $orderBy: KycCaseOrder, $restFilter: KycCaseFilter, $withRest: Boolean!) {\n    kycCases(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminKycCaseFields\n      }\n    }\n    rest: kycCases(first: 1, filter: $restFilter) @include(if: $withRest) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKycCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n        ...AdminKycCaseDetailFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminKycCase($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n        ...AdminKycCaseDetailFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKycCasesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminKycCasesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on KycCase {\n        ...AdminKycCaseFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminStartKycReview($input: KycCaseVersionInput!) {\n    startKycReview(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminStartKycReview($input: KycCaseVersionInput!) {\n    startKycReview(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDecideKycDocument($input: DecideKycDocumentInput!) {\n    decideKycDocument(input: $input) {\n      id\n      status\n      filename\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDecideKycDocument($input: DecideKycDocumentInput!) {\n    decideKycDocument(input: $input) {\n      id\n      status\n      filename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRequestKycInfo($input: RequestKycInfoInput!) {\n    requestKycInfo(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRequestKycInfo($input: RequestKycInfoInput!) {\n    requestKycInfo(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRecommendKycCase($input: RecommendKycCaseInput!) {\n    recommendKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRecommendKycCase($input: RecommendKycCaseInput!) {\n    recommendKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDecideKycCase($input: DecideKycCaseInput!) {\n    decideKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDecideKycCase($input: DecideKycCaseInput!) {\n    decideKycCase(input: $input) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminRoleFields on Role {\n    id\n    name\n    description\n    system\n    permissions\n  }\n"): (typeof documents)["\n  fragment AdminRoleFields on Role {\n    id\n    name\n    description\n    system\n    permissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenantRoles($first: Int, $offset: Int, $tenantId: ID!) {\n    roles(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminRoleFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTenantRoles($first: Int, $offset: Int, $tenantId: ID!) {\n    roles(first: $first, offset: $offset, filter: { tenantId: $tenantId }) {\n      totalCount\n      nodes {\n        ...AdminRoleFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminMembershipFields on Membership {\n    id\n    createdAt\n    updatedAt\n    role {\n      id\n      ...AdminRoleFields\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AdminMembershipFields on Membership {\n    id\n    createdAt\n    updatedAt\n    role {\n      id\n      ...AdminRoleFields\n    }\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMemberships($first: Int, $offset: Int, $filter: MembershipFilter, $orderBy: MembershipOrder) {\n    memberships(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMemberships($first: Int, $offset: Int, $filter: MembershipFilter, $orderBy: MembershipOrder) {\n    memberships(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMembership($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMembership($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMembershipsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMembershipsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Membership {\n        ...AdminMembershipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateMembershipRole($input: UpdateMembershipRoleInput!) {\n    updateMembershipRole(input: $input) {\n      ...AdminMembershipFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateMembershipRole($input: UpdateMembershipRoleInput!) {\n    updateMembershipRole(input: $input) {\n      ...AdminMembershipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenantPermissions {\n    tenantPermissions\n  }\n"): (typeof documents)["\n  query AdminTenantPermissions {\n    tenantPermissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      ...AdminRoleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminRunFields on AutomationRun {\n    id\n    status\n    trigger\n    attempts\n    maxAttempts\n    error\n    correlationId\n    createdAt\n    startedAt\n    finishedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    tool {\n      id\n      key\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminRunFields on AutomationRun {\n    id\n    status\n    trigger\n    attempts\n    maxAttempts\n    error\n    correlationId\n    createdAt\n    startedAt\n    finishedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    tool {\n      id\n      key\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminRunDetailFields on AutomationRun {\n    input\n    output\n    nextAttemptAt\n    requestedBy {\n      id\n      name\n      email\n    }\n    retryOf {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n"): (typeof documents)["\n  fragment AdminRunDetailFields on AutomationRun {\n    input\n    output\n    nextAttemptAt\n    requestedBy {\n      id\n      name\n      email\n    }\n    retryOf {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRuns($first: Int, $offset: Int, $filter: RunFilter) {\n    runs(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminRunFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminRuns($first: Int, $offset: Int, $filter: RunFilter) {\n    runs(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminRunFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRun($id: ID!) {\n    run(id: $id) {\n      ...AdminRunFields\n      ...AdminRunDetailFields\n    }\n  }\n"): (typeof documents)["\n  query AdminRun($id: ID!) {\n    run(id: $id) {\n      ...AdminRunFields\n      ...AdminRunDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRunsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AutomationRun {\n        ...AdminRunFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminRunsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on AutomationRun {\n        ...AdminRunFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRunEvents($correlationId: String!) {\n    systemEvents(first: 100, filter: { correlationId: $correlationId, type: \"run.\" }) {\n      nodes {\n        id\n        type\n        severity\n        occurredAt\n        payload\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminRunEvents($correlationId: String!) {\n    systemEvents(first: 100, filter: { correlationId: $correlationId, type: \"run.\" }) {\n      nodes {\n        id\n        type\n        severity\n        occurredAt\n        payload\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminToolChoices {\n    tools(first: 100) {\n      nodes {\n        id\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminToolChoices {\n    tools(first: 100) {\n      nodes {\n        id\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminMessageFields on InboundMessage {\n    id\n    channel\n    sender\n    subject\n    status\n    error\n    errorReason\n    externalId\n    correlationId\n    receivedAt\n    processedAt\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n    run {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n"): (typeof documents)["\n  fragment AdminMessageFields on InboundMessage {\n    id\n    channel\n    sender\n    subject\n    status\n    error\n    errorReason\n    externalId\n    correlationId\n    receivedAt\n    processedAt\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n    run {\n      id\n      status\n    }\n    ticket {\n      id\n      number\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMessages($first: Int, $offset: Int, $filter: MessageFilter) {\n    messages(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMessages($first: Int, $offset: Int, $filter: MessageFilter) {\n    messages(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMessage($id: ID!) {\n    message(id: $id) {\n      ...AdminMessageFields\n    }\n  }\n"): (typeof documents)["\n  query AdminMessage($id: ID!) {\n    message(id: $id) {\n      ...AdminMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMessagesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on InboundMessage {\n        ...AdminMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMessagesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on InboundMessage {\n        ...AdminMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminSystemEventFields on SystemEvent {\n    id\n    type\n    severity\n    source\n    occurredAt\n    correlationId\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminSystemEventFields on SystemEvent {\n    id\n    type\n    severity\n    source\n    occurredAt\n    correlationId\n    payload\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSystemEvents($first: Int, $offset: Int, $filter: SystemEventFilter) {\n    systemEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSystemEvents($first: Int, $offset: Int, $filter: SystemEventFilter) {\n    systemEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSystemEvent($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSystemEvent($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSystemEventsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSystemEventsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on SystemEvent {\n        ...AdminSystemEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSystemEventHistogram($filter: SystemEventFilter, $buckets: Int!) {\n    systemEventHistogram(filter: $filter, buckets: $buckets) {\n      from\n      to\n      bucketSeconds\n      buckets {\n        start\n        end\n        count\n        errors\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSystemEventHistogram($filter: SystemEventFilter, $buckets: Int!) {\n    systemEventHistogram(filter: $filter, buckets: $buckets) {\n      from\n      to\n      bucketSeconds\n      buckets {\n        start\n        end\n        count\n        errors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTenantFields on Tenant {\n    id\n    slug\n    name\n    requireTwoFactor\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AdminTenantFields on Tenant {\n    id\n    slug\n    name\n    requireTwoFactor\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {\n    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTenantFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTenants($first: Int, $offset: Int, $filter: TenantFilter, $orderBy: TenantOrder) {\n    tenants(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTenantFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenant($id: ID!) {\n    tenant(id: $id) {\n      ...AdminTenantFields\n    }\n  }\n"): (typeof documents)["\n  query AdminTenant($id: ID!) {\n    tenant(id: $id) {\n      ...AdminTenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenantsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tenant {\n        ...AdminTenantFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTenantsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tenant {\n        ...AdminTenantFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        ...AdminTenantFields\n      }\n      invitation {\n        ...AdminInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        ...AdminTenantFields\n      }\n      invitation {\n        ...AdminInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTicketFields on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    correlationId\n    tenant {\n      id\n      slug\n      name\n    }\n    requester {\n      id\n      name\n      email\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AdminTicketFields on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    correlationId\n    tenant {\n      id\n      slug\n      name\n    }\n    requester {\n      id\n      name\n      email\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTicketDetailFields on Ticket {\n    body\n    comments(first: 50) {\n      totalCount\n      nodes {\n        id\n        body\n        createdAt\n        internal\n        fromSupport\n        authorName\n        author {\n          id\n          name\n          email\n        }\n      }\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      sha256\n      internal\n      fromSupport\n      uploaderName\n      uploadedBy {\n        id\n        name\n        email\n      }\n      downloadPath\n      createdAt\n    }\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n  }\n"): (typeof documents)["\n  fragment AdminTicketDetailFields on Ticket {\n    body\n    comments(first: 50) {\n      totalCount\n      nodes {\n        id\n        body\n        createdAt\n        internal\n        fromSupport\n        authorName\n        author {\n          id\n          name\n          email\n        }\n      }\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      sha256\n      internal\n      fromSupport\n      uploaderName\n      uploadedBy {\n        id\n        name\n        email\n      }\n      downloadPath\n      createdAt\n    }\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTicketFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTickets($first: Int, $offset: Int, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminTicketFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n"): (typeof documents)["\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicketsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Ticket {\n        ...AdminTicketFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTicketsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Ticket {\n        ...AdminTicketFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketFields\n      ...AdminTicketDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      internal\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      internal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminToolFields on Tool {\n    id\n    key\n    name\n    category\n    description\n    status\n    inputSchema\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AdminToolFields on Tool {\n    id\n    key\n    name\n    category\n    description\n    status\n    inputSchema\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTools($first: Int, $offset: Int, $filter: ToolFilter, $orderBy: ToolOrder) {\n    tools(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminToolFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTools($first: Int, $offset: Int, $filter: ToolFilter, $orderBy: ToolOrder) {\n    tools(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminToolFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTool($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTool($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminToolsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminToolsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on Tool {\n        ...AdminToolFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTool($input: CreateToolInput!) {\n    createTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTool($input: CreateToolInput!) {\n    createTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTool($input: UpdateToolInput!) {\n    updateTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTool($input: UpdateToolInput!) {\n    updateTool(input: $input) {\n      ...AdminToolFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTrace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            tenant {\n              id\n              name\n            }\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n          }\n          ... on SystemEvent {\n            type\n            severity\n            source\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTrace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            tenant {\n              id\n              name\n            }\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n          }\n          ... on SystemEvent {\n            type\n            severity\n            source\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    id\n    name\n    email\n    staffRole\n    deactivatedAt\n    twoFactorEnabled\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AdminUserFields on User {\n    id\n    name\n    email\n    staffRole\n    deactivatedAt\n    twoFactorEnabled\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int, $offset: Int, $filter: UserFilter, $orderBy: UserOrder) {\n    users(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int, $offset: Int, $filter: UserFilter, $orderBy: UserOrder) {\n    users(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      nodes {\n        ...AdminUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsersByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsersByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on User {\n        ...AdminUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminSessionFields on Session {\n    id\n    userAgent\n    ip\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n"): (typeof documents)["\n  fragment AdminSessionFields on Session {\n    id\n    userAgent\n    ip\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUserSessions($userId: ID!, $first: Int, $offset: Int) {\n    userSessions(userId: $userId, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminSessionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUserSessions($userId: ID!, $first: Int, $offset: Int) {\n    userSessions(userId: $userId, first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...AdminSessionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeUserSessions($userId: ID!) {\n    revokeUserSessions(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation AdminRevokeUserSessions($userId: ID!) {\n    revokeUserSessions(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledAt\n    disabledReason\n    consecutiveFailures\n    failingSince\n    lastFailureAt\n    lastSuccessAt\n    secretRotatedAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledAt\n    disabledReason\n    consecutiveFailures\n    failingSince\n    lastFailureAt\n    lastSuccessAt\n    secretRotatedAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEndpoints($first: Int, $offset: Int, $filter: WebhookEndpointFilter) {\n    webhookEndpoints(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookEndpoints($first: Int, $offset: Int, $filter: WebhookEndpointFilter) {\n    webhookEndpoints(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEndpoint($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookEndpoint($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEndpointsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookEndpointsByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookEndpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDisableWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDisableWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    trigger\n    attemptCount\n    maxAttempts\n    responseStatus\n    responseExcerpt\n    error\n    durationMs\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    endpoint {\n      id\n      url\n      enabled\n    }\n  }\n"): (typeof documents)["\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    trigger\n    attemptCount\n    maxAttempts\n    responseStatus\n    responseExcerpt\n    error\n    durationMs\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    updatedAt\n    tenant {\n      id\n      slug\n      name\n    }\n    endpoint {\n      id\n      url\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWebhookDeliveryAttemptFields on WebhookDeliveryAttempt {\n    attempt\n    at\n    durationMs\n    succeeded\n    responseStatus\n    responseExcerpt\n    error\n  }\n"): (typeof documents)["\n  fragment AdminWebhookDeliveryAttemptFields on WebhookDeliveryAttempt {\n    attempt\n    at\n    durationMs\n    succeeded\n    responseStatus\n    responseExcerpt\n    error\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDeliveries($first: Int, $offset: Int, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookDeliveries($first: Int, $offset: Int, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDelivery($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n        attempts {\n          ...AdminWebhookDeliveryAttemptFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookDelivery($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n        attempts {\n          ...AdminWebhookDeliveryAttemptFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDeliveriesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookDeliveriesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      ... on WebhookDelivery {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      otpauthUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      otpauthUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSecurity($id: ID!) {\n    tenant(id: $id) {\n      id\n      requireTwoFactor\n    }\n  }\n"): (typeof documents)["\n  query TenantSecurity($id: ID!) {\n    tenant(id: $id) {\n      id\n      requireTwoFactor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantSecurity($input: UpdateTenantSecurityInput!) {\n    updateTenantSecurity(input: $input) {\n      id\n      requireTwoFactor\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantSecurity($input: UpdateTenantSecurityInput!) {\n    updateTenantSecurity(input: $input) {\n      id\n      requireTwoFactor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions(first: 50) {\n      totalCount\n      nodes {\n        id\n        current\n        userAgent\n        ip\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions(first: 50) {\n      totalCount\n      nodes {\n        id\n        current\n        userAgent\n        ip\n        createdAt\n        lastUsedAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        action\n        actorKind\n        actor {\n          id\n          name\n        }\n        apiKey {\n          id\n          name\n        }\n        targetType\n        targetId\n        diff\n        correlationId\n        ip\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogList($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilter, $orderBy: AuditLogOrder) {\n    auditLogs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        action\n        actorKind\n        actor {\n          id\n          name\n        }\n        apiKey {\n          id\n          name\n        }\n        targetType\n        targetId\n        diff\n        correlationId\n        ip\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors {\n    memberships(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors {\n    memberships(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemEventList($first: Int, $after: String, $last: Int, $before: String, $filter: SystemEventFilter) {\n    systemEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        correlationId\n        payload\n      }\n    }\n  }\n"): (typeof documents)["\n  query SystemEventList($first: Int, $after: String, $last: Int, $before: String, $filter: SystemEventFilter) {\n    systemEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        correlationId\n        payload\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardWidgetFields on DashboardWidget {\n    id\n    type\n    title\n    x\n    y\n    w\n    h\n    personal\n    config\n    data {\n      total\n      points {\n        key\n        label\n        value\n        limit\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardWidgetFields on DashboardWidget {\n    id\n    type\n    title\n    x\n    y\n    w\n    h\n    personal\n    config\n    data {\n      total\n      points {\n        key\n        label\n        value\n        limit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDashboardWidget($input: AddDashboardWidgetInput!) {\n    addDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddDashboardWidget($input: AddDashboardWidgetInput!) {\n    addDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDashboardWidget($input: MoveDashboardWidgetInput!) {\n    moveDashboardWidget(input: $input) {\n      id\n      x\n      y\n      w\n      h\n    }\n  }\n"): (typeof documents)["\n  mutation MoveDashboardWidget($input: MoveDashboardWidgetInput!) {\n    moveDashboardWidget(input: $input) {\n      id\n      x\n      y\n      w\n      h\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDashboardWidget($input: UpdateDashboardWidgetInput!) {\n    updateDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDashboardWidget($input: UpdateDashboardWidgetInput!) {\n    updateDashboardWidget(input: $input) {\n      id\n      ...DashboardWidgetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDashboardWidget($id: ID!) {\n    removeDashboardWidget(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveDashboardWidget($id: ID!) {\n    removeDashboardWidget(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    dashboard {\n      columns\n      availableTypes\n      widgets {\n        id\n        ...DashboardWidgetFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    dashboard {\n      columns\n      availableTypes\n      widgets {\n        id\n        ...DashboardWidgetFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperApiKeys($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        prefix\n        permissions\n        status\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeveloperApiKeys($first: Int, $after: String, $last: Int, $before: String) {\n    apiKeys(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        prefix\n        permissions\n        status\n        createdAt\n        lastUsedAt\n        expiresAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      status\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperWebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {\n    webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        url\n        description\n        events\n        enabled\n        disabledAt\n        disabledReason\n        consecutiveFailures\n        failingSince\n        lastSuccessAt\n        lastFailureAt\n        secretRotatedAt\n        previousSecretExpiresAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeveloperWebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {\n    webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        url\n        description\n        events\n        enabled\n        disabledAt\n        disabledReason\n        consecutiveFailures\n        failingSince\n        lastSuccessAt\n        lastFailureAt\n        secretRotatedAt\n        previousSecretExpiresAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperWebhookEndpointOptions {\n    webhookEndpoints(first: 100) {\n      nodes {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeveloperWebhookEndpointOptions {\n    webhookEndpoints(first: 100) {\n      nodes {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperWebhookEventTypes {\n    webhookEventTypes\n  }\n"): (typeof documents)["\n  query DeveloperWebhookEventTypes {\n    webhookEventTypes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperWebhookDeliveries($first: Int, $after: String, $last: Int, $before: String, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        eventId\n        eventType\n        status\n        trigger\n        attemptCount\n        maxAttempts\n        responseStatus\n        responseExcerpt\n        durationMs\n        error\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        endpoint {\n          id\n          url\n        }\n        attempts {\n          attempt\n          at\n          succeeded\n          responseStatus\n          durationMs\n          error\n          responseExcerpt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeveloperWebhookDeliveries($first: Int, $after: String, $last: Int, $before: String, $filter: WebhookDeliveryFilter) {\n    webhookDeliveries(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        eventId\n        eventType\n        status\n        trigger\n        attemptCount\n        maxAttempts\n        responseStatus\n        responseExcerpt\n        durationMs\n        error\n        nextAttemptAt\n        deliveredAt\n        createdAt\n        endpoint {\n          id\n          url\n        }\n        attempts {\n          attempt\n          at\n          succeeded\n          responseStatus\n          durationMs\n          error\n          responseExcerpt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledAt\n      disabledReason\n      consecutiveFailures\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledAt\n      disabledReason\n      consecutiveFailures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        secretRotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        secretRotatedAt\n        previousSecretExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveIncidents($filter: IncidentFilter) {\n    incidents(first: 3, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActiveIncidents($filter: IncidentFilter) {\n    incidents(first: 3, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketIncidents($id: ID!) {\n    ticket(id: $id) {\n      id\n      incidents {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketIncidents($id: ID!) {\n    ticket(id: $id) {\n      id\n      incidents {\n        id\n        title\n        severity\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IncidentLive {\n    incidentChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  subscription IncidentLive {\n    incidentChanged {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      id\n      title\n      summary\n      severity\n      status\n      createdAt\n      mitigatedAt\n      resolvedAt\n      timeline {\n        id\n        kind\n        message\n        at\n        fromStatus\n        toStatus\n      }\n      tickets {\n        id\n        number\n        subject\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentDetail($id: ID!) {\n    incident(id: $id) {\n      id\n      title\n      summary\n      severity\n      status\n      createdAt\n      mitigatedAt\n      resolvedAt\n      timeline {\n        id\n        kind\n        message\n        at\n        fromStatus\n        toStatus\n      }\n      tickets {\n        id\n        number\n        subject\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentList($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        title\n        summary\n        severity\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentList($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter, $orderBy: IncidentOrder) {\n    incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        title\n        summary\n        severity\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      tenantName\n      roleName\n      existingAccount\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      email\n      name\n      tenantName\n      roleName\n      existingAccount\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KycDocumentItem on KycDocument {\n    id\n    kind\n    filename\n    contentType\n    size\n    status\n    decisionReason\n    decidedAt\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment KycDocumentItem on KycDocument {\n    id\n    kind\n    filename\n    contentType\n    size\n    status\n    decisionReason\n    decidedAt\n    createdAt\n    uploadedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KycStatusChangeItem on KycStatusChange {\n    status\n    previousStatus\n    action\n    changedAt\n    message\n    changedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment KycStatusChangeItem on KycStatusChange {\n    status\n    previousStatus\n    action\n    changedAt\n    message\n    changedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KycCaseRow on KycCase {\n    id\n    subjectKind\n    subjectName\n    status\n    createdAt\n    updatedAt\n    documents(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment KycCaseRow on KycCase {\n    id\n    subjectKind\n    subjectName\n    status\n    createdAt\n    updatedAt\n    documents(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKycCase($input: CreateKycCaseInput!) {\n    createKycCase(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateKycCase($input: CreateKycCaseInput!) {\n    createKycCase(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKycCase($input: UpdateKycCaseInput!) {\n    updateKycCase(input: $input) {\n      id\n      version\n      subjectName\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateKycCase($input: UpdateKycCaseInput!) {\n    updateKycCase(input: $input) {\n      id\n      version\n      subjectName\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitKycCase($input: KycCaseVersionInput!) {\n    submitKycCase(input: $input) {\n      id\n      status\n      version\n      submittedAt\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitKycCase($input: KycCaseVersionInput!) {\n    submitKycCase(input: $input) {\n      id\n      status\n      version\n      submittedAt\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteKycDocument($id: ID!) {\n    deleteKycDocument(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteKycDocument($id: ID!) {\n    deleteKycDocument(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KycCaseDetail($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      customerMessage\n      createdAt\n      submittedAt\n      decidedAt\n      availableActions\n      createdBy {\n        id\n        name\n      }\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      documentUpload {\n        path\n        maxBytes\n        contentTypes\n      }\n      documents(first: 100) {\n        totalCount\n        nodes {\n          id\n          ...KycDocumentItem\n        }\n      }\n      statusHistory {\n        ...KycStatusChangeItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query KycCaseDetail($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      customerMessage\n      createdAt\n      submittedAt\n      decidedAt\n      availableActions\n      createdBy {\n        id\n        name\n      }\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      documentUpload {\n        path\n        maxBytes\n        contentTypes\n      }\n      documents(first: 100) {\n        totalCount\n        nodes {\n          id\n          ...KycDocumentItem\n        }\n      }\n      statusHistory {\n        ...KycStatusChangeItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KycCaseEdit($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      availableActions\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KycCaseEdit($id: ID!) {\n    kycCase(id: $id) {\n      id\n      version\n      status\n      subjectKind\n      subjectName\n      availableActions\n      person {\n        fullName\n        dateOfBirth\n        nationality\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n      business {\n        legalName\n        registrationNumber\n        country\n        vatNumber\n        address {\n          line1\n          line2\n          city\n          postalCode\n          country\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KycCaseList($first: Int, $after: String, $last: Int, $before: String, $filter: KycCaseFilter, $orderBy: KycCaseOrder) {\n    kycCases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...KycCaseRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query KycCaseList($first: Int, $after: String, $last: Int, $before: String, $filter: KycCaseFilter, $orderBy: KycCaseOrder) {\n    kycCases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...KycCaseRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageList($first: Int, $after: String, $last: Int, $before: String, $filter: MessageFilter, $orderBy: MessageOrder) {\n    messages(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        channel\n        sender\n        subject\n        status\n        error\n        receivedAt\n        correlationId\n        ticket {\n          id\n          number\n          subject\n        }\n        run {\n          id\n          status\n          tool {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageList($first: Int, $after: String, $last: Int, $before: String, $filter: MessageFilter, $orderBy: MessageOrder) {\n    messages(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        channel\n        sender\n        subject\n        status\n        error\n        receivedAt\n        correlationId\n        ticket {\n          id\n          number\n          subject\n        }\n        run {\n          id\n          status\n          tool {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunEvents($correlationId: String!) {\n    systemEvents(first: 50, filter: { correlationId: $correlationId }) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        payload\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunEvents($correlationId: String!) {\n    systemEvents(first: 50, filter: { correlationId: $correlationId }) {\n      totalCount\n      nodes {\n        id\n        type\n        severity\n        source\n        occurredAt\n        payload\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on AutomationRun {\n    id\n    status\n    trigger\n    createdAt\n    startedAt\n    finishedAt\n    attempts\n    tool {\n      id\n      key\n      name\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RunRow on AutomationRun {\n    id\n    status\n    trigger\n    createdAt\n    startedAt\n    finishedAt\n    attempts\n    tool {\n      id\n      key\n      name\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      finishedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      finishedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RetryRun($id: ID!) {\n    retryRun(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunDetail($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      trigger\n      input\n      output\n      error\n      attempts\n      maxAttempts\n      correlationId\n      createdAt\n      startedAt\n      finishedAt\n      nextAttemptAt\n      updatedAt\n      tool {\n        id\n        key\n        name\n      }\n      requestedBy {\n        id\n        name\n      }\n      retryOf {\n        id\n      }\n      ticket {\n        id\n        number\n        subject\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunDetail($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      trigger\n      input\n      output\n      error\n      attempts\n      maxAttempts\n      correlationId\n      createdAt\n      startedAt\n      finishedAt\n      nextAttemptAt\n      updatedAt\n      tool {\n        id\n        key\n        name\n      }\n      requestedBy {\n        id\n        name\n      }\n      retryOf {\n        id\n      }\n      ticket {\n        id\n        number\n        subject\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunLive($id: ID!) {\n    runChanged(id: $id) {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  subscription RunLive($id: ID!) {\n    runChanged(id: $id) {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunsLive {\n    runChanged {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription RunsLive {\n    runChanged {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunList($first: Int, $after: String, $last: Int, $before: String, $filter: RunFilter, $orderBy: RunOrder) {\n    runs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunList($first: Int, $after: String, $last: Int, $before: String, $filter: RunFilter, $orderBy: RunOrder) {\n    runs(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunToolOptions {\n    tools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunToolOptions {\n    tools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMembers($first: Int, $after: String, $last: Int, $before: String, $orderBy: MembershipOrder) {\n    memberships(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamMembers($first: Int, $after: String, $last: Int, $before: String, $orderBy: MembershipOrder) {\n    memberships(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n        system\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n        system\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    invitations(first: 100, filter: { status: PENDING }) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n        createdAt\n        expiresAt\n        role {\n          id\n          name\n        }\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations {\n    invitations(first: 100, filter: { status: PENDING }) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n        createdAt\n        expiresAt\n        role {\n          id\n          name\n        }\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($membershipId: ID!) {\n    removeMember(membershipId: $membershipId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($membershipId: ID!) {\n    removeMember(membershipId: $membershipId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveTenant {\n    leaveTenant\n  }\n"): (typeof documents)["\n  mutation LeaveTenant {\n    leaveTenant\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketAttachmentItem on TicketAttachment {\n    id\n    filename\n    contentType\n    size\n    sha256\n    internal\n    fromSupport\n    uploaderName\n    uploadedBy {\n      id\n      name\n    }\n    downloadPath\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TicketAttachmentItem on TicketAttachment {\n    id\n    filename\n    contentType\n    size\n    sha256\n    internal\n    fromSupport\n    uploaderName\n    uploadedBy {\n      id\n      name\n    }\n    downloadPath\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketAttachmentsSection on Ticket {\n    id\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n    attachments {\n      id\n      ...TicketAttachmentItem\n    }\n  }\n"): (typeof documents)["\n  fragment TicketAttachmentsSection on Ticket {\n    id\n    attachmentUpload {\n      path\n      maxBytes\n      contentTypes\n      maxFiles\n    }\n    attachments {\n      id\n      ...TicketAttachmentItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketAttachments($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketAttachmentsSection\n    }\n  }\n"): (typeof documents)["\n  query TicketAttachments($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketAttachmentsSection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketCommentItem on TicketComment {\n    id\n    body\n    createdAt\n    internal\n    fromSupport\n    authorName\n  }\n"): (typeof documents)["\n  fragment TicketCommentItem on TicketComment {\n    id\n    body\n    createdAt\n    internal\n    fromSupport\n    authorName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketRow on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    requester {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TicketRow on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    version\n    createdAt\n    updatedAt\n    requester {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      id\n      status\n      priority\n      version\n      updatedAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      id\n      status\n      priority\n      version\n      updatedAt\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTicketAttachment($id: ID!) {\n    deleteTicketAttachment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      ...TicketCommentItem\n    }\n  }\n"): (typeof documents)["\n  mutation AddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      ...TicketCommentItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketSearch($text: String!) {\n    tickets(first: 6, filter: { text: $text }, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      nodes {\n        id\n        number\n        subject\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketSearch($text: String!) {\n    tickets(first: 6, filter: { text: $text }, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      nodes {\n        id\n        number\n        subject\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketWorkers {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketWorkers {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketDetail($id: ID!, $commentsBefore: String) {\n    ticket(id: $id) {\n      id\n      number\n      subject\n      body\n      status\n      priority\n      version\n      createdAt\n      updatedAt\n      correlationId\n      requester {\n        id\n        name\n        email\n      }\n      assignee {\n        id\n        name\n      }\n      ...TicketAttachmentsSection\n      # The newest comments; earlier ones load on demand (the cache prepends them).\n      comments(last: 30, before: $commentsBefore) {\n        totalCount\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        nodes {\n          id\n          ...TicketCommentItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketDetail($id: ID!, $commentsBefore: String) {\n    ticket(id: $id) {\n      id\n      number\n      subject\n      body\n      status\n      priority\n      version\n      createdAt\n      updatedAt\n      correlationId\n      requester {\n        id\n        name\n        email\n      }\n      assignee {\n        id\n        name\n      }\n      ...TicketAttachmentsSection\n      # The newest comments; earlier ones load on demand (the cache prepends them).\n      comments(last: 30, before: $commentsBefore) {\n        totalCount\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        nodes {\n          id\n          ...TicketCommentItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketLive($id: ID!) {\n    ticketChanged(id: $id) {\n      kind\n      ticket {\n        id\n        status\n        priority\n        version\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        attachments {\n          id\n          ...TicketAttachmentItem\n        }\n      }\n      comment {\n        id\n        ...TicketCommentItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TicketLive($id: ID!) {\n    ticketChanged(id: $id) {\n      kind\n      ticket {\n        id\n        status\n        priority\n        version\n        updatedAt\n        assignee {\n          id\n          name\n        }\n        attachments {\n          id\n          ...TicketAttachmentItem\n        }\n      }\n      comment {\n        id\n        ...TicketCommentItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketAssignees {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketAssignees {\n    memberships(first: 100, filter: { permission: \"ticket:write\" }) {\n      nodes {\n        id\n        user {\n          id\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketList($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...TicketRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketList($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {\n    tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        ...TicketRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ToolCatalogEntry on Entitlement {\n    id\n    plan\n    limits\n    validUntil\n    runsUsedThisMonth\n    tool {\n      id\n      key\n      name\n      description\n      category\n      status\n      inputSchema\n      panel {\n        id\n        title\n        layout\n        defaultInput\n        recentRunsLimit\n        recentRunsScope\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ToolCatalogEntry on Entitlement {\n    id\n    plan\n    limits\n    validUntil\n    runsUsedThisMonth\n    tool {\n      id\n      key\n      name\n      description\n      category\n      status\n      inputSchema\n      panel {\n        id\n        title\n        layout\n        defaultInput\n        recentRunsLimit\n        recentRunsScope\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolRecentRuns($toolId: ID!, $requestedById: ID, $first: Int = 5) {\n    recent: runs(first: $first, filter: { toolId: $toolId, requestedById: $requestedById }) {\n      nodes {\n        id\n        status\n        createdAt\n        requestedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolRecentRuns($toolId: ID!, $requestedById: ID, $first: Int = 5) {\n    recent: runs(first: $first, filter: { toolId: $toolId, requestedById: $requestedById }) {\n      nodes {\n        id\n        status\n        createdAt\n        requestedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRun($input: StartRunInput!) {\n    startRun(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartRun($input: StartRunInput!) {\n    startRun(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsCatalog {\n    entitlements(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        ...ToolCatalogEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsCatalog {\n    entitlements(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        ...ToolCatalogEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            subject\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n            diff\n          }\n          ... on SystemEvent {\n            type\n            severity\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Trace($id: String!) {\n    correlation(id: $id) {\n      id\n      truncated\n      entries {\n        at\n        kind\n        title\n        node {\n          __typename\n          id\n          ... on Ticket {\n            number\n            subject\n          }\n          ... on AuditLog {\n            action\n            actorKind\n            actor {\n              id\n              name\n            }\n            diff\n          }\n          ... on SystemEvent {\n            type\n            severity\n          }\n          ... on InboundMessage {\n            channel\n            sender\n          }\n          ... on AutomationRun {\n            runStatus: status\n          }\n          ... on Incident {\n            incidentStatus: status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationList($first: Int!, $after: String, $filter: NotificationFilter) {\n    notifications(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        url\n        read\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationList($first: Int!, $after: String, $filter: NotificationFilter) {\n    notifications(first: $first, after: $after, filter: $filter) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        url\n        read\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      read\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      inApp\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreference($input: UpdateNotificationPreferenceInput!) {\n    updateNotificationPreference(input: $input) {\n      kind\n      inApp\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreference($input: UpdateNotificationPreferenceInput!) {\n    updateNotificationPreference(input: $input) {\n      kind\n      inApp\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n        staffRole\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n      user {\n        id\n        staffRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      tenant {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionMe {\n    me {\n      user {\n        id\n        name\n        email\n        staffRole\n      }\n      tenant {\n        id\n        slug\n        name\n      }\n      role\n      staffRole\n      permissions\n      twoFactorEnabled\n      twoFactorEnrollmentRequired\n      featureFlags {\n        key\n        enabled\n      }\n      memberships {\n        id\n        tenant {\n          id\n          slug\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionMe {\n    me {\n      user {\n        id\n        name\n        email\n        staffRole\n      }\n      tenant {\n        id\n        slug\n        name\n      }\n      role\n      staffRole\n      permissions\n      twoFactorEnabled\n      twoFactorEnrollmentRequired\n      featureFlags {\n        key\n        enabled\n      }\n      memberships {\n        id\n        tenant {\n          id\n          slug\n          name\n        }\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;