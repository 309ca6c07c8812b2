import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TicketComment } from '../tickets/ticket-comment.entity';
import { Ticket } from '../tickets/ticket.entity';

export enum TicketChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  COMMENTED = 'COMMENTED',
}

registerEnumType(TicketChangeKind, {
  name: 'TicketChangeKind',
  description: 'What happened to a ticket.',
  valuesConfig: {
    CREATED: { description: 'The ticket was opened.' },
    UPDATED: { description: 'Its subject, body, status, priority or assignee changed.' },
    COMMENTED: { description: 'A comment was added (in `comment`).' },
  },
});

@ObjectType({ description: 'A change to a ticket, as the subscriber may read it now.' })
export class TicketChange {
  @Field(() => TicketChangeKind, { description: 'What happened.' })
  kind!: TicketChangeKind;

  @Field(() => Ticket, { description: 'The ticket as it is after the change.' })
  ticket!: Ticket;

  @Field(() => TicketComment, { nullable: true, description: 'The comment added, for COMMENTED; null otherwise.' })
  comment!: TicketComment | null;
}
