import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { enqueueMail } from '../mail/mail.outbox';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookDeliveryTrigger, type WebhookEndpoint } from './webhook.entity';

/** The permission whose holders manage (and are told about) a tenant's webhooks. */
export const WEBHOOK_MANAGE = 'webhook:manage';

/**
 * Turns an endpoint off (not flushed): it receives no more events, and its deliveries still
 * waiting for an attempt fail now, saying why (a redelivery can send them later). Test events
 * and redeliveries already asked for still go out.
 */
export async function disableEndpoint(em: EntityManager, endpoint: WebhookEndpoint, reason: string, now: Date): Promise<number> {
  endpoint.enabled = false;
  endpoint.disabledReason = reason;
  endpoint.disabledAt = now;
  return em.nativeUpdate(
    WebhookDelivery,
    { tenant: endpoint.tenant.id, endpoint: endpoint.id, status: { $in: [WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.RETRYING] }, trigger: WebhookDeliveryTrigger.EVENT },
    { status: WebhookDeliveryStatus.FAILED, error: 'The endpoint was disabled before this delivery went out.', nextAttemptAt: null, updatedAt: now },
    { filters: false },
  );
}

/** Mails every member of the endpoint's tenant who manages webhooks (owners and admins by default) that it was disabled. */
export async function mailEndpointDisabled(em: EntityManager, config: Config, endpoint: WebhookEndpoint, reason: string, now: Date): Promise<number> {
  const tenant = await em.findOneOrFail(Tenant, { id: endpoint.tenant.id });
  const members = await em.find(
    Membership,
    { tenant: tenant.id, role: { permissions: { $contains: [WEBHOOK_MANAGE] } }, user: { disabledAt: null } },
    { filters: false, populate: ['user'] },
  );
  for (const m of members) {
    const user = m.user.getEntity();
    enqueueMail(em, config, {
      template: 'webhook-disabled',
      to: user.email,
      data: { name: user.name, tenantName: tenant.name, url: endpoint.url, reason, at: now },
    });
  }
  return members.length;
}
