import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Tool } from '../tools/tool.entity';
import { User } from '../users/user.entity';

export enum RunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RunStatus, {
  name: 'RunStatus',
  description: 'Where an automation run is in its lifecycle.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to start (or to be retried).' },
    RUNNING: { description: 'Being executed.' },
    SUCCEEDED: { description: 'Finished with output.' },
    FAILED: { description: 'Finished with an error after its last attempt.' },
    CANCELLED: { description: 'Cancelled before finishing.' },
  },
});

export enum RunTrigger {
  USER = 'USER',
  MESSAGE = 'MESSAGE',
  SCHEDULE = 'SCHEDULE',
  PARTNER = 'PARTNER',
}
registerEnumType(RunTrigger, {
  name: 'RunTrigger',
  description: 'What started a run.',
  valuesConfig: {
    USER: { description: 'A user started it.' },
    MESSAGE: { description: 'An inbound message started it.' },
    SCHEDULE: { description: 'A schedule started it.' },
    PARTNER: { description: 'A partner integration (API key) started it.' },
  },
});

/**
 * One execution of a tool for a tenant. Status moves only along the transition table
 * (run.transitions.ts); every move writes a system event in the same transaction. While RUNNING
 * the run is leased to one worker (leaseOwner until lockedUntil); an expired lease is reclaimed.
 */
@ObjectType({ implements: Node, description: 'An execution of a tool: queued, run by the executor, finished.' })
@Entity({ tableName: 'automation_runs' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'tool', 'createdAt'] })
@Index({ properties: ['tenant', 'status'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['status', 'lockedUntil'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['ticket', 'createdAt', 'id'] })
export class AutomationRun extends TenantOwnedEntity {
  @ManyToOne(() => Tool, { ref: true, deleteRule: 'restrict' })
  tool!: Ref<Tool>;

  @Field(() => RunStatus, { description: 'Where the run is in its lifecycle.' })
  @Enum({ items: () => RunStatus, default: RunStatus.QUEUED })
  status: Opt<RunStatus> = RunStatus.QUEUED;

  @Field(() => RunTrigger, { description: 'What started the run.' })
  @Enum({ items: () => RunTrigger })
  trigger!: RunTrigger;

  @Field(() => GraphQLJSON, { description: 'Input the tool was run with (JSON, valid against the tool\'s input schema).' })
  @Property({ type: 'jsonb' })
  input!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { description: 'Result the tool produced; null until the run succeeds.', nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  output?: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, when it did.' })
  @Property({ type: 'text', nullable: true })
  error?: string;

  @Field(() => Date, { nullable: true, description: 'When the first attempt started.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  startedAt?: Date;

  @Field(() => Date, { description: 'When the run ended (succeeded, failed or was cancelled); null while queued or running.', nullable: true })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  finishedAt?: Date;

  @Field({ description: 'Correlation id of the request that started the run; use it to trace related activity.' })
  @Property({ length: 128 })
  correlationId!: string;

  @Field(() => Int, { description: 'Attempts started so far.' })
  @Property({ type: 'smallint', default: 0 })
  attempts: Opt<number> = 0;

  @Field(() => Int, { description: 'How many attempts the run gets before it is marked failed.' })
  @Property({ type: 'smallint' })
  maxAttempts!: number;

  @Field(() => Date, { nullable: true, description: 'While queued: not before this time (retries back off).' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  nextAttemptAt?: Date;

  /** The lease of the worker running it; past it, another worker may reclaim the run. */
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  lockedUntil?: Date;

  /** Token of the claim holding the lease; every write by that worker checks it. */
  @Property({ type: 'uuid', nullable: true })
  leaseOwner?: string;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  heartbeatAt?: Date;

  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  ticket?: Ref<Ticket>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<User>;

  @ManyToOne(() => AutomationRun, { ref: true, nullable: true, deleteRule: 'set null' })
  retryOf?: Ref<AutomationRun>;

  statusIs(...statuses: RunStatus[]): boolean {
    return statuses.includes(this.status);
  }
}
