import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type WidgetPoint, widget } from '../../common/widget';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
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
  const rows = await tenantQuery<{ status: TicketStatus; n: number }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select status, count(*)::int as n from tickets where ${tenantIs(reach)} and status = any(${pgArray(statuses)}::text[]) group by status`,
  );
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  return statuses.map((s) => ({ key: s, label: LABELS[s], value: counts.get(s) ?? 0 }));
}

/** OPEN_TICKETS_BY_STATUS: ticket counts for the chosen statuses (open and pending by default). */
export const openTicketsWidget = widget(
  z.object({ statuses: z.array(z.enum(TicketStatus)).min(1).max(4).optional() }).strict(),
  'ticket:read',
  ({ em, tenantId }, c) => openTicketsByStatus(em, tenantId, [...new Set(c.statuses ?? [TicketStatus.OPEN, TicketStatus.PENDING])]),
);
