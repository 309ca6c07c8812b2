import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { AuditLog } from './audit-log.entity';
import { AuditLogsArgs } from './audit.inputs';
import { listAuditLogs } from './audit.service';

const AuditLogConnection = Connection(AuditLog);

@Resolver(() => AuditLog)
export class AuditResolver {
  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first. Read-only: nothing updates or deletes it.' })
  auditLogs(@Args() args: AuditLogsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<AuditLog>> {
    return listAuditLogs(ctx, args);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() log: AuditLog, @Ctx() ctx: Context): Promise<User | null> | null {
    return log.actor ? ctx.loaders.users.byId.load(log.actor.id) : null;
  }

  @FieldResolver(() => Tenant, { nullable: true })
  tenant(@Root() log: AuditLog, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return log.tenant ? ctx.loaders.tenancy.tenantById.load(log.tenant.id) : null;
  }
}
