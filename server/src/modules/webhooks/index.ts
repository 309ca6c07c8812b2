import { defineModule, nodeType } from '../../common/module';
import { webhookDeliveryAccess, webhookEndpointAccess } from './webhook.access';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhook.entity';
import { createWebhookLoaders } from './webhook.loaders';
import { webhookPermissions } from './webhook.permissions';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './webhook.resolver';

/**
 * Outbound webhooks: endpoints, the event outbox (emitWebhookEvent in webhook.emit.ts, called by
 * other modules inside their transactions), the delivery log, and the worker that signs and sends
 * (webhook.worker.ts, owned by the app: see app.ts).
 */
export const webhooksModule = defineModule({
  name: 'webhooks',
  entities: [WebhookEndpoint, WebhookEvent, WebhookDelivery],
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver],
  permissions: webhookPermissions,
  loaders: createWebhookLoaders,
  nodeTypes: {
    WebhookEndpoint: nodeType(WebhookEndpoint, webhookEndpointAccess),
    WebhookDelivery: nodeType(WebhookDelivery, webhookDeliveryAccess),
  },
});
