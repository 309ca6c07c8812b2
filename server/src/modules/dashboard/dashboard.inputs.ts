import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { GRID_COLUMNS, WidgetType } from './dashboard-widget.entity';
import { VisibleLength } from '../../common/visible-length';

export const MAX_ROW = 200;
export const MAX_HEIGHT = 12;

/** Position and size on the grid; x + w ≤ 12 is checked by the service. */
@InputType()
export class WidgetPlacementInput {
  @Field(() => Int, { description: 'Column, 0 to 11.' })
  @IsInt()
  @Min(0, { message: 'x must be between 0 and 11.' })
  @Max(GRID_COLUMNS - 1, { message: 'x must be between 0 and 11.' })
  x!: number;

  @Field(() => Int, { description: `Row, 0 to ${MAX_ROW}.` })
  @IsInt()
  @Min(0, { message: `y must be between 0 and ${MAX_ROW}.` })
  @Max(MAX_ROW, { message: `y must be between 0 and ${MAX_ROW}.` })
  y!: number;

  @Field(() => Int, { description: 'Width in columns, 1 to 12.' })
  @IsInt()
  @Min(1, { message: 'w must be between 1 and 12.' })
  @Max(GRID_COLUMNS, { message: 'w must be between 1 and 12.' })
  w!: number;

  @Field(() => Int, { description: `Height in rows, 1 to ${MAX_HEIGHT}.` })
  @IsInt()
  @Min(1, { message: `h must be between 1 and ${MAX_HEIGHT}.` })
  @Max(MAX_HEIGHT, { message: `h must be between 1 and ${MAX_HEIGHT}.` })
  h!: number;
}

@InputType({ description: 'A widget to add to the dashboard.' })
export class AddDashboardWidgetInput extends WidgetPlacementInput {
  @Field(() => WidgetType, { description: 'What the widget shows.' })
  type!: WidgetType;

  @Field({ description: 'Title shown on the widget.' })
  @VisibleLength(1, 100, { message: 'Title must be between 1 and 100 characters.' })
  title!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Settings for the type; omitted means the defaults.' })
  @IsOptional()
  config?: unknown;

  @Field({ defaultValue: true, description: 'true: only you see it; false: everyone in the tenant (needs dashboard:manage).' })
  personal: boolean = true;
}

@InputType({ description: 'Changes to a dashboard widget; fields left out stay as they are.' })
export class UpdateDashboardWidgetInput {
  @Field(() => ID, { description: 'Global id of the widget.' })
  id!: string;

  @Field(() => String, { description: 'New title; unchanged when omitted.', nullable: true })
  @IsOptional()
  @VisibleLength(1, 100, { message: 'Title must be between 1 and 100 characters.' })
  title?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Replaces the settings.' })
  @IsOptional()
  config?: unknown;
}

@InputType({ description: 'A new position and size for a dashboard widget.' })
export class MoveDashboardWidgetInput extends WidgetPlacementInput {
  @Field(() => ID, { description: 'Global id of the widget.' })
  id!: string;
}
