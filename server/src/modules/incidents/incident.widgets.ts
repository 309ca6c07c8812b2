import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type WidgetPoint, widget } from '../../common/widget';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { IncidentSeverity, IncidentStatus } from './incident.entity';
import { pgArray } from '../../database/pg-array';

/**
 * Incidents affecting one tenant that are not resolved, by severity (SEV1 first, zeros
 * included); one grouped query.
 */
export async function activeIncidents(em: EntityManager, tenantId: string, includeMitigated: boolean): Promise<WidgetPoint[]> {
  const statuses = includeMitigated ? [IncidentStatus.OPEN, IncidentStatus.MITIGATED] : [IncidentStatus.OPEN];
  const rows = await tenantQuery<{ severity: IncidentSeverity; n: number }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select i.severity, count(*)::int as n
       from incidents i join incident_tenants it on it.incident_id = i.id
      where ${tenantIs(reach, 'it')} and i.status = any(${pgArray(statuses)}::text[])
      group by i.severity`,
  );
  const counts = new Map(rows.map((r) => [r.severity, r.n]));
  return Object.values(IncidentSeverity).map((s) => ({ key: s, label: s, value: counts.get(s) ?? 0 }));
}

/** ACTIVE_INCIDENTS: unresolved incidents by severity (mitigated ones included unless turned off). */
export const activeIncidentsWidget = widget(z.object({ includeMitigated: z.boolean().optional() }).strict(), 'incident:read', ({ em, tenantId }, c) =>
  activeIncidents(em, tenantId, c.includeMitigated ?? true),
);
