import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import type { AuditLog } from './audit-log.entity';

@InputType({ description: 'Narrows the audit trail.' })
export class AuditLogFilter {
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in "." (e.g. "auth.").' })
  @IsOptional()
  @Length(1, 100)
  action?: string;

  @Field(() => ID, { nullable: true, description: 'Entries by this user (including what API keys did for them).' })
  actorId?: string;

  @Field(() => ID, { nullable: true, description: 'Entries made through this API key.' })
  apiKeyId?: string;

  @Field({ nullable: true, description: 'Global id of the target.' })
  @IsOptional()
  @Length(1, 200)
  targetId?: string;

  @Field({ nullable: true, description: 'GraphQL type of the target, e.g. "Ticket" or "ApiKey".' })
  @IsOptional()
  @Length(1, 64)
  targetType?: string;

  @Field({ nullable: true, description: 'Entries of one request or job (its X-Correlation-Id).' })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field({ nullable: true, description: 'Entries at or after this time.' })
  from?: Date;

  @Field({ nullable: true, description: 'Entries at or before this time.' })
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
