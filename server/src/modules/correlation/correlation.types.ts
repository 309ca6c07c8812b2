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
registerEnumType(CorrelationKind, {
  name: 'CorrelationKind',
  description: 'What kind of object a correlation entry is.',
  valuesConfig: {
    AUDIT: { description: 'An audit log entry.' },
    EVENT: { description: 'A system event.' },
    INCIDENT: { description: 'An incident.' },
    MESSAGE: { description: 'An inbound message.' },
    RUN: { description: 'An automation run.' },
    TICKET: { description: 'A ticket.' },
  },
});

@ObjectType({ description: 'One thing that carries the correlation id.' })
export class CorrelationEntry {
  @Field(() => Date, { description: 'When the entry happened.' })
  at!: Date;

  @Field(() => CorrelationKind, { description: 'What kind of object the entry is.' })
  kind!: CorrelationKind;

  @Field({ description: 'One-line human summary of the entry.' })
  title!: string;

  @Field(() => Node, { description: 'The object itself.' })
  node!: object;
}

@ObjectType({ description: 'Everything you may see that carries one correlation id, in time order.' })
export class Correlation {
  @Field({ description: 'The correlation id looked up.' })
  id!: string;

  @Field(() => [CorrelationEntry], { complexity: listCost(CORRELATION_ENTRY_BOUND), description: `Oldest first; at most ${CORRELATION_SOURCE_LIMIT} of each kind.` })
  entries!: CorrelationEntry[];

  @Field({ description: 'True when some kind had more entries than are shown (at most 100 per kind).' })
  truncated!: boolean;
}
