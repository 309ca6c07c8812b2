import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';

/**
 * A tenant's webhook endpoint: where events are POSTed, which event types it wants, and its
 * signing secret, sealed at rest (common/sealed-secret.ts). After a rotation the previous secret
 * keeps signing beside the new one until previousSecretExpiresAt (24 hours), so receivers can
 * switch without losing a delivery. An endpoint whose deliveries keep failing is disabled by the
 * worker with a reason; a member turns it on again with updateWebhookEndpoint.
 */
@ObjectType({ implements: Node, description: "A URL of the tenant's that receives signed webhook events (Standard Webhooks)." })
@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['tenant', 'enabled'] })
export class WebhookEndpoint extends TenantOwnedEntity {
  @Field({ description: 'Where events are POSTed (http or https; https only in production).' })
  @Property({ length: 2048 })
  url!: string;

  @Field(() => [String], { description: 'The event types this endpoint receives (see webhookEventTypes).' })
  @Property({ type: 'text[]' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, for people.' })
  @Property({ length: 500, nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'Disabled endpoints receive no events (a test event still goes out).' })
  @Property({ type: 'boolean', default: true })
  enabled: Opt<boolean> = true;

  @Field(() => String, { nullable: true, description: 'Why it was disabled: by whom, or the failures that made Atrium disable it. Null while enabled.' })
  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while enabled.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  disabledAt?: Date | null;

  /** The current signing secret (whsec_...), sealed. Shown once, at creation or rotation. */
  @Property({ type: 'text', hidden: true })
  secretSealed!: string;

  /** The secret before the last rotation, sealed; it also signs until previousSecretExpiresAt. */
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecretSealed?: string | null;

  @Field(() => Date, { nullable: true, description: 'Until then the secret from before the last rotation also signs each delivery; null when there is none.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the secret was last rotated; null if never.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  secretRotatedAt?: Date | null;

  @Field(() => Int, { description: 'Failed attempts since the last successful one.' })
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'The first failed attempt since the last successful one; null when the last attempt succeeded.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  failingSince?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The last successful delivery attempt.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  lastSuccessAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The last failed delivery attempt.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  lastFailureAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;
}

/**
 * The outbox: one event of one tenant, written in the same transaction as the change it
 * describes (emitWebhookEvent), with the JSON body every delivery of it sends. Written only when
 * an enabled endpoint of the tenant wants the type (or for a test event). Not a GraphQL type.
 */
@Entity({ tableName: 'webhook_events' })
export class WebhookEvent extends TenantOwnedEntity {
  @Property({ length: 64 })
  type!: string;

  /** `{ type, timestamp, data }`, exactly what is sent. */
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  RETRYING = 'RETRYING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt.' },
    SENDING: { description: 'A worker is sending it now.' },
    RETRYING: { description: 'An attempt failed; the next one is due at nextAttemptAt.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed, or the endpoint was disabled or refused; redeliverWebhook tries again.' },
  },
});

export enum WebhookDeliveryTrigger {
  EVENT = 'EVENT',
  TEST = 'TEST',
  REDELIVERY = 'REDELIVERY',
}
registerEnumType(WebhookDeliveryTrigger, {
  name: 'WebhookDeliveryTrigger',
  description: 'Why a delivery exists.',
  valuesConfig: {
    EVENT: { description: 'An event the endpoint subscribes to.' },
    TEST: { description: 'sendTestWebhook.' },
    REDELIVERY: { description: 'redeliverWebhook: the same event (same webhook-id) sent again.' },
  },
});

/** One attempt of a delivery, as kept in its log. */
export interface WebhookAttemptRecord {
  attempt: number;
  at: string;
  responseStatus: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  succeeded: boolean;
}

/**
 * One event sent to one endpoint, with its attempts. The worker (webhook.worker.ts) claims due
 * rows with FOR UPDATE SKIP LOCKED under a lease (lockedBy, leaseUntil), sends, and records the
 * outcome only while the lease is still its own. Every attempt of it, and every redelivery of
 * its event, sends the same webhook-id: the event's.
 */
@ObjectType({ implements: Node, description: 'One event sent (or to be sent) to one webhook endpoint, with its attempts.' })
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['status', 'leaseUntil'] })
@Index({ properties: ['tenant', 'createdAt'] })
export class WebhookDelivery extends TenantOwnedEntity {
  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade', index: true })
  endpoint!: Ref<WebhookEndpoint>;

  @ManyToOne(() => WebhookEvent, { ref: true, deleteRule: 'cascade', index: true })
  event!: Ref<WebhookEvent>;

  @Field({ description: 'The event type, e.g. ticket.created (webhook.test for a test event).' })
  @Property({ length: 64 })
  eventType!: string;

  @Field(() => WebhookDeliveryTrigger, { description: 'An event, a test event, or a redelivery.' })
  @Enum({ items: () => WebhookDeliveryTrigger, default: WebhookDeliveryTrigger.EVENT })
  trigger: Opt<WebhookDeliveryTrigger> = WebhookDeliveryTrigger.EVENT;

  @Field(() => WebhookDeliveryStatus, { description: 'Pending, sending, retrying, succeeded or failed.' })
  @Enum({ items: () => WebhookDeliveryStatus, default: WebhookDeliveryStatus.PENDING })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts started so far.' })
  @Property({ type: 'smallint', default: 0 })
  attemptCount: Opt<number> = 0;

  /** Every finished attempt, oldest first (bounded by the retry schedule). */
  @Property({ type: 'jsonb', default: '[]' })
  attemptLog: Opt<WebhookAttemptRecord[]> = [];

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got no answer.' })
  @Property({ type: 'smallint', nullable: true })
  responseStatus?: number | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  @Property({ type: 'integer', nullable: true })
  durationMs?: number | null;

  @Field(() => String, { nullable: true, description: 'The start of the last answer body (at most 1 KB); never headers.' })
  @Property({ type: 'text', nullable: true })
  responseExcerpt?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (timeout, refused address, HTTP status ...); null after a success.' })
  @Property({ length: 500, nullable: true })
  error?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once it succeeded or failed for good.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  nextAttemptAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it (2xx).' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  deliveredAt?: Date | null;

  /** While SENDING: the claim's lease; past it, another worker may claim the delivery again. */
  @Property({ type: 'timestamptz', length: 3, nullable: true, hidden: true })
  leaseUntil?: Date | null;

  /** While SENDING: the claim's token; recording the outcome checks it. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  lockedBy?: string | null;
}
