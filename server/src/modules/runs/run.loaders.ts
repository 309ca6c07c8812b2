import { byIdLoader } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { type ChildPage, childConnection } from '../../database/child-connection';
import { runAccess } from './run.access';
import { AutomationRun } from './run.entity';

export type RunPage = ChildPage<AutomationRun>;

export function createRunLoaders(ctx: Omit<Context, 'loaders'>) {
  /** A ticket's runs, newest first (RUN_ORDER), for callers who may read runs. */
  const ofTicket = childConnection(ctx, {
    entity: AutomationRun,
    from: 'automation_runs r',
    alias: 'r',
    parent: 'r.ticket_id',
    order: 'r.created_at desc, r.id desc',
    access: runAccess,
  });

  return {
    byId: byIdLoader(ctx.em, AutomationRun, scopeOptions(ctx)),
    /** Runs that only answer GraphQL (a run's retryOf, a message's run): read lean. Services that change a run load it with `byId`. */
    readById: byIdLoader(ctx.em, AutomationRun, { ...scopeOptions(ctx), lean: true }),

    /** The newest `limit` runs of many tickets in one query (same order as RUN_ORDER). */
    firstOfTicket: ofTicket.first,

    /** Run counts of many tickets in one grouped query. */
    countOfTicket: ofTicket.count,
  };
}

declare module '../../context/context' {
  interface Loaders {
    runs: ReturnType<typeof createRunLoaders>;
  }
}
