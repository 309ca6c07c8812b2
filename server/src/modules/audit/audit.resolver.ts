import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey } from '../apikeys/api-key.entity';
import { AuditActorKind, AuditLog, auditActorKind } from './audit-log.entity';
import { AuditLogsArgs } from './audit.inputs';
import { listAuditLogs } from './audit.service';

const AuditLogConnection = Connection(AuditLog);

@Resolver(() => AuditLog)
export class AuditResolver {
  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first. Read-only: nothing updates or deletes it.' })
  auditLogs(@Args() args: AuditLogsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<AuditLog>> {
    return listAuditLogs(ctx, args);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The person who acted, or the member the API key acted for; null for the system or a deleted account.' })
  actor(@Root() log: AuditLog, @Ctx() ctx: Context): Promise<User | null> | null {
    return log.actor ? ctx.loaders.users.byId.load(log.actor.id) : null;
  }

  @FieldResolver(() => AuditActorKind, { description: 'Who acted: a person, an API key (for its creator) or the system.' })
  actorKind(@Root() log: AuditLog): AuditActorKind {
    return auditActorKind(log);
  }

  @FieldResolver(() => ApiKey, { nullable: true, description: 'The API key that made the request, when one did; `actor` is then the member it acts for.' })
  apiKey(@Root() log: AuditLog, @Ctx() ctx: Context): Promise<ApiKey | null> | null {
    return log.apiKey ? ctx.loaders.apikeys.byId.load(log.apiKey.id) : null;
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The tenant the action happened in; null for platform-level actions.' })
  tenant(@Root() log: AuditLog, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return log.tenant ? ctx.loaders.tenancy.tenantById.load(log.tenant.id) : null;
  }
}
