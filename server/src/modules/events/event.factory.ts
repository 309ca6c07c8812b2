import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../../common/uuid';
import { EventSeverity } from './system-event.entity';

const SYSTEM_EVENTS_TABLE = 'system_events';

export interface EventRow {
  tenantId: string | null;
  type: string;
  source?: string;
  severity?: EventSeverity;
  payload?: Record<string, unknown>;
  correlationId?: string | null;
  occurredAt?: Date;
}

const CHUNK = 1_000;

/**
 * Inserts many events with one multi-row INSERT per 1,000 (seeds, tests, benchmarks), outside
 * the unit of work: nothing is loaded into the identity map. Returns the new ids in order. Each
 * row carries its own tenant_id and nothing is read, so the knex insert needs no tenant condition
 * (an allow-listed exception in server/test/raw-sql.test.ts).
 */
export async function insertEvents(em: EntityManager, rows: EventRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const data = rows.slice(i, i + CHUNK).map((r) => {
      const id = uuidv7();
      ids.push(id);
      return {
        id,
        tenant_id: r.tenantId,
        type: r.type,
        source: r.source ?? 'test',
        severity: r.severity ?? EventSeverity.INFO,
        payload: JSON.stringify(r.payload ?? {}),
        correlation_id: r.correlationId ?? null,
        occurred_at: r.occurredAt ?? new Date(),
      };
    });
    // A plain knex insert: MikroORM's insertMany maps every row through the entity metadata,
    // which is several times slower for thousands of rows.
    // em.execute, not the connection: it joins the caller's transaction (the seed runs in one).
    await em.execute(em.getKnex().insert(data).into(SYSTEM_EVENTS_TABLE), [], 'run');
  }
  return ids;
}
