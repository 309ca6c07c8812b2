import { byIdLoader } from '../../common/batch-loaders';
import type { Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { WebhookEndpoint } from './webhook.entity';

export function createWebhookLoaders(ctx: Omit<Context, 'loaders'>) {
  return {
    /** A delivery's endpoint: the tenant filter stays on inside a tenant; staff read every tenant's. */
    endpointById: byIdLoader(ctx.em, WebhookEndpoint, scopeOptions(ctx)),
  };
}

declare module '../../context/context' {
  interface Loaders {
    webhooks: ReturnType<typeof createWebhookLoaders>;
  }
}
