import DataLoader from 'dataloader';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { byIdLoader } from '../../common/batch-loaders';
import { TicketComment } from './ticket-comment.entity';
import { Ticket } from './ticket.entity';
import { pgArray } from '../../database/pg-array';

export interface CommentPage {
  rows: TicketComment[];
  hasMore: boolean;
}

/**
 * Raw SQL bypasses MikroORM filters, so these queries state the tenant themselves; with no
 * tenant and no platform scope they return nothing (fail closed).
 */
function tenantCondition(ctx: Omit<Context, 'loaders'>): { sql: string; params: unknown[] } | null {
  if (ctx.tenantId) return { sql: 'and c.tenant_id = ?', params: [ctx.tenantId] };
  if (isPlatformScope(ctx)) return { sql: '', params: [] };
  return null;
}

export function createTicketLoaders(ctx: Omit<Context, 'loaders'>) {
  const em = ctx.em;
  const firstComments = new Map<number, DataLoader<string, CommentPage>>();

  return {
    byId: byIdLoader(em, Ticket, scopeOptions(ctx)),

    /** The first `limit` comments (oldest first) of many tickets in one query. */
    firstComments(limit: number): DataLoader<string, CommentPage> {
      let loader = firstComments.get(limit);
      if (!loader) {
        loader = new DataLoader<string, CommentPage>(async (ticketIds) => {
          const scope = tenantCondition(ctx);
          if (!scope) return ticketIds.map(() => ({ rows: [], hasMore: false }));
          const raw: Record<string, unknown>[] = await em.getConnection().execute(
            `select id, tenant_id, ticket_id, author_id, body, created_at, updated_at from (
               select c.*, row_number() over (partition by c.ticket_id order by c.created_at, c.id) as rn
                 from ticket_comments c
                where c.ticket_id = any(?::uuid[]) ${scope.sql}
             ) ranked where rn <= ? order by ticket_id, rn`,
            [pgArray(ticketIds), ...scope.params, limit + 1],
          );
          const grouped = new Map<string, TicketComment[]>();
          for (const row of raw) {
            const comment = em.map(TicketComment, row);
            const list = grouped.get(comment.ticket.id) ?? [];
            list.push(comment);
            grouped.set(comment.ticket.id, list);
          }
          return ticketIds.map((id) => {
            const list = grouped.get(id) ?? [];
            return { rows: list.slice(0, limit), hasMore: list.length > limit };
          });
        });
        firstComments.set(limit, loader);
      }
      return loader;
    },

    /** Comment counts of many tickets in one grouped query. */
    commentCount: new DataLoader<string, number>(async (ticketIds) => {
      const scope = tenantCondition(ctx);
      if (!scope) return ticketIds.map(() => 0);
      const raw: { ticket_id: string; n: string }[] = await em.getConnection().execute(
        `select c.ticket_id, count(*) as n from ticket_comments c where c.ticket_id = any(?::uuid[]) ${scope.sql} group by c.ticket_id`,
        [pgArray(ticketIds), ...scope.params],
      );
      const counts = new Map(raw.map((r) => [r.ticket_id, Number(r.n)]));
      return ticketIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    tickets: ReturnType<typeof createTicketLoaders>;
  }
}
