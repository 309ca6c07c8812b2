import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { byIdLoader } from '../../common/batch-loaders';
import { type ChildPage, childConnection, childListLoader, type ParentTable } from '../../database/child-connection';
import type { LeanInclude } from '../../database/lean-find';
import { ticketAccess, ticketAttachmentAccess, ticketCommentAccess, ticketCommentRowsSql } from './ticket.access';
import { MAX_ATTACHMENTS_PER_TICKET, TicketAttachment } from './ticket-attachment.entity';
import { TicketComment } from './ticket-comment.entity';
import { Ticket } from './ticket.entity';

export type CommentPage = ChildPage<TicketComment>;

/** Tickets as the parent of their comments: the tenant's, read under ticketAccess. */
const TICKETS: ParentTable<Ticket> = { entity: Ticket, access: ticketAccess };

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

  const readById = byIdLoader(ctx.em, Ticket, { ...scopeOptions(ctx), lean: true });
  return {
    byId: byIdLoader(ctx.em, Ticket, scopeOptions(ctx)),

    /**
     * Tickets that only answer GraphQL (`ticket(id)`, a comment's or run's ticket): read lean,
     * as list pages are, so none enters the identity map. A service that changes a ticket, or
     * passes it to one that may, loads it with `byId`.
     */
    readById,

    /**
     * A ticket (lean, as readById reads it) with its first `limit` comments in one statement, the
     * page waiting in firstComments(limit, include); undefined when the caller may not read
     * comments (read the ticket with readById), null when no such ticket answers.
     */
    readWithFirstComments: async (id: string, limit: number, include: readonly LeanInclude[]): Promise<Ticket | null | undefined> => {
      const ticket = await comments.withParent(TICKETS, id, limit, include);
      if (ticket) readById.prime(ticket.id, ticket);
      return ticket;
    },

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
