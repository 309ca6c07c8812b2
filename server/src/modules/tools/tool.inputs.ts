import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { PanelLayout, RecentRunsScope, type ToolPanel } from './tool-panel.entity';
import { type Tool, ToolStatus } from './tool.entity';
import { VisibleLength } from '../../common/visible-length';

export const TOOL_KEY_RULE = 'Tool keys are lowercase dotted words, e.g. "ticket.summarise" (letters, digits, "-" or "_" after the first letter).';
export const TOOL_KEY_RE = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_-]*)+$/;

@InputType({ description: 'A new tool in the catalog.' })
export class CreateToolInput {
  @Field({ description: 'Stable unique key of the tool, used to start runs by key.' })
  @Length(3, 100, { message: 'Tool keys have 3 to 100 characters.' })
  @Matches(TOOL_KEY_RE, { message: TOOL_KEY_RULE })
  key!: string;

  @Field({ description: 'Display name of the tool.' })
  @IsString()
  @VisibleLength(2, 200, { message: 'Name the tool (2 to 200 characters).' })
  name!: string;

  @Field({ description: 'Category the tool is listed under.' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Categories are lowercase words with "-", e.g. "support".' })
  category!: string;

  @Field(() => String, { description: 'What the tool does; empty when omitted.', nullable: true, defaultValue: '' })
  @IsOptional()
  @Length(0, 5000, { message: 'The description has at most 5,000 characters.' })
  description?: string | null;

  @Field(() => ToolStatus, { description: 'Lifecycle status of the tool; BETA when omitted.', nullable: true, defaultValue: ToolStatus.BETA })
  @IsOptional()
  status?: ToolStatus | null;

  @Field(() => GraphQLJSON, { description: 'JSON Schema (draft-07) of the input; the top level must be an object.' })
  inputSchema!: unknown;
}

@InputType({ description: 'Changes to a tool; fields left out stay as they are.' })
export class UpdateToolInput {
  @Field(() => ID, { description: 'Global id of the tool.' })
  id!: string;

  @Field(() => String, { description: 'New display name; unchanged when omitted.', nullable: true })
  @IsOptional()
  @VisibleLength(2, 200, { message: 'Name the tool (2 to 200 characters).' })
  name?: string | null;

  @Field(() => String, { description: 'New category; unchanged when omitted.', nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'Categories are lowercase words with "-", e.g. "support".' })
  category?: string | null;

  @Field(() => String, { description: 'New description; unchanged when omitted.', nullable: true })
  @IsOptional()
  @Length(0, 5000, { message: 'The description has at most 5,000 characters.' })
  description?: string | null;

  @Field(() => ToolStatus, { description: 'New lifecycle status; unchanged when omitted.', nullable: true })
  @IsOptional()
  status?: ToolStatus | null;

  @Field(() => GraphQLJSON, { description: 'New JSON Schema of the tool\'s input; unchanged when omitted.', nullable: true })
  @IsOptional()
  inputSchema?: unknown;
}

@InputType({ description: 'Narrows a list of tools.' })
export class ToolFilter {
  @Field(() => [ToolStatus], { description: 'Only tools in one of these statuses.', nullable: true })
  status?: ToolStatus[];

  @Field({ description: 'Only tools in this category.', nullable: true })
  @IsOptional()
  @Length(1, 64)
  category?: string;

  @Field(() => [String], { description: 'Only tools with one of these keys.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  keys?: string[];

  @Field({ nullable: true, description: 'Case-insensitive match in key, name or description.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;
}

export const toolList = defineList<Tool>()({
  filter: ToolFilter,
  validateFilter: false,
  orderBy: {
    input: 'ToolOrder',
    fields: { key: 'string', name: 'string', createdAt: 'date' },
    default: { field: 'key', direction: SortDirection.ASC },
  },
});
export const ToolsArgs = toolList.Args;
export type ToolsArgs = ArgsOf<typeof toolList>;

@InputType({ description: 'A tool panel to create or replace for a tool.' })
export class SetToolPanelInput {
  @Field(() => ID, { description: 'Global id of the tool.' })
  toolId!: string;

  @Field({ description: 'Title of the panel.' })
  @IsString()
  @VisibleLength(2, 200, { message: 'Give the panel a title (2 to 200 characters).' })
  title!: string;

  @Field(() => PanelLayout, { description: 'How the panel lays out its form; FORM when omitted.', nullable: true, defaultValue: PanelLayout.FORM })
  @IsOptional()
  layout?: PanelLayout | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Prefilled inputs, checked against the tool's input schema." })
  @IsOptional()
  defaultInput?: unknown;

  @Field(() => Int, { description: 'How many recent runs the panel shows; 5 when omitted.', nullable: true, defaultValue: 5 })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Show between 0 and 50 recent runs.' })
  @Max(50, { message: 'Show between 0 and 50 recent runs.' })
  recentRunsLimit?: number | null;

  @Field(() => RecentRunsScope, { description: 'Whose recent runs the panel shows; MINE when omitted.', nullable: true, defaultValue: RecentRunsScope.MINE })
  @IsOptional()
  recentRunsScope?: RecentRunsScope | null;
}

@InputType({ description: 'Narrows a list of tool panels.' })
export class ToolPanelFilter {
  @Field(() => ID, { description: 'Only panels of this tool (global id).', nullable: true })
  toolId?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const toolPanelList = defineList<ToolPanel>()({
  filter: ToolPanelFilter,
  validateFilter: false,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.ASC },
});
export const ToolPanelsArgs = toolPanelList.Args;
export type ToolPanelsArgs = ArgsOf<typeof toolPanelList>;
