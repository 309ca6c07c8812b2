import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CORRELATION_ID_PATTERN } from '../../common/correlation';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type Incident, IncidentSeverity, IncidentStatus } from './incident.entity';
import { VisibleLength } from '../../common/visible-length';

/** Items linked per call; an incident holds at most MAX_LINKS of each kind. */
export const MAX_LINKS_PER_CALL = 100;
export const MAX_LINKS = 200;
export const MAX_TIMELINE_ENTRIES = 500;

@InputType({ description: 'A new incident.' })
export class CreateIncidentInput {
  @Field({ description: 'Short title of the incident.' })
  @VisibleLength(3, 200, { message: 'Title must be between 3 and 200 characters.' })
  title!: string;

  @Field(() => IncidentSeverity, { description: 'How severe the incident is.' })
  severity!: IncidentSeverity;

  @Field({ description: 'Shown to customers of the affected tenants.' })
  @VisibleLength(1, 10_000, { message: 'Summary must be between 1 and 10,000 characters.' })
  summary!: string;

  @Field(() => [ID], { description: 'The tenants affected (at least one).' })
  @ArrayMinSize(1, { message: 'Name at least one affected tenant.' })
  @ArrayMaxSize(MAX_LINKS_PER_CALL, { message: `At most ${MAX_LINKS_PER_CALL} tenants at once.` })
  tenantIds!: string[];

  @Field(() => String, { nullable: true, description: 'The correlation id the incident is about; defaults to this request\'s.' })
  @IsOptional()
  @Matches(CORRELATION_ID_PATTERN, { message: 'A correlation id is 8 to 128 letters, digits, ".", "_", ":" or "-".' })
  correlationId?: string | null;
}

@InputType({ description: 'A status change of an incident.' })
export class TransitionIncidentInput {
  @Field(() => ID, { description: 'Global id of the incident.' })
  id!: string;

  @Field(() => IncidentStatus, { description: 'Status to move the incident to.' })
  to!: IncidentStatus;

  @Field(() => String, { nullable: true, description: 'Added to the timeline entry of the change (customers see it).' })
  @IsOptional()
  @VisibleLength(1, 2_000, { message: 'A note must be between 1 and 2,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'System events to link to an incident.' })
export class LinkIncidentEventsInput {
  @Field(() => ID, { description: 'Global id of the incident.' })
  incidentId!: string;

  @Field(() => [ID], { description: 'Global ids of the system events to link.' })
  @ArrayMinSize(1, { message: 'Name at least one event.' })
  @ArrayMaxSize(MAX_LINKS_PER_CALL, { message: `At most ${MAX_LINKS_PER_CALL} events at once.` })
  eventIds!: string[];
}

@InputType({ description: 'Tickets to link to an incident.' })
export class LinkIncidentTicketsInput {
  @Field(() => ID, { description: 'Global id of the incident.' })
  incidentId!: string;

  @Field(() => [ID], { description: 'Global ids of the tickets to link.' })
  @ArrayMinSize(1, { message: 'Name at least one ticket.' })
  @ArrayMaxSize(MAX_LINKS_PER_CALL, { message: `At most ${MAX_LINKS_PER_CALL} tickets at once.` })
  ticketIds!: string[];
}

@InputType({ description: 'A note to add to an incident timeline.' })
export class AddIncidentNoteInput {
  @Field(() => ID, { description: 'Global id of the incident.' })
  incidentId!: string;

  @Field({ description: 'Text of the note.' })
  @VisibleLength(1, 10_000, { message: 'A note must be between 1 and 10,000 characters.' })
  body!: string;

  @Field({ defaultValue: true, description: 'Internal notes are for staff only; false shows the note to affected customers.' })
  internal: boolean = true;
}

@InputType({ description: 'Narrows a list of incidents.' })
export class IncidentFilter {
  @Field(() => [IncidentStatus], { description: 'Only incidents in one of these statuses.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  status?: IncidentStatus[];

  @Field(() => [IncidentSeverity], { description: 'Only incidents with one of these severities.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  severity?: IncidentSeverity[];

  @Field({ description: 'Only incidents with this correlation id.', nullable: true })
  @IsOptional()
  @Length(1, 128, { message: 'correlationId must be between 1 and 128 characters.' })
  correlationId?: string;

  @Field({ nullable: true, description: 'Case-insensitive match in title or summary.' })
  @IsOptional()
  @Length(1, 200, { message: 'text must be between 1 and 200 characters.' })
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: incidents affecting this tenant.' })
  tenantId?: string;
}

export const incidentList = defineList<Incident>()({
  filter: IncidentFilter,
  orderBy: {
    input: 'IncidentOrder',
    fields: { createdAt: 'date', updatedAt: 'date' },
    default: { field: 'createdAt', direction: SortDirection.DESC },
  },
});
export const IncidentsArgs = incidentList.Args;
export type IncidentsArgs = ArgsOf<typeof incidentList>;
