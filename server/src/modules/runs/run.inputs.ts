import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { TOOL_KEY_RE } from '../tools/tool.inputs';
import { type AutomationRun, RunStatus, RunTrigger } from './run.entity';

@InputType({ description: 'A tool run to start; give the tool by `toolId` or `toolKey`.' })
export class StartRunInput {
  @Field(() => ID, { nullable: true, description: 'The tool; give either toolId or toolKey.' })
  toolId?: string | null;

  @Field(() => String, { nullable: true, description: 'The tool by key, e.g. "vat.validate".' })
  @IsOptional()
  @Matches(TOOL_KEY_RE, { message: 'toolKey must be a tool key such as "vat.validate".' })
  toolKey?: string | null;

  @Field(() => GraphQLJSON, { description: "The input; checked against the tool's input schema." })
  input!: unknown;

  @Field(() => ID, { nullable: true, description: 'A ticket of your tenant the run is about.' })
  ticketId?: string | null;
}

@InputType({ description: 'Narrows a list of automation runs.' })
export class RunFilter {
  @Field(() => [RunStatus], { description: 'Only runs in one of these statuses.', nullable: true })
  status?: RunStatus[];

  @Field(() => ID, { description: 'Only runs of this tool (global id).', nullable: true })
  toolId?: string;

  @Field(() => [RunTrigger], { description: 'Only runs started by one of these triggers.', nullable: true })
  trigger?: RunTrigger[];

  @Field({ description: 'Only runs with this correlation id.', nullable: true })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field(() => ID, { description: 'Only runs for this ticket (global id).', nullable: true })
  ticketId?: string;

  @Field(() => ID, { description: 'Only runs started by this user (global id), e.g. your own for a panel scoped to MINE.', nullable: true })
  requestedById?: string;

  @Field({ nullable: true, description: 'Created at or after.' })
  from?: Date;

  @Field({ nullable: true, description: 'Created at or before.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const runList = defineList<AutomationRun>()({
  filter: RunFilter,
  validateFilter: false,
  orderBy: {
    input: 'RunOrder',
    fields: { createdAt: 'date' },
    default: { field: 'createdAt', direction: SortDirection.DESC },
  },
});
export const RunsArgs = runList.Args;
export type RunsArgs = ArgsOf<typeof runList>;
