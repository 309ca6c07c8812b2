import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { type Loaded, relation } from '../../common/batch-loaders';
import { selectedPage } from '../../common/pagination/selected-page';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey } from '../apikeys/api-key.entity';
import { AuditActorKind, AuditLog, auditActorKind } from './audit-log.entity';
import { AuditLogsArgs } from './audit.inputs';
import { listAuditLogs } from './audit.service';

const AuditLogConnection = Connection(AuditLog);

/** The relations a page of the audit trail reads ahead, when selected. */
const related = {
  actor: relation((ctx: Context) => ctx.loaders.users.byId, (log: AuditLog) => log.actor?.id, { join: 'actor' }),
  apiKey: relation((ctx: Context) => ctx.loaders.apikeys.byId, (log: AuditLog) => log.apiKey?.id),
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (log: AuditLog) => log.tenant?.id),
};

@Resolver(() => AuditLog)
export class AuditResolver {
  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first. Read-only: nothing updates or deletes it.' })
  auditLogs(@Args() args: AuditLogsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<AuditLog>> {
    return selectedPage(ctx, info, AuditLog, related, (selection) => listAuditLogs(ctx, args, selection));
  }

  @FieldResolver(() => User, { nullable: true, description: 'The person who acted, or the member the API key acted for; null for the system or a deleted account.' })
  actor(@Root() log: AuditLog, @Ctx() ctx: Context): Loaded<User> {
    return related.actor.of(ctx, log);
  }

  @FieldResolver(() => AuditActorKind, { description: 'Who acted: a person, an API key (for its creator) or the system.' })
  actorKind(@Root() log: AuditLog): AuditActorKind {
    return auditActorKind(log);
  }

  @FieldResolver(() => ApiKey, { nullable: true, description: 'The API key that made the request, when one did; `actor` is then the member it acts for.' })
  apiKey(@Root() log: AuditLog, @Ctx() ctx: Context): Loaded<ApiKey> {
    return related.apiKey.of(ctx, log);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The tenant the action happened in; null for platform-level actions.' })
  tenant(@Root() log: AuditLog, @Ctx() ctx: Context): Loaded<Tenant> {
    return related.tenant.of(ctx, log);
  }
}
