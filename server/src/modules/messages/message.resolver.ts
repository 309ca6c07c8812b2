import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Loaded, relation } from '../../common/batch-loaders';
import { selectedPage } from '../../common/pagination/selected-page';
import { ErrorReason } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import type { Context } from '../../context/context';
import { AutomationRun } from '../runs/run.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { InboundMessage } from './message.entity';
import { IngestMessageInput, MessagesArgs } from './message.inputs';
import * as messages from './message.service';

const MessageConnection = Connection(InboundMessage);

/** The relations a page of messages reads ahead, when selected. */
const related = {
  ticket: relation((ctx: Context) => ctx.loaders.tickets.readById, (m: InboundMessage) => m.ticket?.id),
  run: relation((ctx: Context) => ctx.loaders.runs.readById, (m: InboundMessage) => m.run?.id),
  receivedBy: relation((ctx: Context) => ctx.loaders.users.byId, (m: InboundMessage) => m.receivedBy?.id, { join: 'receivedBy' }),
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (m: InboundMessage) => m.tenant.id),
};

@Resolver(() => InboundMessage)
export class MessageResolver {
  @Query(() => MessageConnection, { description: 'Inbound messages of your tenant, newest first (staff: any tenant).' })
  messages(@Args() args: MessagesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<InboundMessage>> {
    return selectedPage(ctx, info, InboundMessage, related, (selection) => messages.listMessages(ctx, args, selection));
  }

  @Query(() => InboundMessage, { description: 'One inbound message by global id; NOT_FOUND when not visible.', nullable: true })
  message(@Arg('id', () => ID, { description: 'Global id of the inbound message.' }) id: string, @Ctx() ctx: Context): Promise<InboundMessage> {
    return messages.getMessage(ctx, expectGlobalId(id, 'InboundMessage'));
  }

  @Mutation(() => InboundMessage, {
    description: 'Stores a message for your tenant and acts on it at once: starts a run, opens a ticket or ignores it (see MessageStatus). Same as POST /api/messages.',
  })
  async ingestMessage(@Arg('input', { description: 'The inbound message to record (channel, sender, payload).' }) input: IngestMessageInput, @Ctx() ctx: Context): Promise<InboundMessage> {
    return (await messages.ingestMessage(ctx, input)).message;
  }

  @FieldResolver(() => ErrorReason, { nullable: true, description: "When processing was refused with a reason, that reason (the API error's `extensions.reason`); else null." })
  errorReason(@Root() m: InboundMessage): ErrorReason | null {
    return messages.refusalReason(m.error);
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket it opened.' })
  ticket(@Root() m: InboundMessage, @Ctx() ctx: Context): Loaded<Ticket> {
    return related.ticket.of(ctx, m);
  }

  @FieldResolver(() => AutomationRun, { nullable: true, description: 'The run it started.' })
  run(@Root() m: InboundMessage, @Ctx() ctx: Context): Loaded<AutomationRun> {
    return related.run.of(ctx, m);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who handed it in (the token it came with).' })
  receivedBy(@Root() m: InboundMessage, @Ctx() ctx: Context): Loaded<User> {
    return related.receivedBy.of(ctx, m);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the message was received for.' })
  tenant(@Root() m: InboundMessage, @Ctx() ctx: Context): Loaded<Tenant> {
    return related.tenant.of(ctx, m);
  }
}

/** Ticket.sourceMessage, added from this module so the tickets resolver stays as it is. */
@Resolver(() => Ticket)
export class TicketSourceMessageResolver {
  @FieldResolver(() => InboundMessage, { nullable: true, description: 'The inbound message that opened this ticket, if one did.' })
  sourceMessage(@Root() ticket: Ticket, @Ctx() ctx: Context): Loaded<InboundMessage> {
    return ctx.loaders.messages.sourceOfTicket.load(ticket.id);
  }
}

@Resolver(() => AutomationRun)
export class RunSourceMessageResolver {
  @FieldResolver(() => InboundMessage, { nullable: true, description: 'The inbound message that started this run, if one did.' })
  sourceMessage(@Root() run: AutomationRun, @Ctx() ctx: Context): Loaded<InboundMessage> {
    return ctx.loaders.messages.sourceOfRun.load(run.id);
  }
}
