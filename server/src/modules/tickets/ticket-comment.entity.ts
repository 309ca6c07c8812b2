import { Entity, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
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

  /**
   * An internal note: read and written only by the tenant's ticket workers (ticket:assign) and
   * platform staff; customers never see it (ticket.access.ts holds the rule).
   */
  @Field(() => Boolean, { description: "An internal note: only the tenant's agents (ticket:assign) and Atrium staff see it; customers never do." })
  @Property({ default: false })
  internal: Opt<boolean> = false;

  /** Written by Atrium staff from the back office (platform:ticket:reply); customers see "Atrium support". */
  @Field(() => Boolean, { description: 'Written by Atrium support staff; customers see the author as "Atrium support".' })
  @Property({ default: false })
  fromSupport: Opt<boolean> = false;
}
