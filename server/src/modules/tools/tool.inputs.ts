import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionArgs, SortDirection } from '../../common/pagination/connection';
import { orderInput } from '../../common/pagination/order';
import { PanelLayout, RecentRunsScope } from './tool-panel.entity';
import { ToolStatus } from './tool.entity';
import { VisibleLength } from '../../common/visible-length';

export const TOOL_KEY_RULE = 'Tool keys are lowercase dotted words, e.g. "ticket.summarise" (letters, digits, "-" or "_" after the first letter).';
export const TOOL_KEY_RE = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_-]*)+$/;

@InputType()
export class CreateToolInput {
  @Field()
  @Length(3, 100, { message: 'Tool keys have 3 to 100 characters.' })
  @Matches(TOOL_KEY_RE, { message: TOOL_KEY_RULE })
  key!: string;

  @Field()
  @IsString()
  @VisibleLength(2, 200, { message: 'Name the tool (2 to 200 characters).' })
  name!: string;

  @Field()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Categories are lowercase words with "-", e.g. "support".' })
  category!: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @IsOptional()
  @Length(0, 5000, { message: 'The description has at most 5,000 characters.' })
  description?: string | null;

  @Field(() => ToolStatus, { nullable: true, defaultValue: ToolStatus.BETA })
  @IsOptional()
  status?: ToolStatus | null;

  @Field(() => GraphQLJSON, { description: 'JSON Schema (draft-07) of the input; the top level must be an object.' })
  inputSchema!: unknown;
}

@InputType()
export class UpdateToolInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @VisibleLength(2, 200, { message: 'Name the tool (2 to 200 characters).' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Categories are lowercase words with "-", e.g. "support".' })
  category?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000, { message: 'The description has at most 5,000 characters.' })
  description?: string | null;

  @Field(() => ToolStatus, { nullable: true })
  @IsOptional()
  status?: ToolStatus | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @IsOptional()
  inputSchema?: unknown;
}

@InputType()
export class ToolFilter {
  @Field(() => [ToolStatus], { nullable: true })
  status?: ToolStatus[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64)
  category?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  keys?: string[];

  @Field({ nullable: true, description: 'Case-insensitive match in key, name or description.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;
}

export enum ToolOrderField {
  KEY = 'key',
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ToolOrderField, { name: 'ToolOrderField' });

export const TOOL_ORDER_DEFAULT = { field: ToolOrderField.KEY, direction: SortDirection.ASC };
export const ToolOrder = orderInput('ToolOrder', ToolOrderField, TOOL_ORDER_DEFAULT);
export type ToolOrder = InstanceType<typeof ToolOrder>;

@ArgsType()
export class ToolsArgs extends ConnectionArgs {
  @Field(() => ToolFilter, { nullable: true })
  filter?: ToolFilter;

  @Field(() => ToolOrder, { nullable: true })
  orderBy?: ToolOrder;
}

@InputType()
export class SetToolPanelInput {
  @Field(() => ID)
  toolId!: string;

  @Field()
  @IsString()
  @VisibleLength(2, 200, { message: 'Give the panel a title (2 to 200 characters).' })
  title!: string;

  @Field(() => PanelLayout, { nullable: true, defaultValue: PanelLayout.FORM })
  @IsOptional()
  layout?: PanelLayout | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Prefilled inputs, checked against the tool's input schema." })
  @IsOptional()
  defaultInput?: unknown;

  @Field(() => Int, { nullable: true, defaultValue: 5 })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Show between 0 and 50 recent runs.' })
  @Max(50, { message: 'Show between 0 and 50 recent runs.' })
  recentRunsLimit?: number | null;

  @Field(() => RecentRunsScope, { nullable: true, defaultValue: RecentRunsScope.MINE })
  @IsOptional()
  recentRunsScope?: RecentRunsScope | null;
}

@InputType()
export class ToolPanelFilter {
  @Field(() => ID, { nullable: true })
  toolId?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

@ArgsType()
export class ToolPanelsArgs extends ConnectionArgs {
  @Field(() => ToolPanelFilter, { nullable: true })
  filter?: ToolPanelFilter;
}
