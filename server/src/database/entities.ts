import { BaseEntity } from '../common/base.entity';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Session } from '../modules/auth/session.entity';
import { Entitlement } from '../modules/entitlements/entitlement.entity';
import { FeatureFlagOverride } from '../modules/flags/feature-flag-override.entity';
import { FeatureFlag } from '../modules/flags/feature-flag.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { Role } from '../modules/tenancy/role.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { TicketComment } from '../modules/tickets/ticket-comment.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { User } from '../modules/users/user.entity';

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
];

/**
 * Entities the tenant filter applies to: every TenantOwnedEntity, plus audit logs, whose
 * tenant is nullable (platform rows are then visible only with the filter explicitly off).
 */
export const tenantScopedEntityNames: string[] = [
  ...entities.filter((e) => e.prototype instanceof TenantOwnedEntity).map((e) => e.name),
  AuditLog.name,
];
