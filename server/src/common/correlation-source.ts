import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { Context, CorrelationItem, CorrelationKindName, CorrelationSource } from '../context/context';
import { type AccessPolicy, readableRows } from '../permissions/access';

/** The most entries of one kind a correlation shows (one more is read, to know it was cut). */
export const CORRELATION_SOURCE_LIMIT = 100;

/**
 * Declares what a module owns that carries a correlation id: which entity, read under which
 * access policy (so the caller sees exactly the rows they could read one by one), ordered by
 * which time, and how an entry is titled. One query per source.
 */
export function correlationSource<T extends { id: string; correlationId?: string | null }>(def: {
  kind: CorrelationKindName;
  entity: EntityName<T>;
  access: AccessPolicy<T>;
  /** The entity's time field the entry is placed at. */
  at: keyof T & string;
  title: (row: T, ctx: Context) => string | Promise<string>;
}): CorrelationSource {
  return async (ctx, correlationId) => {
    const readable = readableRows(ctx, def.access);
    if (!readable) return [];
    const rows = await ctx.em.find(def.entity, { $and: [{ correlationId } as FilterQuery<T>, readable.where] } as FilterQuery<T>, {
      ...readable.options,
      orderBy: { [def.at]: 'ASC', id: 'ASC' } as never,
      limit: CORRELATION_SOURCE_LIMIT + 1,
    });
    const titles = await Promise.all(rows.map(async (row) => def.title(row, ctx)));
    return rows.map((row, i): CorrelationItem => ({ at: row[def.at] as Date, kind: def.kind, title: titles[i] ?? '', node: row }));
  };
}
