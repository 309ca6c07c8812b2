import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, readable } from '../../permissions/rules';
import { webhookDeliveryAccess, webhookEndpointAccess } from './webhook.access';

export const webhookPermissions: ModulePermissions = {
  Query: {
    webhookEndpoints: readable(webhookEndpointAccess),
    webhookDeliveries: readable(webhookDeliveryAccess),
    webhookEventTypes: canOrStaff('webhook:manage', 'platform:integration:read'),
  },
  Mutation: {
    createWebhookEndpoint: can('webhook:manage'),
    // Staff with platform:integration:manage may only disable (checked in the service).
    updateWebhookEndpoint: canOrStaff('webhook:manage', 'platform:integration:manage'),
    deleteWebhookEndpoint: can('webhook:manage'),
    rotateWebhookSecret: can('webhook:manage'),
    redeliverWebhook: can('webhook:manage'),
    sendTestWebhook: can('webhook:manage'),
  },
};
