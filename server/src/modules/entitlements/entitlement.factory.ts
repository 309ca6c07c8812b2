import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenancy/tenant.entity';
import type { Tool } from '../tools/tool.entity';
import { Entitlement } from './entitlement.entity';

export interface GrantData {
  plan?: string;
  limits?: Record<string, number>;
  validFrom?: Date;
  validUntil?: Date;
  revokedAt?: Date;
}

/** A tool grant for a tenant. Persisted, not flushed. */
export function grantTool(em: EntityManager, tenant: Tenant, tool: Tool, data: GrantData = {}): Entitlement {
  const grant = em.create(Entitlement, {
    tenant,
    tool,
    feature: tool.key,
    plan: data.plan ?? 'pro',
    limits: data.limits ?? {},
    validFrom: data.validFrom ?? new Date(Date.now() - 86_400_000),
    validUntil: data.validUntil,
    revokedAt: data.revokedAt,
  });
  em.persist(grant);
  return grant;
}
