import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { EventSeverity, type SystemEvent } from './system-event.entity';

@InputType({ description: 'Narrows a list of system events.' })
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

  @Field({ description: 'Only events with this correlation id.', nullable: true })
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

/** Events newest first. */
export const systemEventList = defineList<SystemEvent>()({
  filter: SystemEventFilter,
  sort: { field: 'occurredAt', kind: 'date', direction: SortDirection.DESC },
});
export const SystemEventsArgs = systemEventList.Args;
export type SystemEventsArgs = ArgsOf<typeof systemEventList>;
