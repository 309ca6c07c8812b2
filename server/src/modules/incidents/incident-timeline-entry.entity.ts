import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { type Incident, IncidentStatus } from './incident.entity';

export enum IncidentTimelineKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  EVENTS_LINKED = 'EVENTS_LINKED',
  TICKETS_LINKED = 'TICKETS_LINKED',
  TENANT_ADDED = 'TENANT_ADDED',
  NOTE = 'NOTE',
}
registerEnumType(IncidentTimelineKind, {
  name: 'IncidentTimelineKind',
  description: 'What an incident timeline entry records.',
  valuesConfig: {
    CREATED: { description: 'The incident was opened.' },
    STATUS_CHANGED: { description: 'The incident moved to another status (see fromStatus and toStatus).' },
    EVENTS_LINKED: { description: 'System events were linked to the incident.' },
    TICKETS_LINKED: { description: 'Tickets were linked to the incident.' },
    TENANT_ADDED: { description: 'A tenant was added to the affected tenants.' },
    NOTE: { description: 'A note was written.' },
  },
});

/**
 * One line of an incident's history. Customers of an affected tenant see the entries that are
 * not internal and that belong to no tenant or to theirs (what was linked from their tenant);
 * staff see every entry.
 */
@ObjectType({ implements: Node, description: "One entry of an incident's timeline." })
@Entity({ tableName: 'incident_timeline_entries' })
@Index({ properties: ['incident', 'createdAt', 'id'] })
export class IncidentTimelineEntry extends BaseEntity {
  @ManyToOne('Incident', { ref: true, deleteRule: 'cascade' })
  incident!: Ref<Incident>;

  @Field(() => IncidentTimelineKind, { description: 'What happened.' })
  @Enum({ items: () => IncidentTimelineKind })
  kind!: IncidentTimelineKind;

  @Field({ description: 'Human-readable text of the entry.' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => IncidentStatus, { description: 'Status before the change; null unless the entry is a status change.', nullable: true })
  @Enum({ items: () => IncidentStatus, nullable: true })
  fromStatus?: IncidentStatus;

  @Field(() => IncidentStatus, { description: 'Status after the change; null unless the entry is a status change.', nullable: true })
  @Enum({ items: () => IncidentStatus, nullable: true })
  toStatus?: IncidentStatus;

  @Field(() => Boolean, { description: 'Internal entries are visible to staff only.' })
  @Property({ default: false })
  internal: Opt<boolean> = false;

  /** Set when the entry is about one tenant's items: only that tenant's customers (and staff) see it. */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'cascade' })
  tenant?: Ref<Tenant>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<User>;
}
