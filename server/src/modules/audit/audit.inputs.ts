import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, SortDirection } from '../../common/pagination/connection';
import { orderInput } from '../../common/pagination/order';

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

export enum AuditLogOrderField {
  CREATED_AT = 'createdAt',
}
registerEnumType(AuditLogOrderField, { name: 'AuditLogOrderField' });
export const AUDIT_LOG_ORDER_DEFAULT = { field: AuditLogOrderField.CREATED_AT, direction: SortDirection.DESC };
export const AuditLogOrder = orderInput('AuditLogOrder', AuditLogOrderField, AUDIT_LOG_ORDER_DEFAULT);
export type AuditLogOrder = InstanceType<typeof AuditLogOrder>;

@ArgsType()
export class AuditLogsArgs extends ConnectionArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter;

  @Field(() => AuditLogOrder, { nullable: true, description: 'Newest first unless asked otherwise.' })
  orderBy?: AuditLogOrder;
}
