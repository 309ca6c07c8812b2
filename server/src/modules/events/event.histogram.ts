import { raw } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../../common/errors';
import { listCost } from '../../common/query-limits';
import type { Context } from '../../context/context';
import { requestReach, tenantQueryBuilder } from '../../database/tenant-sql';
import { auditPlatformAccess } from '../audit/audit.service';
import { systemEventAccess } from './event.access';
import type { SystemEventFilter } from './event.inputs';
import { whereOf } from './event.service';
import { EventSeverity, SystemEvent } from './system-event.entity';

export const MAX_BUCKETS = 120;

@ObjectType({ description: 'The number of system events in one time bucket of a histogram.' })
export class SystemEventBucket {
  @Field({ description: 'Start of the bucket (inclusive).' })
  start!: Date;

  @Field({ description: 'End of the bucket (exclusive).' })
  end!: Date;

  @Field(() => Int, { description: 'Events in the bucket that match the filter.' })
  count!: number;

  @Field(() => Int, { description: 'Of those, events of severity ERROR or CRITICAL.' })
  errors!: number;
}

@ObjectType({ description: 'Counts of system events over time, in equal buckets, for the same filter as the events list.' })
export class SystemEventHistogram {
  @Field({ description: 'Start of the range counted (the filter\'s "from", else 24 hours before "to").' })
  from!: Date;

  @Field({ description: 'End of the range counted (the filter\'s "to", else now).' })
  to!: Date;

  @Field(() => Int, { description: 'Width of each bucket, in seconds.' })
  bucketSeconds!: number;

  @Field(() => [SystemEventBucket], { complexity: listCost(MAX_BUCKETS), description: 'The buckets, oldest first, empty ones included.' })
  buckets!: SystemEventBucket[];
}

const MAX_RANGE_MS = 400 * 24 * 3600 * 1000;
const DEFAULT_RANGE_MS = 24 * 3600 * 1000;
const BAD = [EventSeverity.ERROR, EventSeverity.CRITICAL];

/**
 * The events list's filter counted in `buckets` equal slices of its time range: one grouped
 * query over the same conditions as the list (its own where), with the caller's tenant reach
 * (a tenant's events, or staff every tenant's and the platform's: audited). Bounded: at most
 * 120 buckets over at most 400 days.
 */
export async function systemEventHistogram(ctx: Context, filter: SystemEventFilter | null | undefined, buckets: number): Promise<SystemEventHistogram> {
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS) {
    throw badInput(`Ask for 1 to ${MAX_BUCKETS} buckets.`, [{ field: 'buckets', message: `Between 1 and ${MAX_BUCKETS}.` }]);
  }
  const to = filter?.to ?? new Date();
  const from = filter?.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() >= to.getTime()) throw badInput('"from" must be before "to".', [{ field: 'filter.from', message: 'Must be before "to".' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badInput('The histogram covers at most 400 days.', [{ field: 'filter.from', message: 'At most 400 days before "to".' }]);
  const widthMs = Math.max(1000, Math.ceil((to.getTime() - from.getTime()) / buckets / 1000) * 1000);
  const where = whereOf({ ...(filter ?? {}), from, to });
  const out: SystemEventBucket[] = Array.from({ length: buckets }, (_, i) => ({
    start: new Date(from.getTime() + i * widthMs),
    end: new Date(Math.min(from.getTime() + (i + 1) * widthMs, to.getTime())),
    count: 0,
    errors: 0,
  })).filter((b) => b.start.getTime() < to.getTime());
  const qb = tenantQueryBuilder(ctx.em, SystemEvent, 'e', requestReach(ctx, systemEventAccess));
  if (qb) {
    const bucket = `floor(extract(epoch from (e.occurred_at - ?::timestamptz)) * 1000 / ${widthMs})::int`;
    const rows = await qb
      .select([raw(`${bucket} as b`, [from.toISOString()]), raw(`count(*) filter (where e.severity in (${BAD.map(() => '?').join(', ')})) as bad`, BAD), raw('count(*) as n')])
      .andWhere(where as QBFilterQuery<SystemEvent>)
      .groupBy(raw(bucket, [from.toISOString()]))
      .execute<{ b: number; bad: string; n: string }[]>('all', false);
    for (const r of rows) {
      const slot = out[Number(r.b)];
      if (slot) {
        slot.count += Number(r.n);
        slot.errors += Number(r.bad);
      }
    }
  }
  const tenant = (where as { tenant?: unknown }).tenant;
  await auditPlatformAccess(ctx, 'systemEventHistogram', { filter: filter ?? null, buckets }, typeof tenant === 'string' ? tenant : null);
  return { from, to, bucketSeconds: widthMs / 1000, buckets: out };
}
