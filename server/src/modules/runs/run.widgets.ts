import type { EntityManager } from '@mikro-orm/postgresql';
import { noConfig, type WidgetPoint, widget } from '../../common/widget';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { RunStatus } from './run.entity';
import { pgArray } from '../../database/pg-array';

const STATUS_LABELS: Record<RunStatus, string> = {
  [RunStatus.QUEUED]: 'Queued',
  [RunStatus.RUNNING]: 'Running',
  [RunStatus.SUCCEEDED]: 'Succeeded',
  [RunStatus.FAILED]: 'Failed',
  [RunStatus.CANCELLED]: 'Cancelled',
};

/**
 * Runs of one tenant created since `since`, per status: one aggregate query with an explicit
 * tenant condition; every status appears, in lifecycle order, with 0 when it has no runs.
 */
export async function runsByStatusSince(em: EntityManager, tenantId: string, since: Date): Promise<WidgetPoint[]> {
  const statuses = Object.values(RunStatus);
  const rows = await tenantQuery<{ status: RunStatus; n: string }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select s.status, count(r.id) as n
       from unnest(${pgArray(statuses)}::text[]) with ordinality as s(status, ord)
       left join automation_runs r on r.status = s.status and ${tenantIs(reach, 'r')} and r.created_at >= ${since}
      group by s.status, s.ord
      order by s.ord`,
  );
  return rows.map((r) => ({ key: r.status, label: STATUS_LABELS[r.status], value: Number(r.n) }));
}

/** RUNS_LAST_7_DAYS_BY_STATUS: runs created in the last 7 days, per status. */
export const runsLast7DaysWidget = widget(noConfig, 'run:read', ({ em, tenantId, now }) =>
  runsByStatusSince(em, tenantId, new Date(now.getTime() - 7 * 86_400_000)),
);
