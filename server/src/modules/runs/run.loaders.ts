import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { AutomationRun } from './run.entity';
import { pgArray } from '../../database/pg-array';

export interface RunPage {
  rows: AutomationRun[];
  hasMore: boolean;
}

/** Raw SQL skips the MikroORM filter: state the tenant, or fail closed (null) outside any scope. */
function tenantCondition(ctx: Omit<Context, 'loaders'>, alias: string): { sql: string; params: unknown[] } | null {
  if (ctx.tenantId) return { sql: `and ${alias}.tenant_id = ?`, params: [ctx.tenantId] };
  if (isPlatformScope(ctx)) return { sql: '', params: [] };
  return null;
}

const COLUMNS = `id, created_at, updated_at, tenant_id, tool_id, status, trigger, input, output, error, started_at, finished_at,
  correlation_id, attempts, max_attempts, next_attempt_at, locked_until, lease_owner, heartbeat_at, ticket_id, requested_by_id, retry_of_id`;

export function createRunLoaders(ctx: Omit<Context, 'loaders'>) {
  const em = ctx.em;
  const firstOfTicket = new Map<number, DataLoader<string, RunPage>>();

  return {
    byId: byIdLoader(em, AutomationRun, scopeOptions(ctx)),

    /** The newest `limit` runs of many tickets in one query (same order as RUN_ORDER). */
    firstOfTicket(limit: number): DataLoader<string, RunPage> {
      let loader = firstOfTicket.get(limit);
      if (!loader) {
        loader = new DataLoader<string, RunPage>(async (ticketIds) => {
          const scope = tenantCondition(ctx, 'r');
          if (!scope) return ticketIds.map(() => ({ rows: [], hasMore: false }));
          const raw: Record<string, unknown>[] = await em.getConnection().execute(
            `select ${COLUMNS} from (
               select r.*, row_number() over (partition by r.ticket_id order by r.created_at desc, r.id desc) as rn
                 from automation_runs r
                where r.ticket_id = any(?::uuid[]) ${scope.sql}
             ) ranked where rn <= ? order by ticket_id, rn`,
            [pgArray(ticketIds), ...scope.params, limit + 1],
          );
          const grouped = groupBy(
            raw.map((row) => em.map(AutomationRun, row)),
            (run) => run.ticket?.id ?? '',
          );
          return ticketIds.map((id) => {
            const list = grouped.get(id) ?? [];
            return { rows: list.slice(0, limit), hasMore: list.length > limit };
          });
        });
        firstOfTicket.set(limit, loader);
      }
      return loader;
    },

    /** Run counts of many tickets in one grouped query. */
    countOfTicket: new DataLoader<string, number>(async (ticketIds) => {
      const scope = tenantCondition(ctx, 'r');
      if (!scope) return ticketIds.map(() => 0);
      const raw: { ticket_id: string; n: string }[] = await em.getConnection().execute(
        `select r.ticket_id, count(*) as n from automation_runs r where r.ticket_id = any(?::uuid[]) ${scope.sql} group by r.ticket_id`,
        [pgArray(ticketIds), ...scope.params],
      );
      const counts = new Map(raw.map((r) => [r.ticket_id, Number(r.n)]));
      return ticketIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    runs: ReturnType<typeof createRunLoaders>;
  }
}
