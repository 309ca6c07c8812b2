import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { Tenant } from '../tenancy/tenant.entity';
import { WebhookDelivery, WebhookDeliveryTrigger, WebhookEndpoint, WebhookEvent } from './webhook.entity';
import type { WebhookEventType } from './webhook.events';

/** Deliveries staged in this process and not yet seen committed: what the commit hook looks for. */
const staged = new WeakSet<WebhookDelivery>();

/** The body every delivery of an event sends. */
export function eventBody(type: string, data: Record<string, unknown>, now: Date): Record<string, unknown> {
  return { type, timestamp: now.toISOString(), data };
}

/**
 * Stages a webhook event of `tenantId` in `em`'s transaction: the event (the outbox row) and one
 * delivery for each of the tenant's enabled endpoints that wants `type`. Call it inside the
 * transaction of the change it describes, so a rolled-back change sends nothing and a committed
 * one is never lost. When no endpoint wants the type (most tenants), it costs one indexed query
 * and writes nothing. Returns the event, or null when nobody wants it.
 */
export async function emitWebhookEvent(
  em: EntityManager,
  tenantId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  now: Date = new Date(),
): Promise<WebhookEvent | null> {
  const endpoints = await tenantQuery<{ id: string }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select id from webhook_endpoints where ${tenantIs(reach)} and enabled and events @> array[${type}]::text[] order by id`,
  );
  if (!endpoints.length) return null;
  const event = stageEvent(em, tenantId, type, data, now);
  for (const { id } of endpoints) stageDelivery(em, event, id, WebhookDeliveryTrigger.EVENT, now);
  return event;
}

/** The same event for several tenants (one per tenant, e.g. an incident's affected tenants). */
export async function emitWebhookEventToTenants(
  em: EntityManager,
  tenantIds: readonly string[],
  type: WebhookEventType,
  data: Record<string, unknown>,
  now: Date = new Date(),
): Promise<void> {
  for (const tenantId of tenantIds) await emitWebhookEvent(em, tenantId, type, data, now);
}

/** Stages an event row (not flushed). */
export function stageEvent(em: EntityManager, tenantId: string, type: string, data: Record<string, unknown>, now: Date = new Date()): WebhookEvent {
  const event = em.create(WebhookEvent, { tenant: em.getReference(Tenant, tenantId), type, payload: eventBody(type, data, now), createdAt: now, updatedAt: now });
  em.persist(event);
  return event;
}

/** Stages one delivery of `event` to endpoint `endpointId`, due now (not flushed). */
export function stageDelivery(em: EntityManager, event: WebhookEvent, endpointId: string, trigger: WebhookDeliveryTrigger, now: Date = new Date()): WebhookDelivery {
  const delivery = em.create(WebhookDelivery, {
    tenant: event.tenant,
    endpoint: em.getReference(WebhookEndpoint, endpointId),
    event,
    eventType: event.type,
    trigger,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
  em.persist(delivery);
  staged.add(delivery);
  return delivery;
}

/**
 * Calls `nudge` after each committed transaction that wrote deliveries staged here, so the worker
 * sends them at once instead of at its next poll (the mail outbox's pattern, mail.outbox.ts).
 * Rollbacks call nothing. Returns the way to stop it.
 */
export function onWebhookCommitted(orm: MikroORM, nudge: () => void): { close(): void } {
  let active = true;
  const meta = orm.getMetadata().get<WebhookDelivery>(WebhookDelivery.name);
  const subscriber: EventSubscriber = {
    afterTransactionCommit(args: TransactionEventArgs) {
      if (!active) return;
      let found = false;
      for (const row of args.em.getUnitOfWork(false).getIdentityMap().getStore(meta).values()) {
        if (staged.delete(row)) found = true;
      }
      if (found) nudge();
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
  return {
    close() {
      active = false;
    },
  };
}
