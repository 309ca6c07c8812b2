import { IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionArgs, SortDirection } from '../../common/pagination/connection';
import { orderInput } from '../../common/pagination/order';
import { TOOL_KEY_RE } from '../tools/tool.inputs';
import { RunStatus, RunTrigger } from './run.entity';

@InputType()
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

@InputType()
export class RunFilter {
  @Field(() => [RunStatus], { nullable: true })
  status?: RunStatus[];

  @Field(() => ID, { nullable: true })
  toolId?: string;

  @Field(() => [RunTrigger], { nullable: true })
  trigger?: RunTrigger[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field(() => ID, { nullable: true })
  ticketId?: string;

  @Field({ nullable: true, description: 'Created at or after.' })
  from?: Date;

  @Field({ nullable: true, description: 'Created at or before.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export enum RunOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(RunOrderField, { name: 'RunOrderField' });

export const RUN_ORDER_DEFAULT = { field: RunOrderField.CREATED_AT, direction: SortDirection.DESC };
export const RunOrder = orderInput('RunOrder', RunOrderField, RUN_ORDER_DEFAULT);
export type RunOrder = InstanceType<typeof RunOrder>;

@ArgsType()
export class RunsArgs extends ConnectionArgs {
  @Field(() => RunFilter, { nullable: true })
  filter?: RunFilter;

  @Field(() => RunOrder, { nullable: true })
  orderBy?: RunOrder;
}
