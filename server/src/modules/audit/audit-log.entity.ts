import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, Node } from '../../common/base.entity';
import { ApiKey } from '../apikeys/api-key.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

/** Who did what an audit entry records. */
export enum AuditActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
}
registerEnumType(AuditActorKind, {
  name: 'AuditActorKind',
  description: 'The kind of actor behind an audit entry.',
  valuesConfig: {
    USER: { description: 'A person, signed in (`actor`).' },
    API_KEY: { description: 'An API key (`apiKey`), acting for the member who created it (`actor`).' },
    SYSTEM: { description: 'Atrium itself (a job, a worker), or an account since deleted.' },
  },
});

/**
 * Append-only record of a sensitive action, written in the same transaction as the change.
 * A database trigger (see migrations) refuses UPDATE and DELETE.
 */
@ObjectType({ implements: Node, description: 'One entry of the append-only audit trail: who did what to which target, when and from where.' })
@Entity({ tableName: 'audit_logs' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditLog extends BaseEntity {
  /** Null for platform-level actions (global flags, staff sign-ins outside a tenant). */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'set null' })
  tenant?: Ref<Tenant>;

  /** The person who acted, or the member an API key acted for. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User>;

  /** The API key that made the request, when one did (then `actor` is its creator). */
  @ManyToOne(() => ApiKey, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  apiKey?: Ref<ApiKey>;

  @Field({ description: 'What happened, e.g. "ticket.created", "apikey.revoked".' })
  @Property({ length: 100 })
  action!: string;

  @Field({ nullable: true, description: 'The GraphQL type of the target, e.g. "Ticket".' })
  @Property({ length: 64, nullable: true })
  targetType?: string;

  @Field({ nullable: true, description: 'Global id of the target, when it is a node.' })
  @Property({ length: 200, nullable: true })
  targetId?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Before/after values of what changed.' })
  @Property({ type: 'jsonb', nullable: true })
  diff?: Record<string, unknown>;

  @Field({ nullable: true, description: 'The X-Correlation-Id of the request or job that acted.' })
  @Property({ length: 128, nullable: true })
  correlationId?: string;

  @Field({ nullable: true, description: 'The address the request came from.' })
  @Property({ length: 64, nullable: true })
  ip?: string;
}

/** The kind of actor of an entry. */
export function auditActorKind(log: Pick<AuditLog, 'apiKey' | 'actor'>): AuditActorKind {
  if (log.apiKey) return AuditActorKind.API_KEY;
  return log.actor ? AuditActorKind.USER : AuditActorKind.SYSTEM;
}
