import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { expectGlobalId } from '../../common/global-id';
import { prefixPattern } from '../../common/like';
import { Connection, type ConnectionShape, SortDirection } from '../../common/pagination/connection';
import { dateSort, paginate } from '../../common/pagination/paginate';
import { type Context, scopeOptions } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { AuditLog } from './audit-log.entity';
import { AuditLogsArgs } from './audit.inputs';
import { auditPlatformAccess } from './audit.service';

const AuditLogConnection = Connection(AuditLog);

@Resolver(() => AuditLog)
export class AuditResolver {
  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first. Read-only: nothing updates or deletes it.' })
  async auditLogs(@Args() args: AuditLogsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<AuditLog>> {
    const f = args.filter;
    const where: Record<string, unknown> = {};
    if (f?.action) where.action = f.action.endsWith('.') ? { $like: prefixPattern(f.action) } : f.action;
    if (f?.actorId) where.actor = expectGlobalId(f.actorId, 'User', 'filter.actorId');
    if (f?.targetId) where.targetId = f.targetId;
    if (f?.correlationId) where.correlationId = f.correlationId;
    if (f?.from || f?.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
    if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
    const page = await paginate({ em: ctx.em, entity: AuditLog, where, args, sort: dateSort<AuditLog>('createdAt', SortDirection.DESC), options: scopeOptions(ctx) });
    await auditPlatformAccess(ctx, 'auditLogs', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
    return page;
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
