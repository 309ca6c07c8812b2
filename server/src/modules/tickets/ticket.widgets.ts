import type { EntityManager } from '@mikro-orm/postgresql';
import type { WidgetPoint } from '../dashboard/widget.types';
import { TicketStatus } from './ticket.entity';
import { pgArray } from '../../database/pg-array';

const LABELS: Record<TicketStatus, string> = {
  [TicketStatus.OPEN]: 'Open',
  [TicketStatus.PENDING]: 'Pending',
  [TicketStatus.RESOLVED]: 'Resolved',
  [TicketStatus.CLOSED]: 'Closed',
};

/** Ticket counts of one tenant for the given statuses, in that order (zeros included); one grouped query. */
export async function openTicketsByStatus(em: EntityManager, tenantId: string, statuses: readonly TicketStatus[]): Promise<WidgetPoint[]> {
  const rows: { status: TicketStatus; n: number }[] = await em
    .getConnection()
    .execute(`select status, count(*)::int as n from tickets where tenant_id = ? and status = any(?::text[]) group by status`, [tenantId, pgArray(statuses)]);
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  return statuses.map((s) => ({ key: s, label: LABELS[s], value: counts.get(s) ?? 0 }));
}
