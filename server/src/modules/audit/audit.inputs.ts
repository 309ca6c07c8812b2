import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { AuditLog } from './audit-log.entity';

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

export const auditLogList = defineList<AuditLog>()({
  filter: AuditLogFilter,
  orderBy: {
    input: 'AuditLogOrder',
    fields: { createdAt: 'date' },
    default: { field: 'createdAt', direction: SortDirection.DESC },
    description: 'Newest first unless asked otherwise.',
  },
});
export const AuditLogsArgs = auditLogList.Args;
export type AuditLogsArgs = ArgsOf<typeof auditLogList>;
