import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { User } from '../users/user.entity';
import { IncidentTenant } from './incident-links.entity';

/** SEV1 is the worst; the names sort in order of urgency. */
export enum IncidentSeverity {
  SEV1 = 'SEV1',
  SEV2 = 'SEV2',
  SEV3 = 'SEV3',
  SEV4 = 'SEV4',
}
registerEnumType(IncidentSeverity, {
  name: 'IncidentSeverity',
  description: 'SEV1 (worst) to SEV4.',
  valuesConfig: {
    SEV1: { description: 'Critical (the most severe).' },
    SEV2: { description: 'Major.' },
    SEV3: { description: 'Minor.' },
    SEV4: { description: 'Low (the least severe).' },
  },
});

export enum IncidentStatus {
  OPEN = 'OPEN',
  MITIGATED = 'MITIGATED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'OPEN → MITIGATED → RESOLVED, in that order only.',
  valuesConfig: {
    OPEN: { description: 'Opened and not yet mitigated.' },
    MITIGATED: { description: 'Impact is contained; not yet resolved.' },
    RESOLVED: { description: 'Over; the last status.' },
  },
});

/**
 * A platform incident, managed by staff. Global (no tenant of its own): the tenants it affects
 * are listed in incident_tenants, and customers of those tenants may read it.
 */
@ObjectType({ implements: Node, description: 'A platform incident; customers see those that affect their tenant.' })
@Entity({ tableName: 'incidents' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['correlationId'] })
export class Incident extends BaseEntity {
  @Field({ description: 'Short title of the incident.' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => IncidentSeverity, { description: 'How severe the incident is.' })
  @Enum({ items: () => IncidentSeverity })
  severity!: IncidentSeverity;

  @Field(() => IncidentStatus, { description: 'Where the incident is in its lifecycle.' })
  @Enum({ items: () => IncidentStatus, default: IncidentStatus.OPEN })
  status: Opt<IncidentStatus> = IncidentStatus.OPEN;

  @Field({ description: 'What happened and what customers should know.' })
  @Property({ type: 'text' })
  summary!: string;

  @Field({ nullable: true, description: 'Ties the incident to the requests, events and tickets it is about.' })
  @Property({ length: 128, nullable: true })
  correlationId?: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  openedBy?: Ref<User>;

  @Field({ description: 'When the incident was mitigated; null until then.', nullable: true })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  mitigatedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  mitigatedBy?: Ref<User>;

  @Field({ description: 'When the incident was resolved; null until then.', nullable: true })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  resolvedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  resolvedBy?: Ref<User>;

  /** The affected tenants (join rows); for "affects tenant X" conditions. */
  @OneToMany(() => IncidentTenant, (it) => it.incident)
  affected = new Collection<IncidentTenant>(this);
}
