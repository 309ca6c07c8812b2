import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection';
import { EventSeverity } from './system-event.entity';

@InputType()
export class SystemEventFilter {
  @Field({ nullable: true, description: 'Exact type, or a prefix ending in "." (e.g. "run.").' })
  @IsOptional()
  @Length(1, 100, { message: 'type must be between 1 and 100 characters.' })
  type?: string;

  @Field(() => EventSeverity, { nullable: true, description: 'This severity or worse. Do not combine with "severities".' })
  @IsOptional()
  minSeverity?: EventSeverity;

  @Field(() => [EventSeverity], { nullable: true, description: 'Any of these severities. Do not combine with "minSeverity".' })
  @IsOptional()
  @ArrayMaxSize(5)
  severities?: EventSeverity[];

  @Field({ nullable: true, description: 'Exact source, e.g. "executor".' })
  @IsOptional()
  @Length(1, 100, { message: 'source must be between 1 and 100 characters.' })
  source?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128, { message: 'correlationId must be between 1 and 128 characters.' })
  correlationId?: string;

  @Field({ nullable: true, description: 'Occurred at or after this time.' })
  from?: Date;

  @Field({ nullable: true, description: 'Occurred before this time.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;

  @Field({ nullable: true, description: 'Platform staff only: true for platform-wide events (no tenant) only.' })
  platformOnly?: boolean;
}

@ArgsType()
export class SystemEventsArgs extends ConnectionArgs {
  @Field(() => SystemEventFilter, { nullable: true })
  @IsOptional()
  // Without this, class-validator does not look inside the filter.
  @ValidateNested()
  filter?: SystemEventFilter;
}
