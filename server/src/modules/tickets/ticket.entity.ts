import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';

export enum TicketStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket is in its lifecycle.',
  valuesConfig: {
    OPEN: { description: 'New or being worked on.' },
    PENDING: { description: 'Waiting on someone other than the assignee (usually the customer).' },
    RESOLVED: { description: 'A solution was given.' },
    CLOSED: { description: 'Done.' },
  },
});

/** Stored as a small integer so that ordering by priority is ordering by urgency. */
export enum TicketPriority {
  LOW = 0,
  NORMAL = 1,
  HIGH = 2,
  URGENT = 3,
}
registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: 'How urgent a ticket is, from LOW to URGENT.',
  valuesConfig: {
    LOW: { description: 'Can wait.' },
    NORMAL: { description: 'Default urgency.' },
    HIGH: { description: 'Needs attention soon.' },
    URGENT: { description: 'Needs attention now.' },
  },
});

@ObjectType({ implements: Node, description: 'A support request raised by a customer.' })
@Entity({ tableName: 'tickets' })
@Unique({ properties: ['tenant', 'number'] })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'updatedAt', 'id'] })
@Index({ properties: ['tenant', 'priority', 'id'] })
@Index({ properties: ['tenant', 'status'] })
@Index({ properties: ['correlationId'] })
export class Ticket extends TenantOwnedEntity {
  @Field(() => Int, { description: 'Human-friendly number, increasing per tenant without gaps.' })
  @Property()
  number!: number;

  @Field({ description: 'One-line summary of the ticket.' })
  @Property({ length: 200 })
  subject!: string;

  @Field({ description: 'Description of the request or problem.' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => TicketStatus, { description: 'Where the ticket is in its lifecycle.' })
  @Enum({ items: () => TicketStatus, default: TicketStatus.OPEN })
  status: Opt<TicketStatus> = TicketStatus.OPEN;

  @Field(() => TicketPriority, { description: 'How urgent the ticket is.' })
  @Enum({ items: () => TicketPriority, default: TicketPriority.NORMAL })
  priority: Opt<TicketPriority> = TicketPriority.NORMAL;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict', index: true })
  requester!: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  assignee?: Ref<User>;

  @Field(() => Int, { description: 'Optimistic-lock version; send it back with updates.' })
  @Property({ version: true, type: 'integer' })
  version!: Opt<number>;

  @Field({ description: 'Correlation id of the request that created the ticket; null when none.', nullable: true })
  @Property({ length: 128, nullable: true })
  correlationId?: string;
}
