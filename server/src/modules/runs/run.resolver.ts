import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Loaded, relation } from '../../common/batch-loaders';
import { selectedPage } from '../../common/pagination/selected-page';
import { expectGlobalId } from '../../common/global-id';
import { Connection, ConnectionArgs, type ConnectionShape } from '../../common/pagination/connection';
import { connectionOf, isPlainFirstPage, toPageRequest, paginate } from '../../common/pagination/paginate';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Tool } from '../tools/tool.entity';
import { User } from '../users/user.entity';
import { AutomationRun } from './run.entity';
import { RunsArgs, StartRunInput } from './run.inputs';
import * as runs from './run.service';

const RunConnection = Connection(AutomationRun);

/** The relations a page of runs reads ahead, when selected. */
const related = {
  tool: relation((ctx: Context) => ctx.loaders.tools.readById, (run: AutomationRun) => run.tool.id, { join: 'tool' }),
  ticket: relation((ctx: Context) => ctx.loaders.tickets.readById, (run: AutomationRun) => run.ticket?.id),
  requestedBy: relation((ctx: Context) => ctx.loaders.users.byId, (run: AutomationRun) => run.requestedBy?.id, { join: 'requestedBy' }),
  retryOf: relation((ctx: Context) => ctx.loaders.runs.readById, (run: AutomationRun) => run.retryOf?.id),
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (run: AutomationRun) => run.tenant.id),
};

@Resolver(() => AutomationRun)
export class RunResolver {
  @Query(() => RunConnection, { description: 'Automation runs of your tenant, newest first (staff: any tenant).' })
  runs(@Args() args: RunsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<AutomationRun>> {
    return selectedPage(ctx, info, AutomationRun, related, (selection) => runs.listRuns(ctx, args, selection));
  }

  @Query(() => AutomationRun, { description: 'One automation run by global id; NOT_FOUND when not visible.', nullable: true })
  run(@Arg('id', () => ID, { description: 'Global id of the automation run.' }) id: string, @Ctx() ctx: Context): Promise<AutomationRun> {
    return runs.getRun(ctx, expectGlobalId(id, 'AutomationRun'));
  }

  @Mutation(() => AutomationRun, { description: 'Queues a run of an entitled tool; checks the input against its schema and the monthly quota.' })
  startRun(@Arg('input', { description: 'The tool to run and its input.' }) input: StartRunInput, @Ctx() ctx: Context): Promise<AutomationRun> {
    return runs.startRun(ctx, input);
  }

  @Mutation(() => AutomationRun, { description: 'Cancels a queued or running run.' })
  cancelRun(@Arg('id', () => ID, { description: 'Global id of the run to cancel.' }) id: string, @Ctx() ctx: Context): Promise<AutomationRun> {
    return runs.cancelRun(ctx, id);
  }

  @Mutation(() => AutomationRun, { description: 'Runs a failed or cancelled run again, as a new run.' })
  retryRun(@Arg('id', () => ID, { description: 'Global id of the failed run to retry.' }) id: string, @Ctx() ctx: Context): Promise<AutomationRun> {
    return runs.retryRun(ctx, id);
  }

  @FieldResolver(() => Tool, { description: 'Tool that is run.' })
  tool(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<Tool> {
    return related.tool.of(ctx, run);
  }

  @FieldResolver(() => Ticket, { description: 'Ticket the run was started for; null when none.', nullable: true })
  ticket(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<Ticket> {
    return related.ticket.of(ctx, run);
  }

  @FieldResolver(() => User, { description: 'User who started the run; null for runs started by a message, schedule or partner.', nullable: true })
  requestedBy(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<User> {
    return related.requestedBy.of(ctx, run);
  }

  @FieldResolver(() => AutomationRun, { nullable: true, description: 'The run this one retried.' })
  retryOf(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<AutomationRun> {
    return related.retryOf.of(ctx, run);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the run belongs to.' })
  tenant(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<Tenant> {
    return related.tenant.of(ctx, run);
  }
}

/** Ticket.runs, added from this module so the tickets resolver stays as it is. */
@Resolver(() => Ticket)
export class TicketRunsResolver {
  @FieldResolver(() => RunConnection, { description: 'Automation runs about this ticket, newest first.' })
  async runs(@Root() ticket: Ticket, @Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<ConnectionShape<AutomationRun>> {
    const page = toPageRequest(args);
    // A plain first page is batched across every ticket in the result; other pages query directly.
    if (isPlainFirstPage(page)) {
      const { rows, hasMore } = await ctx.loaders.runs.firstOfTicket(page.limit).load(ticket.id);
      return connectionOf(rows, runs.RUN_ORDER, { hasNextPage: hasMore, hasPreviousPage: false }, () => ctx.loaders.runs.countOfTicket.load(ticket.id));
    }
    return paginate({ em: ctx.em, entity: AutomationRun, where: { ticket: ticket.id }, args, sort: runs.RUN_ORDER, options: scopeOptions(ctx) });
  }
}
