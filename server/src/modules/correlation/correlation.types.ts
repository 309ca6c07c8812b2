import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { listCost } from '../../common/query-limits';

import { CORRELATION_SOURCE_LIMIT } from '../../common/correlation-source';

/** Entries per kind; sources fetch one more so the service can say the list was cut. */
export { CORRELATION_SOURCE_LIMIT };

/** Kinds of correlation sources (events, tickets, incidents, audit, messages, runs): the most a chain can hold. */
export const CORRELATION_ENTRY_BOUND = 6 * CORRELATION_SOURCE_LIMIT;

// Shared vocabulary: the modules that own each kind contribute sources (context.ts).
export type { CorrelationItem, CorrelationKindName, CorrelationSource } from '../../context/context';

export enum CorrelationKind {
  MESSAGE = 'MESSAGE',
  RUN = 'RUN',
  EVENT = 'EVENT',
  TICKET = 'TICKET',
  INCIDENT = 'INCIDENT',
  AUDIT = 'AUDIT',
}
registerEnumType(CorrelationKind, { name: 'CorrelationKind' });

@ObjectType({ description: 'One thing that carries the correlation id.' })
export class CorrelationEntry {
  @Field(() => Date)
  at!: Date;

  @Field(() => CorrelationKind)
  kind!: CorrelationKind;

  @Field()
  title!: string;

  @Field(() => Node)
  node!: object;
}

@ObjectType({ description: 'Everything you may see that carries one correlation id, in time order.' })
export class Correlation {
  @Field()
  id!: string;

  @Field(() => [CorrelationEntry], { complexity: listCost(CORRELATION_ENTRY_BOUND), description: `Oldest first; at most ${CORRELATION_SOURCE_LIMIT} of each kind.` })
  entries!: CorrelationEntry[];

  @Field({ description: 'True when some kind had more entries than are shown (at most 100 per kind).' })
  truncated!: boolean;
}
