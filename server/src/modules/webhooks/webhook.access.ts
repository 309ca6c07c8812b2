import { defineAccess } from '../../permissions/access';
import type { WebhookDelivery, WebhookEndpoint } from './webhook.entity';

/** Webhook endpoints: members with webhook:manage see their tenant's; staff with platform:integration:read see every tenant's. */
export const webhookEndpointAccess = defineAccess<WebhookEndpoint>({ type: 'WebhookEndpoint', tenant: 'webhook:manage', platform: 'platform:integration:read' });

/** The delivery log: as its endpoints. */
export const webhookDeliveryAccess = defineAccess<WebhookDelivery>({ type: 'WebhookDelivery', tenant: 'webhook:manage', platform: 'platform:integration:read' });
