import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, Node } from '../../common/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

/**
 * Append-only record of a sensitive action, written in the same transaction as the change.
 * A database trigger (see migrations) refuses UPDATE and DELETE.
 */
@ObjectType({ implements: Node })
@Entity({ tableName: 'audit_logs' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditLog extends BaseEntity {
  /** Null for platform-level actions (global flags, staff sign-ins outside a tenant). */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'set null' })
  tenant?: Ref<Tenant>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User>;

  @Field()
  @Property({ length: 100 })
  action!: string;

  @Field({ nullable: true })
  @Property({ length: 64, nullable: true })
  targetType?: string;

  @Field({ nullable: true, description: 'Global id of the target, when it is a node.' })
  @Property({ length: 200, nullable: true })
  targetId?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Before/after values of what changed.' })
  @Property({ type: 'jsonb', nullable: true })
  diff?: Record<string, unknown>;

  @Field({ nullable: true })
  @Property({ length: 128, nullable: true })
  correlationId?: string;

  @Field({ nullable: true })
  @Property({ length: 64, nullable: true })
  ip?: string;
}
