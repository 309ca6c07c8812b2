import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { type Context, isPlatformScope, scopeOptions, userIdOf } from '../../context/context';
import { TENANT_FILTER } from '../../database/tenant-filter';
import { AuditLog } from '../audit/audit-log.entity';
import { AutomationRun } from '../automation/run.entity';
import { Session } from '../auth/session.entity';
import { Entitlement } from '../entitlements/entitlement.entity';
import { SystemEvent } from '../events/system-event.entity';
import { IncidentTimelineEntry } from '../incidents/incident-timeline-entry.entity';
import { Incident } from '../incidents/incident.entity';
import { incidentScope, timelineEntryScope } from '../incidents/incident.service';
import { DashboardWidget } from '../dashboard/dashboard-widget.entity';
import { visibleWidgets } from '../dashboard/dashboard.service';
import { FeatureFlagOverride } from '../flags/feature-flag-override.entity';
import { FeatureFlag } from '../flags/feature-flag.entity';
import { KycCase } from '../kyc/kyc-case.entity';
import { KycDocument } from '../kyc/kyc-document.entity';
import { InboundMessage } from '../messages/message.entity';
import { Membership } from '../tenancy/membership.entity';
import { Role } from '../tenancy/role.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { TicketComment } from '../tickets/ticket-comment.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { ToolPanel } from '../tools/tool-panel.entity';
import { Tool } from '../tools/tool.entity';

type Loaded = { id: string };

/** How `node`/`nodes` fetch one type: which permissions let the caller see it, and any extra condition. */
interface NodeType {
  entity: EntityName<Loaded>;
  /** Any one of these permissions; empty means any signed-in caller. */
  anyOf: string[];
  where?: (ctx: Context, ids: string[]) => FilterQuery<Loaded> | Promise<FilterQuery<Loaded>>;
}

const has = (ctx: Context, perms: string[]) => perms.length === 0 || perms.some((p) => ctx.permissions.has(p));

const registry: Record<string, NodeType> = {
  Ticket: { entity: Ticket, anyOf: ['ticket:read', 'platform:ticket:read'] },
  TicketComment: { entity: TicketComment, anyOf: ['ticket:read', 'platform:ticket:read'] },
  KycCase: { entity: KycCase, anyOf: ['kyc:read', 'platform:kyc:read'] },
  KycDocument: { entity: KycDocument, anyOf: ['kyc:read', 'platform:kyc:read'] },
  AuditLog: { entity: AuditLog, anyOf: ['audit:read', 'platform:audit:read'] },
  Membership: { entity: Membership, anyOf: ['member:read', 'platform:tenant:read'] },
  Role: { entity: Role, anyOf: ['member:read', 'platform:tenant:read'] },
  Entitlement: { entity: Entitlement, anyOf: [] },
  FeatureFlag: { entity: FeatureFlag, anyOf: ['platform:flag:read'] },
  Tool: { entity: Tool, anyOf: [] },
  ToolPanel: { entity: ToolPanel, anyOf: ['tool:read', 'platform:tool:read'] },
  AutomationRun: { entity: AutomationRun, anyOf: ['run:read', 'platform:run:read'] },
  InboundMessage: { entity: InboundMessage, anyOf: ['message:read', 'platform:message:read'] },
  FeatureFlagOverride: { entity: FeatureFlagOverride, anyOf: ['platform:flag:read'] },
  Session: { entity: Session, anyOf: [], where: (ctx) => ({ user: userIdOf(ctx) }) as FilterQuery<Loaded> },
  Tenant: {
    entity: Tenant,
    anyOf: [],
    where: (ctx) => (ctx.permissions.has('platform:tenant:read') ? {} : { id: ctx.tenantId }),
  },
  User: {
    entity: User,
    anyOf: [],
    // Yourself, members of your tenant, or anyone for staff.
    where: async (ctx, ids) => {
      if (ctx.permissions.has('platform:user:read')) return {};
      const me = userIdOf(ctx);
      if (!ctx.tenantId) return { id: me };
      // Only the requested users that are members here (the tenant filter applies).
      const members = await ctx.em.find(Membership, { user: { $in: ids } }, { fields: ['user'] });
      return { id: { $in: [me, ...members.map((m) => m.user.id)] } };
    },
  },
  SystemEvent: { entity: SystemEvent, anyOf: ['event:read', 'platform:event:read'] },
  Incident: { entity: Incident, anyOf: ['incident:read', 'platform:incident:read'], where: (ctx) => incidentScope(ctx) ?? { id: null } },
  IncidentTimelineEntry: {
    entity: IncidentTimelineEntry,
    anyOf: ['incident:read', 'platform:incident:read'],
    where: (ctx) => timelineEntryScope(ctx) ?? { id: null },
  },
  // The tenant's widgets and your own; another member's own widgets are not found.
  DashboardWidget: { entity: DashboardWidget, anyOf: ['dashboard:use'], where: (ctx) => visibleWidgets(ctx) },
};

/** Whether the tenant filter applies to `type`, as the ORM was configured (orm.config.ts). */
function isTenantScoped(ctx: Context, type: string): boolean {
  const filter = ctx.em.config.get('filters')[TENANT_FILTER];
  const scoped = filter?.entity;
  return Array.isArray(scoped) ? scoped.includes(type) : scoped === type;
}

export function isNodeType(type: string): boolean {
  return type in registry;
}

/** Loads ids of one type that the caller may see; one query per type. */
export async function loadNodes(ctx: Context, type: string, ids: string[]): Promise<Map<string, object>> {
  const def = registry[type];
  if (!def || !has(ctx, def.anyOf) || ctx.principal.kind === 'anonymous') return new Map();
  // Outside a tenant, tenant-owned rows are visible to platform staff only.
  if (isTenantScoped(ctx, type) && !ctx.tenantId && !isPlatformScope(ctx)) return new Map();
  // Tenant-owned types keep the tenant filter; platform staff pass through scopeOptions.
  const extra = def.where ? await def.where(ctx, ids) : {};
  const rows = await ctx.em.find(def.entity, { $and: [{ id: { $in: ids } }, extra] }, scopeOptions(ctx));
  return new Map(rows.map((r) => [r.id, r as object]));
}
