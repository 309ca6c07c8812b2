import { BaseEntity } from '../common/base.entity';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';
import { modules } from '../modules';

/** Every entity: the two base classes and each module's own (modules/index.ts). */
export const entities: Function[] = [BaseEntity, TenantOwnedEntity, ...modules.flatMap((m) => m.entities ?? [])];

/**
 * Entities the tenant filter applies to: every TenantOwnedEntity, plus those a module names in
 * `tenantScoped` (audit logs and system events, whose tenant is nullable: platform rows are
 * then visible only with the filter explicitly off).
 */
export const tenantScopedEntityNames: string[] = [
  ...entities.filter((e) => e.prototype instanceof TenantOwnedEntity).map((e) => e.name),
  ...modules.flatMap((m) => m.tenantScoped ?? []).map((e) => e.name),
];
