import { BaseEntity } from '../common/base.entity';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { AutomationRun } from '../modules/automation/run.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Session } from '../modules/auth/session.entity';
import { Entitlement } from '../modules/entitlements/entitlement.entity';
import { SystemEvent } from '../modules/events/system-event.entity';
import { IncidentEvent, IncidentTenant, IncidentTicket } from '../modules/incidents/incident-links.entity';
import { IncidentTimelineEntry } from '../modules/incidents/incident-timeline-entry.entity';
import { Incident } from '../modules/incidents/incident.entity';
import { DashboardWidget } from '../modules/dashboard/dashboard-widget.entity';
import { FeatureFlagOverride } from '../modules/flags/feature-flag-override.entity';
import { FeatureFlag } from '../modules/flags/feature-flag.entity';
import { KycCase } from '../modules/kyc/kyc-case.entity';
import { KycDocument } from '../modules/kyc/kyc-document.entity';
import { InboundMessage } from '../modules/messages/message.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { Role } from '../modules/tenancy/role.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { TicketComment } from '../modules/tickets/ticket-comment.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { User } from '../modules/users/user.entity';
import { ToolPanel } from '../modules/tools/tool-panel.entity';
import { Tool } from '../modules/tools/tool.entity';

/** Every entity; adding a module means adding its entities here. */
export const entities = [
  BaseEntity,
  TenantOwnedEntity,
  Tenant,
  User,
  Role,
  Membership,
  Session,
  RefreshToken,
  AuditLog,
  FeatureFlag,
  FeatureFlagOverride,
  Entitlement,
  Ticket,
  TicketComment,
  SystemEvent,
  Incident,
  IncidentTenant,
  IncidentTicket,
  IncidentEvent,
  IncidentTimelineEntry,
  DashboardWidget,
  KycCase,
  KycDocument,
  Tool,
  ToolPanel,
  AutomationRun,
  InboundMessage,
];

/**
 * Entities the tenant filter applies to: every TenantOwnedEntity, plus audit logs and system
 * events, whose tenant is nullable (platform rows are then visible only with the filter explicitly off).
 */
export const tenantScopedEntityNames: string[] = [
  ...entities.filter((e) => e.prototype instanceof TenantOwnedEntity).map((e) => e.name),
  AuditLog.name,
  SystemEvent.name,
  IncidentEvent.name,
];
