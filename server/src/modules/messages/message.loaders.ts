import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { InboundMessage } from './message.entity';

export function createMessageLoaders(ctx: Omit<Context, 'loaders'>) {
  const options = scopeOptions(ctx);
  return {
    byId: byIdLoader(ctx.em, InboundMessage, options),

    /** The message that opened each ticket, in one query (the tenant filter applies). */
    sourceOfTicket: new DataLoader<string, InboundMessage | null>(async (ticketIds) => {
      const rows = await ctx.em.find(InboundMessage, { ticket: { $in: [...ticketIds] } }, { ...options, orderBy: { receivedAt: 'ASC', id: 'ASC' } });
      const byTicket = groupBy(rows, (m) => m.ticket?.id);
      return ticketIds.map((id) => byTicket.get(id)?.[0] ?? null);
    }),

    /** The message that started each run, in one query. */
    sourceOfRun: new DataLoader<string, InboundMessage | null>(async (runIds) => {
      const rows = await ctx.em.find(InboundMessage, { run: { $in: [...runIds] } }, { ...options, orderBy: { receivedAt: 'ASC', id: 'ASC' } });
      const byRun = groupBy(rows, (m) => m.run?.id);
      return runIds.map((id) => byRun.get(id)?.[0] ?? null);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    messages: ReturnType<typeof createMessageLoaders>;
  }
}
