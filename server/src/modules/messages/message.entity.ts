import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { AutomationRun } from '../runs/run.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';

export enum MessageChannel {
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
  API = 'API',
}
registerEnumType(MessageChannel, {
  name: 'MessageChannel',
  description: 'Channel an inbound message arrived through.',
  valuesConfig: {
    EMAIL: { description: 'An email.' },
    WEBHOOK: { description: 'A webhook call from another system.' },
    API: { description: 'The ingestMessage API.' },
  },
});

export enum MessageStatus {
  /** Stored, not yet processed. Ingestion processes at once, so this is transient today. */
  RECEIVED = 'RECEIVED',
  /** It opened a ticket or started a run. */
  PROCESSED = 'PROCESSED',
  /** Processing was refused (e.g. no entitlement, input not matching the tool); see error. */
  FAILED = 'FAILED',
  /** Deliberately not acted on (e.g. an auto-reply). */
  IGNORED = 'IGNORED',
}
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description: 'Where an inbound message is in processing.',
  valuesConfig: {
    RECEIVED: { description: 'Stored, not yet processed (transient: ingestion processes at once).' },
    PROCESSED: { description: 'It opened a ticket or started a run.' },
    FAILED: { description: 'Processing was refused (e.g. no entitlement, input not matching the tool); see error.' },
    IGNORED: { description: 'Deliberately not acted on (e.g. an auto-reply).' },
  },
});

/** A message that arrived for a tenant (e-mail, webhook, API) and what it produced. */
@ObjectType({ implements: Node, description: 'An inbound message and the ticket or run it produced.' })
@Entity({ tableName: 'inbound_messages' })
@Index({ properties: ['tenant', 'receivedAt', 'id'] })
@Index({ properties: ['tenant', 'status'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['ticket'] })
@Index({ properties: ['run'] })
@Unique({ properties: ['tenant', 'channel', 'externalId'] })
export class InboundMessage extends TenantOwnedEntity {
  @Field(() => MessageChannel, { description: 'Channel the message arrived through.' })
  @Enum({ items: () => MessageChannel })
  channel!: MessageChannel;

  @Field({ description: 'Who sent it: an address, a system name.' })
  @Property({ length: 320 })
  sender!: string;

  @Field(() => String, { description: 'Subject line of the message; null when it has none.', nullable: true })
  @Property({ length: 300, nullable: true })
  subject?: string;

  @Field(() => GraphQLJSON, { description: 'Raw content of the message as received (JSON).' })
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "The sender's own id for it; a repeat with the same id is not processed twice." })
  @Property({ length: 200, nullable: true })
  externalId?: string;

  @Field(() => Date, { description: 'When the message arrived.' })
  @Property({ type: 'timestamptz', length: 3 })
  receivedAt!: Date;

  @Field(() => MessageStatus, { description: 'Where the message is in processing.' })
  @Enum({ items: () => MessageStatus, default: MessageStatus.RECEIVED })
  status: Opt<MessageStatus> = MessageStatus.RECEIVED;

  @Field(() => Date, { description: 'When processing finished; null while not yet processed.', nullable: true })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  processedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why processing failed or was skipped.' })
  @Property({ type: 'text', nullable: true })
  error?: string;

  @Field({ description: 'Correlation id given to the message on arrival; traces what it caused.' })
  @Property({ length: 128 })
  correlationId!: string;

  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  ticket?: Ref<Ticket>;

  @ManyToOne(() => AutomationRun, { ref: true, nullable: true, deleteRule: 'set null' })
  run?: Ref<AutomationRun>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  receivedBy?: Ref<User>;
}
