import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Ticket } from './ticket.entity';

@ObjectType({ description: 'A comment on a ticket.', implements: Node })
@Entity({ tableName: 'ticket_comments' })
@Index({ properties: ['ticket', 'createdAt', 'id'] })
export class TicketComment extends TenantOwnedEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  author!: Ref<User>;

  @Field({ description: 'Text of the comment.' })
  @Property({ type: 'text' })
  body!: string;
}
