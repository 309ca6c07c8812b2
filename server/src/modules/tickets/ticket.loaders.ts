import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { byIdLoader } from '../../common/batch-loaders';
import { type ChildPage, childConnection, childListLoader } from '../../database/child-connection';
import { ticketAttachmentAccess, ticketCommentAccess, ticketCommentRowsSql } from './ticket.access';
import { MAX_ATTACHMENTS_PER_TICKET, TicketAttachment } from './ticket-attachment.entity';
import { TicketComment } from './ticket-comment.entity';
import { Ticket } from './ticket.entity';

export type CommentPage = ChildPage<TicketComment>;

export function createTicketLoaders(ctx: Omit<Context, 'loaders'>) {
  /** A ticket's comments, oldest first (COMMENT_ORDER), as its readers may see them. */
  const comments = childConnection(ctx, {
    entity: TicketComment,
    from: 'ticket_comments c',
    alias: 'c',
    parent: 'c.ticket_id',
    order: 'c.created_at, c.id',
    access: ticketCommentAccess,
    // Internal notes only for those the policy lets see them (counts included).
    where: (reach) => ticketCommentRowsSql(ctx, reach, 'c'),
  });

  return {
    byId: byIdLoader(ctx.em, Ticket, scopeOptions(ctx)),

    /**
     * Tickets that only answer GraphQL (`ticket(id)`, a comment's or run's ticket): read lean,
     * as list pages are, so none enters the identity map. A service that changes a ticket, or
     * passes it to one that may, loads it with `byId`.
     */
    readById: byIdLoader(ctx.em, Ticket, { ...scopeOptions(ctx), lean: true }),

    /** The first `limit` comments (oldest first) of many tickets in one query. */
    firstComments: comments.first,

    /** Comment counts of many tickets in one grouped query. */
    commentCount: comments.count,

    /** Attachments of many tickets (all of each: at most MAX_ATTACHMENTS_PER_TICKET), oldest first, internal ones as notes. */
    attachments: childListLoader(
      ctx,
      {
        entity: TicketAttachment,
        from: 'ticket_attachments a',
        alias: 'a',
        parent: 'a.ticket_id',
        order: 'a.created_at, a.id',
        access: ticketAttachmentAccess,
        where: (reach) => ticketCommentRowsSql(ctx, reach, 'a'),
      },
      MAX_ATTACHMENTS_PER_TICKET,
    ),
  };
}

declare module '../../context/context' {
  interface Loaders {
    tickets: ReturnType<typeof createTicketLoaders>;
  }
}
