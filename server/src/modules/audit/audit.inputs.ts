import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination/connection';

@InputType()
export class AuditLogFilter {
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "auth.").' })
  @IsOptional()
  @Length(1, 100)
  action?: string;

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field({ nullable: true, description: 'Global id of the target.' })
  @IsOptional()
  @Length(1, 200)
  targetId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

@ArgsType()
export class AuditLogsArgs extends ConnectionArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter;
}
