import { IsBoolean, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type Ticket, TicketPriority, TicketStatus } from './ticket.entity';
import { VisibleLength } from '../../common/visible-length';

@InputType({ description: 'A new support ticket.' })
export class CreateTicketInput {
  @Field({ description: 'One-line summary of the ticket.' })
  @IsString()
  @VisibleLength(3, 200, { message: 'Subject must be between 3 and 200 characters.' })
  subject!: string;

  @Field({ description: 'Description of the request or problem.' })
  @IsString()
  @VisibleLength(1, 20000, { message: 'Describe the problem (up to 20,000 characters).' })
  body!: string;

  @Field(() => TicketPriority, { description: 'How urgent the ticket is; NORMAL when omitted.', nullable: true, defaultValue: TicketPriority.NORMAL })
  @IsOptional()
  priority?: TicketPriority;
}

@InputType({ description: 'Changes to a ticket; fields left out stay as they are.' })
export class UpdateTicketInput {
  @Field(() => ID, { description: 'Global id of the ticket.' })
  id!: string;

  @Field(() => Int, { description: 'The version you last read; a stale one answers CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { description: 'New summary; unchanged when omitted.', nullable: true })
  @IsOptional()
  @VisibleLength(3, 200, { message: 'Subject must be between 3 and 200 characters.' })
  subject?: string | null;

  @Field(() => String, { description: 'New description; unchanged when omitted.', nullable: true })
  @IsOptional()
  @VisibleLength(1, 20000, { message: 'Body must be between 1 and 20,000 characters.' })
  body?: string | null;

  @Field(() => TicketStatus, { description: 'New status; unchanged when omitted.', nullable: true })
  @IsOptional()
  status?: TicketStatus | null;

  @Field(() => TicketPriority, { description: 'New priority; unchanged when omitted.', nullable: true })
  @IsOptional()
  priority?: TicketPriority | null;

  @Field(() => ID, { nullable: true, description: 'User to assign; explicit null unassigns.' })
  @IsOptional()
  assigneeId?: string | null;
}

@InputType({ description: 'A comment to add to a ticket.' })
export class AddTicketCommentInput {
  @Field(() => ID, { description: 'Global id of the ticket.' })
  ticketId!: string;

  @Field({ description: 'Text of the comment.' })
  @IsString()
  @VisibleLength(1, 20000, { message: 'A comment needs between 1 and 20,000 characters.' })
  body!: string;

  @Field({ nullable: true, description: "An internal note that customers never see; needs ticket:assign (the tenant's agents) or Atrium staff. Default false." })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

@InputType({ description: 'Narrows a list of tickets.' })
export class TicketFilter {
  @Field(() => [TicketStatus], { description: 'Only tickets in one of these statuses.', nullable: true })
  status?: TicketStatus[];

  @Field(() => [TicketPriority], { description: 'Only tickets with one of these priorities.', nullable: true })
  priority?: TicketPriority[];

  @Field(() => ID, { nullable: true, description: 'Only tickets assigned to this user.' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'true: only tickets with no assignee; false: only assigned ones.' })
  unassigned?: boolean;

  @Field(() => ID, { description: 'Only tickets opened by this user (global id).', nullable: true })
  requesterId?: string;

  @Field({ nullable: true, description: 'Case-insensitive match in subject or body.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const ticketList = defineList<Ticket>()({
  filter: TicketFilter,
  orderBy: {
    input: 'TicketOrder',
    fields: { createdAt: 'date', updatedAt: 'date', priority: 'number' },
    default: { field: 'createdAt', direction: SortDirection.DESC },
  },
});
export const TicketsArgs = ticketList.Args;
export type TicketsArgs = ArgsOf<typeof ticketList>;

