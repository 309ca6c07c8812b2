import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type Ticket, TicketPriority, TicketStatus } from './ticket.entity';
import { VisibleLength } from '../../common/visible-length';

@InputType()
export class CreateTicketInput {
  @Field()
  @IsString()
  @VisibleLength(3, 200, { message: 'Subject must be between 3 and 200 characters.' })
  subject!: string;

  @Field()
  @IsString()
  @VisibleLength(1, 20000, { message: 'Describe the problem (up to 20,000 characters).' })
  body!: string;

  @Field(() => TicketPriority, { nullable: true, defaultValue: TicketPriority.NORMAL })
  @IsOptional()
  priority?: TicketPriority;
}

@InputType()
export class UpdateTicketInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you last read; a stale one answers CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @VisibleLength(3, 200, { message: 'Subject must be between 3 and 200 characters.' })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @VisibleLength(1, 20000, { message: 'Body must be between 1 and 20,000 characters.' })
  body?: string | null;

  @Field(() => TicketStatus, { nullable: true })
  @IsOptional()
  status?: TicketStatus | null;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  priority?: TicketPriority | null;

  @Field(() => ID, { nullable: true, description: 'User to assign; explicit null unassigns.' })
  @IsOptional()
  assigneeId?: string | null;
}

@InputType()
export class AddTicketCommentInput {
  @Field(() => ID)
  ticketId!: string;

  @Field()
  @IsString()
  @VisibleLength(1, 20000, { message: 'A comment needs between 1 and 20,000 characters.' })
  body!: string;
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[];

  @Field(() => [TicketPriority], { nullable: true })
  priority?: TicketPriority[];

  @Field(() => ID, { nullable: true, description: 'Only tickets assigned to this user.' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'true: only tickets with no assignee; false: only assigned ones.' })
  unassigned?: boolean;

  @Field(() => ID, { nullable: true })
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

