import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { uuidv7 } from '../../common/uuid';
import { Tenant } from '../tenancy/tenant.entity';

export enum EventSeverity {
  DEBUG = 'DEBUG',
  INFO = 'INFO',
  WARNING = 'WARNING',
  ERROR = 'ERROR',
  CRITICAL = 'CRITICAL',
}
registerEnumType(EventSeverity, {
  name: 'EventSeverity',
  description: 'How severe a system event is, from DEBUG (least) to CRITICAL (most).',
  valuesConfig: {
    DEBUG: { description: 'Diagnostic detail.' },
    INFO: { description: 'Normal operation worth recording.' },
    WARNING: { description: 'Something unexpected that did not fail.' },
    ERROR: { description: 'An operation failed.' },
    CRITICAL: { description: 'A failure that needs attention now.' },
  },
});

/**
 * High-volume operational record (a run changed state, a message arrived, a job ran). Tenant
 * scoped, or global when `tenant` is null. Append-only: rows are only ever inserted, and removed
 * by the retention job. No `updatedAt`: nothing updates an event.
 */
@ObjectType({ implements: Node, description: 'An operational event, tenant-scoped or global.' })
@Entity({ tableName: 'system_events' })
@Index({ properties: ['tenant', 'occurredAt', 'id'] })
// Serves a tenant's events filtered by type, newest first (the event browser's main filter).
@Index({ properties: ['tenant', 'type', 'occurredAt', 'id'] })
@Index({ properties: ['occurredAt', 'id'] })
@Index({ properties: ['type', 'occurredAt'] })
@Index({ properties: ['correlationId'] })
export class SystemEvent extends Node {
  @PrimaryKey({ type: 'uuid' })
  override id: string = uuidv7();

  /** Null for platform-wide events, visible to staff only. */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'cascade' })
  tenant?: Ref<Tenant>;

  @Field({ description: 'Dotted event type, e.g. "run.failed".' })
  @Property({ length: 100 })
  type!: string;

  @Field(() => EventSeverity, { description: 'How severe the event is.' })
  @Enum({ items: () => EventSeverity, default: EventSeverity.INFO })
  severity: Opt<EventSeverity> = EventSeverity.INFO;

  @Field({ description: 'What emitted it, e.g. "executor", "ingest".' })
  @Property({ length: 100 })
  source!: string;

  @Field(() => GraphQLJSON, { description: 'Event details (JSON).' })
  @Property({ type: 'jsonb', default: '{}' })
  payload: Opt<Record<string, unknown>> = {};

  @Field({ description: 'Correlation id of the request that caused the event; null when none.', nullable: true })
  @Property({ length: 128, nullable: true })
  correlationId?: string;

  @Field(() => Date, { description: 'When the event happened.' })
  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  occurredAt: Opt<Date> = new Date();
}
