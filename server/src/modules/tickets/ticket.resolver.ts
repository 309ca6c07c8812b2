import { type Loaded, relation } from '../../common/batch-loaders';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { selectedNodeFields } from '../../common/selection';
import { plainFirstPageSelected, selectedPage } from '../../common/pagination/selected-page';
import { expectGlobalId } from '../../common/global-id';
import { Connection, ConnectionArgs, type ConnectionShape } from '../../common/pagination/connection';
import { connectionOf, isPlainFirstPage, toPageRequest } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { isPlatformScope } from '../../context/scope';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { TicketComment } from './ticket-comment.entity';
import { MAX_ATTACHMENTS_PER_TICKET, TicketAttachment, TicketAttachmentUpload } from './ticket-attachment.entity';
import { attachmentDownloadPath, attachmentUploadOf, deleteAttachment } from './ticket-attachment.service';
import { listCost } from '../../common/query-limits';
import { Ticket } from './ticket.entity';
import { AddTicketCommentInput, CreateTicketInput, TicketsArgs, UpdateTicketInput } from './ticket.inputs';
import * as tickets from './ticket.service';
import { includeUsers } from '../users/user.loaders';

const TicketConnection = Connection(Ticket);
const TicketCommentConnection = Connection(TicketComment);

/** The relations a page of tickets reads ahead, when selected. */
const related = {
  requester: relation((ctx: Context) => ctx.loaders.users.byId, (ticket: Ticket) => ticket.requester.id, { join: 'requester' }),
  assignee: relation((ctx: Context) => ctx.loaders.users.byId, (ticket: Ticket) => ticket.assignee?.id, { join: 'assignee' }),
  tenant: relation((ctx: Context) => ctx.loaders.tenancy.tenantById, (ticket: Ticket) => ticket.tenant.id),
};

/** How customers see a reply written by Atrium staff. */
export const SUPPORT_NAME = 'Atrium support';

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: 'One ticket of your tenant; other ids answer NOT_FOUND.' })
  ticket(@Arg('id', () => ID, { description: 'Global id of the ticket.' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Ticket> {
    // Its first comments, when selected, come in the ticket's own statement (with their authors).
    const ahead = plainFirstPageSelected(info, 'comments');
    return tickets.getTicket(ctx, expectGlobalId(id, 'Ticket'), ahead && { limit: ahead.limit, include: includeUsers(ctx, ahead.nodeFields, ['author']) });
  }

  @Query(() => TicketConnection, { description: 'Tickets, by cursor (first/after, last/before) or by offset.' })
  tickets(@Args() args: TicketsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Ticket>> {
    return selectedPage(ctx, info, Ticket, related, (selection) => tickets.listTickets(ctx, args, selection));
  }

  @Mutation(() => Ticket, { description: 'Opens a support ticket in the current tenant.' })
  createTicket(@Arg('input', { description: 'Subject, body and priority of the new ticket.' }) input: CreateTicketInput, @Ctx() ctx: Context): Promise<Ticket> {
    return tickets.createTicket(ctx, input);
  }

  @Mutation(() => Ticket, { description: 'Changes a ticket; send the version you read, a stale one answers CONFLICT.' })
  updateTicket(@Arg('input', { description: 'The ticket and the fields to change.' }) input: UpdateTicketInput, @Ctx() ctx: Context): Promise<Ticket> {
    return tickets.updateTicket(ctx, input);
  }

  @Mutation(() => TicketComment, { description: 'Adds a comment to a ticket.' })
  addTicketComment(@Arg('input', { description: 'The ticket and the comment to add.' }) input: AddTicketCommentInput, @Ctx() ctx: Context): Promise<TicketComment> {
    return tickets.addTicketComment(ctx, input);
  }

  @FieldResolver(() => User, { description: 'User who opened the ticket.' })
  requester(@Root() ticket: Ticket, @Ctx() ctx: Context): Loaded<User> {
    return related.requester.of(ctx, ticket);
  }

  @FieldResolver(() => User, { description: 'User working on the ticket; null when unassigned.', nullable: true })
  assignee(@Root() ticket: Ticket, @Ctx() ctx: Context): Loaded<User> {
    return related.assignee.of(ctx, ticket);
  }

  @FieldResolver(() => Tenant, { description: 'Tenant the ticket belongs to.' })
  tenant(@Root() ticket: Ticket, @Ctx() ctx: Context): Loaded<Tenant> {
    return related.tenant.of(ctx, ticket);
  }

  @Mutation(() => ID, { description: 'Removes a file from a ticket (its uploader, the tenant\'s agents or support staff); answers the id removed. Upload with POST /api/tickets/{ticketId}/attachments.' })
  deleteTicketAttachment(@Arg('id', () => ID, { description: 'Global id of the attachment to remove.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return deleteAttachment(ctx, id);
  }

  @FieldResolver(() => [TicketAttachment], {
    complexity: listCost(MAX_ATTACHMENTS_PER_TICKET),
    description: `Files attached to the ticket, oldest first (all of them: at most ${MAX_ATTACHMENTS_PER_TICKET}); internal ones only for agents and staff.`,
  })
  attachments(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<TicketAttachment[]> {
    return ctx.loaders.tickets.attachments.load(ticket.id);
  }

  @FieldResolver(() => TicketAttachmentUpload, { description: 'Where and what to upload: the upload path, the size limit, the accepted content types and the most files a ticket holds.' })
  attachmentUpload(@Root() ticket: Ticket, @Ctx() ctx: Context): TicketAttachmentUpload {
    return attachmentUploadOf(ctx, ticket);
  }

  @FieldResolver(() => TicketCommentConnection, { description: 'Comments, oldest first.' })
  async comments(@Root() ticket: Ticket, @Args() args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<TicketComment>> {
    const page = toPageRequest(args);
    // A plain first page is batched across every ticket in the result; other pages query directly.
    // The authors it reads come in the same statement.
    if (isPlainFirstPage(page)) {
      const include = includeUsers(ctx, selectedNodeFields(info), ['author']);
      const { rows, hasMore } = await ctx.loaders.tickets.firstComments(page.limit, include).load(ticket.id);
      return connectionOf(rows, tickets.COMMENT_ORDER, { hasNextPage: hasMore, hasPreviousPage: false }, () =>
        ctx.loaders.tickets.commentCount.load(ticket.id),
      );
    }
    return tickets.listComments(ctx, ticket, args);
  }
}

@Resolver(() => TicketComment)
export class TicketCommentResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'User who wrote the comment; null on a reply from Atrium support read outside the back office (authorName says "Atrium support").',
  })
  author(@Root() comment: TicketComment, @Ctx() ctx: Context): Loaded<User> {
    if (comment.fromSupport && !isPlatformScope(ctx)) return null;
    return ctx.loaders.users.byId.get(comment.author.id);
  }

  @FieldResolver(() => String, { description: 'The name to show for the author: "Atrium support" on a reply from Atrium staff (outside the back office), else the user\'s name.' })
  async authorName(@Root() comment: TicketComment, @Ctx() ctx: Context): Promise<string> {
    if (comment.fromSupport && !isPlatformScope(ctx)) return SUPPORT_NAME;
    return (await ctx.loaders.users.byId.load(comment.author.id))?.name ?? 'Unknown';
  }

  @FieldResolver(() => Ticket, { description: 'Ticket the comment is on.' })
  ticket(@Root() comment: TicketComment, @Ctx() ctx: Context): Loaded<Ticket> {
    return ctx.loaders.tickets.readById.get(comment.ticket.id);
  }
}

@Resolver(() => TicketAttachment)
export class TicketAttachmentResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who attached the file; null on a file from Atrium support read outside the back office (uploaderName says "Atrium support").',
  })
  uploadedBy(@Root() attachment: TicketAttachment, @Ctx() ctx: Context): Loaded<User> {
    if (attachment.fromSupport && !isPlatformScope(ctx)) return Promise.resolve(null);
    return ctx.loaders.users.byId.get(attachment.uploadedBy.id);
  }

  @FieldResolver(() => String, { description: 'The name to show for who attached it: "Atrium support" for staff (outside the back office), else the user\'s name.' })
  async uploaderName(@Root() attachment: TicketAttachment, @Ctx() ctx: Context): Promise<string> {
    if (attachment.fromSupport && !isPlatformScope(ctx)) return SUPPORT_NAME;
    return (await ctx.loaders.users.byId.load(attachment.uploadedBy.id))?.name ?? 'Unknown';
  }

  @FieldResolver(() => String, { description: 'Where to download the file (GET, with the same bearer token): /api/tickets/attachments/{id}/content.' })
  downloadPath(@Root() attachment: TicketAttachment): string {
    return attachmentDownloadPath(attachment);
  }

  @FieldResolver(() => Ticket, { description: 'Ticket the file is attached to.' })
  ticket(@Root() attachment: TicketAttachment, @Ctx() ctx: Context): Loaded<Ticket> {
    return ctx.loaders.tickets.readById.get(attachment.ticket.id);
  }
}
