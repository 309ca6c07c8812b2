import { Entity, ManyToOne, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { BaseEntity } from './base.entity';

/**
 * Base of every row that belongs to one tenant. The `tenant` filter (database/orm.config.ts)
 * applies to all subclasses by default and throws when no tenant is set, so a query that
 * forgot its tenant fails instead of leaking.
 */
@ObjectType()
@Entity({ abstract: true })
export abstract class TenantOwnedEntity extends BaseEntity {
  @ManyToOne(() => Tenant, { ref: true, deleteRule: 'cascade', index: true })
  tenant!: Ref<Tenant>;
}
