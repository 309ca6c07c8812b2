import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, ErrorReason, forbidden, notFound } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import type { ConnectionShape } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/paginate';
import type { Context } from '../../context/context';
import { isPlatformScope, requireTenant, scopeOptions, userIdOf } from '../../context/scope';
import { auditPlatformAccess, diffOf, recordAudit } from '../audit/audit.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { stageDelivery, stageEvent } from './webhook.emit';
import { WebhookDelivery, WebhookDeliveryTrigger, WebhookEndpoint, WebhookEvent } from './webhook.entity';
import { isWebhookEventType, TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './webhook.events';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveriesArgs, WebhookEndpointsArgs } from './webhook.inputs';
import { webhookDeliveryList, webhookEndpointList } from './webhook.inputs';
import { disableEndpoint } from './webhook.lifecycle';
import { newWebhookSecret, ROTATION_OVERLAP_MS, sealWebhookSecret } from './webhook.secrets';
import { checkWebhookUrl, WebhookTargetRefused } from './webhook.ssrf';

/** Endpoints one tenant may have. */
export const MAX_ENDPOINTS_PER_TENANT = 20;

/** The URL as it will be stored, or BAD_USER_INPUT on `field` saying why it is refused. */
async function acceptableUrl(ctx: Context, raw: string, field: string): Promise<string> {
  try {
    return (await checkWebhookUrl(raw, ctx.app.config)).toString();
  } catch (err) {
    if (err instanceof WebhookTargetRefused) throw badInput(err.message, [{ field, message: err.message }]);
    throw err;
  }
}

/** The event types, checked and without repeats, in the catalog's order. */
function acceptableEvents(events: readonly string[], field: string): string[] {
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length) {
    const message = `Unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}. Choose from ${WEBHOOK_EVENT_TYPES.join(', ')}.`;
    throw badInput(message, [{ field, message }]);
  }
  return WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t));
}

function cleanDescription(description: string | null | undefined): string | null {
  const d = description?.trim();
  return d ? d : null;
}

/** Who did something, for a disabled reason: the user's name, or staff. */
async function actorLabel(ctx: Context, em: EntityManager): Promise<string> {
  if (isPlatformScope(ctx)) return 'Atrium staff';
  const userId = userIdOf(ctx);
  const user = userId ? await em.findOne(User, { id: userId }) : null;
  return user ? user.name : 'a member';
}

async function findEndpoint(ctx: Context, em: EntityManager, globalId: string, field = 'id'): Promise<WebhookEndpoint> {
  const id = expectGlobalId(globalId, 'WebhookEndpoint', field);
  const endpoint = await em.findOne(WebhookEndpoint, { id }, scopeOptions(ctx));
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

/** Registers an endpoint for the caller's tenant; the secret is in the answer and nowhere else. Audited. */
export async function createEndpoint(ctx: Context, input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const { tenantId, userId } = requireTenant(ctx);
  const events = acceptableEvents(input.events, 'events');
  const url = await acceptableUrl(ctx, input.url, 'url');
  return ctx.em.transactional(async (em) => {
    if ((await em.count(WebhookEndpoint, { tenant: tenantId })) >= MAX_ENDPOINTS_PER_TENANT) {
      const message = `A tenant can have at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints; delete one first.`;
      throw badInput(message, [{ field: 'url', message }]);
    }
    const secret = newWebhookSecret();
    const endpoint = em.create(WebhookEndpoint, {
      tenant: em.getReference(Tenant, tenantId),
      url,
      events,
      description: cleanDescription(input.description),
      secretSealed: sealWebhookSecret(ctx.app.config, secret),
      createdBy: em.getReference(User, userId, { wrapped: true }),
    });
    em.persist(endpoint);
    recordAudit(ctx, em, {
      action: 'webhook.endpoint.created',
      tenantId,
      target: { type: 'WebhookEndpoint', id: endpoint.id },
      diff: { after: { url, events, description: endpoint.description ?? null } },
    });
    return { endpoint, secret };
  });
}

/**
 * Changes an endpoint. Members change anything; staff (platform:integration:manage) may only
 * disable one. Turning it off fails its waiting deliveries; turning it on clears its failure
 * count. Audited (a disabling as webhook.endpoint.disabled).
 */
export async function updateEndpoint(ctx: Context, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
  const platform = isPlatformScope(ctx);
  if (platform && (input.enabled !== false || input.url != null || input.events != null || input.description !== undefined)) {
    throw forbidden('Staff may only disable a webhook endpoint (enabled: false).', ErrorReason.MISSING_PERMISSION);
  }
  const events = input.events != null ? acceptableEvents(input.events, 'events') : undefined;
  const url = input.url != null ? await acceptableUrl(ctx, input.url, 'url') : undefined;
  return ctx.em.transactional(async (em) => {
    const endpoint = await findEndpoint(ctx, em, input.id);
    const now = new Date();
    const before = { url: endpoint.url, events: endpoint.events, description: endpoint.description ?? null, enabled: endpoint.enabled };
    const after = {
      url,
      events,
      description: input.description === undefined ? undefined : cleanDescription(input.description),
      enabled: input.enabled ?? undefined,
    };
    const diff = diffOf(before, after);
    if (!diff) return endpoint;
    if (url !== undefined) endpoint.url = url;
    if (events !== undefined) endpoint.events = events;
    if (after.description !== undefined) endpoint.description = after.description;
    let failed = 0;
    if (after.enabled === false && endpoint.enabled) {
      failed = await disableEndpoint(em, endpoint, `Disabled by ${await actorLabel(ctx, em)}.`, now);
    } else if (after.enabled === true && !endpoint.enabled) {
      if (url === undefined) await acceptableUrl(ctx, endpoint.url, 'enabled');
      endpoint.enabled = true;
      endpoint.disabledReason = null;
      endpoint.disabledAt = null;
      endpoint.consecutiveFailures = 0;
      endpoint.failingSince = null;
    }
    const onlyDisabled = Object.keys(diff.after).length === 1 && after.enabled === false;
    recordAudit(ctx, em, {
      action: onlyDisabled ? 'webhook.endpoint.disabled' : 'webhook.endpoint.updated',
      tenantId: endpoint.tenant.id,
      target: { type: 'WebhookEndpoint', id: endpoint.id },
      diff: { ...diff, ...(failed ? { pendingDeliveriesFailed: failed } : {}), ...(platform ? { viaPlatform: true } : {}) },
    });
    return endpoint;
  });
}

/** Deletes an endpoint and its delivery log. Audited. */
export async function deleteEndpoint(ctx: Context, globalId: string): Promise<boolean> {
  requireTenant(ctx);
  return ctx.em.transactional(async (em) => {
    const endpoint = await findEndpoint(ctx, em, globalId);
    recordAudit(ctx, em, {
      action: 'webhook.endpoint.deleted',
      tenantId: endpoint.tenant.id,
      target: { type: 'WebhookEndpoint', id: endpoint.id },
      diff: { before: { url: endpoint.url, events: endpoint.events } },
    });
    em.remove(endpoint);
    return true;
  });
}

/**
 * A new signing secret; the old one keeps signing beside it for 24 hours (deliveries carry both
 * signatures), so receivers can switch without missing one. Audited (never the secrets).
 */
export async function rotateSecret(ctx: Context, globalId: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  requireTenant(ctx);
  return ctx.em.transactional(async (em) => {
    const endpoint = await findEndpoint(ctx, em, globalId);
    const now = new Date();
    const secret = newWebhookSecret();
    endpoint.previousSecretSealed = endpoint.secretSealed;
    endpoint.previousSecretExpiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    endpoint.secretSealed = sealWebhookSecret(ctx.app.config, secret);
    endpoint.secretRotatedAt = now;
    recordAudit(ctx, em, {
      action: 'webhook.secret.rotated',
      tenantId: endpoint.tenant.id,
      target: { type: 'WebhookEndpoint', id: endpoint.id },
      diff: { after: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt.toISOString() } },
    });
    return { endpoint, secret };
  });
}

/** Sends a delivery's event to its endpoint again, as a new delivery with the same webhook-id. Audited. */
export async function redeliver(ctx: Context, globalId: string): Promise<WebhookDelivery> {
  requireTenant(ctx);
  const id = expectGlobalId(globalId, 'WebhookDelivery', 'deliveryId');
  return ctx.em.transactional(async (em) => {
    const original = await em.findOne(WebhookDelivery, { id });
    if (!original) throw notFound('Webhook delivery');
    const event = await em.findOneOrFail(WebhookEvent, { id: original.event.id });
    const delivery = stageDelivery(em, event, original.endpoint.id, WebhookDeliveryTrigger.REDELIVERY);
    recordAudit(ctx, em, {
      action: 'webhook.delivery.redelivered',
      tenantId: original.tenant.id,
      target: { type: 'WebhookDelivery', id: delivery.id },
      diff: { after: { of: toGlobalId('WebhookDelivery', original.id), eventType: original.eventType } },
    });
    return delivery;
  });
}

/** Sends a `webhook.test` event to one endpoint (enabled or not). Audited. */
export async function sendTest(ctx: Context, globalId: string): Promise<WebhookDelivery> {
  const { tenantId } = requireTenant(ctx);
  return ctx.em.transactional(async (em) => {
    const endpoint = await findEndpoint(ctx, em, globalId);
    const event = stageEvent(em, tenantId, TEST_EVENT_TYPE, {
      endpoint: { id: toGlobalId('WebhookEndpoint', endpoint.id), url: endpoint.url },
      message: 'A test event from Atrium: verify its signature, answer 2xx, and you are ready.',
    });
    const delivery = stageDelivery(em, event, endpoint.id, WebhookDeliveryTrigger.TEST);
    recordAudit(ctx, em, { action: 'webhook.test_sent', tenantId, target: { type: 'WebhookEndpoint', id: endpoint.id } });
    return delivery;
  });
}

/** The tenant's endpoints, newest first; staff every tenant's (audited). */
export async function listEndpoints(ctx: Context, args: WebhookEndpointsArgs): Promise<ConnectionShape<WebhookEndpoint>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  // Inside a tenant the filter still applies: another tenant's id matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.enabled !== undefined && f.enabled !== null) where.enabled = f.enabled;
  await auditPlatformAccess(ctx, 'webhookEndpoints', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({ em: ctx.em, entity: WebhookEndpoint, where, args, sort: webhookEndpointList.sortOf(args), options: scopeOptions(ctx) });
}

/** The delivery log, newest first, filtered; staff every tenant's (audited). */
export async function listDeliveries(ctx: Context, args: WebhookDeliveriesArgs): Promise<ConnectionShape<WebhookDelivery>> {
  const f = args.filter;
  const where: Record<string, unknown> = {};
  // Inside a tenant the filter still applies: another tenant's id matches nothing.
  if (f?.tenantId) where.tenant = expectGlobalId(f.tenantId, 'Tenant', 'filter.tenantId');
  if (f?.endpointId) where.endpoint = expectGlobalId(f.endpointId, 'WebhookEndpoint', 'filter.endpointId');
  if (f?.status) where.status = f.status;
  if (f?.eventType) where.eventType = f.eventType;
  await auditPlatformAccess(ctx, 'webhookDeliveries', { filter: f ?? null }, (where.tenant as string | undefined) ?? null);
  return paginate({ em: ctx.em, entity: WebhookDelivery, where, args, sort: webhookDeliveryList.sortOf(args), options: scopeOptions(ctx) });
}
