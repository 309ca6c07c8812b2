import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { type Loaded, relation } from '../../common/batch-loaders';
import { selectedPage } from '../../common/pagination/selected-page';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { SystemEventFilter, SystemEventsArgs } from './event.inputs';
import { SystemEventHistogram, systemEventHistogram } from './event.histogram';
import * as events from './event.service';
import { SystemEvent } from './system-event.entity';

const SystemEventConnection = Connection(SystemEvent);

/** The relations a page of events reads ahead, when selected. */
const related = {
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (event: SystemEvent) => event.tenant?.id),
};

@Resolver(() => SystemEvent)
export class SystemEventResolver {
  @Query(() => SystemEventConnection, { description: "Operational events, newest first: your tenant's, or (staff) every tenant's and the platform's." })
  systemEvents(@Args() args: SystemEventsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<SystemEvent>> {
    return selectedPage(ctx, info, SystemEvent, related, (selection) => events.listSystemEvents(ctx, args, selection));
  }

  @Query(() => SystemEventHistogram, { description: 'How many events match the list\'s filter over time, in equal buckets (at most 120, over at most 400 days); scoped as the list is.' })
  systemEventHistogram(
    @Arg('filter', () => SystemEventFilter, { nullable: true, description: 'The events list\'s filter; its from/to bound the range (default: the 24 hours before now).' }) filter: SystemEventFilter | null,
    @Arg('buckets', () => Int, { defaultValue: 48, description: 'How many equal buckets (1 to 120).' }) buckets: number,
    @Ctx() ctx: Context,
  ): Promise<SystemEventHistogram> {
    return systemEventHistogram(ctx, filter, buckets);
  }

  @Query(() => SystemEvent, { nullable: true, description: 'One event; ids you cannot see answer NOT_FOUND.' })
  systemEvent(@Arg('id', () => ID, { description: 'Global id of the system event.' }) id: string, @Ctx() ctx: Context): Promise<SystemEvent> {
    return events.getSystemEvent(ctx, expectGlobalId(id, 'SystemEvent'));
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'Null for a platform-wide event.' })
  tenant(@Root() event: SystemEvent, @Ctx() ctx: Context): Loaded<Tenant> {
    return related.tenant.of(ctx, event);
  }
}
