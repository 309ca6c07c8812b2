import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ROLES, SYSTEM_ROLE_NAMES, type SystemRoleName } from '../../permissions/catalog';
import { type User } from '../users/user.entity';
import { Membership } from './membership.entity';
import { Role } from './role.entity';
import { Tenant } from './tenant.entity';

export interface ProvisionedTenant {
  tenant: Tenant;
  roles: Record<SystemRoleName, Role>;
}

/** A tenant with its five system roles. Persisted, not flushed. */
export function provisionTenant(em: EntityManager, data: { slug: string; name: string; createdAt?: Date }): ProvisionedTenant {
  const tenant = em.create(Tenant, { slug: data.slug, name: data.name, ...(data.createdAt ? { createdAt: data.createdAt, updatedAt: data.createdAt } : {}) });
  em.persist(tenant);
  const roles = {} as Record<SystemRoleName, Role>;
  for (const name of SYSTEM_ROLE_NAMES) {
    const def = SYSTEM_ROLES[name];
    roles[name] = em.create(Role, { tenant, name, description: def.description, permissions: [...def.permissions], system: true });
    em.persist(roles[name]);
  }
  return { tenant, roles };
}

export function addMember(em: EntityManager, tenant: ProvisionedTenant, user: User, role: SystemRoleName): Membership {
  const m = em.create(Membership, { tenant: tenant.tenant, user, role: tenant.roles[role] });
  em.persist(m);
  return m;
}
