import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { buildSchema } from 'type-graphql';
import { forbidden } from './common/errors';
import { validateArgument } from './common/input-hygiene';
import { AuditResolver } from './modules/audit/audit.resolver';
import { auditPermissions } from './modules/audit/audit.permissions';
import { AuthResolver } from './modules/auth/auth.resolver';
import { RunResolver, TicketRunsResolver } from './modules/automation/run.resolver';
import { runPermissions } from './modules/automation/run.permissions';
import { EntitlementResolver } from './modules/entitlements/entitlement.resolver';
import { entitlementPermissions } from './modules/entitlements/entitlement.permissions';
import { authPermissions } from './modules/auth/auth.permissions';
import { SystemEventResolver } from './modules/events/event.resolver';
import { eventPermissions } from './modules/events/event.permissions';
import { IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver } from './modules/incidents/incident.resolver';
import { incidentPermissions } from './modules/incidents/incident.permissions';
import { DashboardResolver } from './modules/dashboard/dashboard.resolver';
import { dashboardPermissions } from './modules/dashboard/dashboard.permissions';
import { CorrelationResolver } from './modules/correlation/correlation.resolver';
import { correlationPermissions } from './modules/correlation/correlation.permissions';
import { FlagOverrideResolver, FlagResolver } from './modules/flags/flag.resolver';
import { KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver } from './modules/kyc/kyc.resolver';
import { kycPermissions } from './modules/kyc/kyc.permissions';
import { flagPermissions } from './modules/flags/flag.permissions';
import { MeResolver } from './modules/me/me.resolver';
import { MessageResolver, RunSourceMessageResolver, TicketSourceMessageResolver } from './modules/messages/message.resolver';
import { messagePermissions } from './modules/messages/message.permissions';
import { mePermissions } from './modules/me/me.permissions';
import { NodeResolver } from './modules/node/node.resolver';
import { nodePermissions } from './modules/node/node.permissions';
import { MembershipResolver, RoleResolver, TenantResolver } from './modules/tenancy/tenancy.resolver';
import { tenancyPermissions } from './modules/tenancy/tenancy.permissions';
import { TicketCommentResolver, TicketResolver } from './modules/tickets/ticket.resolver';
import { ticketPermissions } from './modules/tickets/ticket.permissions';
import { ToolPanelResolver, ToolResolver } from './modules/tools/tool.resolver';
import { toolPermissions } from './modules/tools/tool.permissions';
import { UserResolver } from './modules/users/user.resolver';
import { userPermissions } from './modules/users/user.permissions';
import type { ModulePermissions, Rule } from './permissions/types';

/** One line per module: its resolvers and its rules. */
const modules: { resolvers: Function[]; permissions: ModulePermissions }[] = [
  { resolvers: [AuthResolver], permissions: authPermissions },
  { resolvers: [MeResolver], permissions: mePermissions },
  { resolvers: [NodeResolver], permissions: nodePermissions },
  { resolvers: [TenantResolver, MembershipResolver, RoleResolver], permissions: tenancyPermissions },
  { resolvers: [UserResolver], permissions: userPermissions },
  { resolvers: [AuditResolver], permissions: auditPermissions },
  { resolvers: [FlagResolver, FlagOverrideResolver], permissions: flagPermissions },
  { resolvers: [TicketResolver, TicketCommentResolver], permissions: ticketPermissions },
  { resolvers: [SystemEventResolver], permissions: eventPermissions },
  { resolvers: [IncidentResolver, IncidentTimelineEntryResolver, TicketIncidentsResolver], permissions: incidentPermissions },
  { resolvers: [DashboardResolver], permissions: dashboardPermissions },
  { resolvers: [CorrelationResolver], permissions: correlationPermissions },
  { resolvers: [KycCaseResolver, KycCaseReviewResolver, KycDocumentResolver], permissions: kycPermissions },
  { resolvers: [ToolResolver, ToolPanelResolver], permissions: toolPermissions },
  { resolvers: [EntitlementResolver], permissions: entitlementPermissions },
  { resolvers: [RunResolver, TicketRunsResolver], permissions: runPermissions },
  { resolvers: [MessageResolver, TicketSourceMessageResolver, RunSourceMessageResolver], permissions: messagePermissions },
];

/** Every Query and Mutation rule, merged from the modules. A duplicate name is a bug. */
export function operationRules(): { Query: Record<string, Rule>; Mutation: Record<string, Rule> } {
  const merged = { Query: {} as Record<string, Rule>, Mutation: {} as Record<string, Rule> };
  for (const { permissions } of modules) {
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, rule] of Object.entries(permissions[root] ?? {})) {
        if (merged[root][field]) throw new Error(`Two modules define a rule for ${root}.${field}`);
        merged[root][field] = rule;
      }
    }
  }
  return merged;
}

/** The schema exactly as type-graphql emits it, before permissions. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  const [first, ...rest] = modules.flatMap((m) => m.resolvers);
  if (!first) throw new Error('no resolvers');
  return buildSchema({
    resolvers: [first, ...rest],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // Every argument: refuse text that cannot be stored (NUL, lone surrogates), then
    // class-validator as type-graphql would run it (a validateFn replaces that step).
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
}

/**
 * The executable schema: shield over every Query and Mutation field, deny for any without a
 * rule. Object types below the root are reachable only through a permitted operation and what
 * they load is tenant-scoped by the loaders, so they carry no rules; only the root types get
 * shield's middleware, which keeps the per-field cost off every nested field (see the bench).
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  const permissions = shield(operationRules() as IRules, {
    fallbackRule: deny,
    fallbackError: () => forbidden().toGraphQLError(),
    // Resolver errors pass through to formatError, which masks anything unexpected.
    allowExternalErrors: true,
    debug: false,
  });
  const generated = permissions.generate(schema) as Record<string, IMiddlewareFieldMap[string]>;
  return applyMiddleware(schema, { Query: generated.Query, Mutation: generated.Mutation } as IMiddlewareFieldMap);
}
