import type { Loaded } from '../../common/batch-loaders';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, type ConnectionShape } from '../../common/pagination/connection';
import { listCost } from '../../common/query-limits';
import type { Context } from '../../context/context';
import { Tenant } from '../tenancy/tenant.entity';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { WEBHOOK_EVENT_TYPES } from './webhook.events';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryAttempt,
  WebhookEndpointsArgs,
} from './webhook.inputs';
import * as webhooks from './webhook.service';
import { webhookIdOf } from './webhook.worker';

const WebhookEndpointConnection = Connection(WebhookEndpoint);
const WebhookDeliveryConnection = Connection(WebhookDelivery);

/** The most attempts a delivery can log (the retry schedule allows at most 19 retries). */
const MAX_ATTEMPTS_LOGGED = 20;

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointConnection, { description: "Your tenant's webhook endpoints, newest first (staff with platform:integration:read: every tenant's, audited)." })
  webhookEndpoints(@Args() args: WebhookEndpointsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<WebhookEndpoint>> {
    return webhooks.listEndpoints(ctx, args);
  }

  @Query(() => [String], { description: 'The event types a webhook endpoint can subscribe to.' })
  webhookEventTypes(): string[] {
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Mutation(() => CreatedWebhookEndpoint, { description: 'Registers a webhook endpoint for your tenant; the answer holds its signing secret, shown this once. Audited.' })
  createWebhookEndpoint(@Arg('input', { description: 'URL, events and description of the new endpoint.' }) input: CreateWebhookEndpointInput, @Ctx() ctx: Context): Promise<CreatedWebhookEndpoint> {
    return webhooks.createEndpoint(ctx, input);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Changes a webhook endpoint (URL, events, description, enabled). Staff with platform:integration:manage may only disable one. Audited.' })
  updateWebhookEndpoint(@Arg('input', { description: 'The endpoint and the fields to change.' }) input: UpdateWebhookEndpointInput, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return webhooks.updateEndpoint(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a webhook endpoint and its delivery log. Audited.' })
  deleteWebhookEndpoint(@Arg('id', () => ID, { description: 'Global id of the webhook endpoint to delete.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return webhooks.deleteEndpoint(ctx, id);
  }

  @Mutation(() => CreatedWebhookEndpoint, { description: 'Gives an endpoint a new signing secret, shown this once; the old one keeps signing beside it for 24 hours. Audited.' })
  rotateWebhookSecret(@Arg('id', () => ID, { description: 'Global id of the endpoint whose signing secret to replace.' }) id: string, @Ctx() ctx: Context): Promise<CreatedWebhookEndpoint> {
    return webhooks.rotateSecret(ctx, id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a webhook test event (type webhook.test) to one endpoint, enabled or not. Audited.' })
  sendTestWebhook(@Arg('id', () => ID, { description: 'The endpoint.' }) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return webhooks.sendTest(ctx, id);
  }

  @FieldResolver(() => Tenant, { description: 'The tenant it belongs to.' })
  tenant(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(endpoint.tenant.id);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Query(() => WebhookDeliveryConnection, {
    description: "Your tenant's webhook delivery log, newest first, filtered (staff with platform:integration:read: every tenant's, e.g. status FAILED for failures across tenants; audited).",
  })
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<WebhookDelivery>> {
    return webhooks.listDeliveries(ctx, args);
  }

  @Mutation(() => WebhookDelivery, { description: "Sends a delivery's event to its endpoint again, as a new delivery with the same webhook-id. Audited." })
  redeliverWebhook(@Arg('deliveryId', () => ID, { description: 'Global id of the delivery to send again.' }) deliveryId: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return webhooks.redeliver(ctx, deliveryId);
  }

  @FieldResolver(() => String, { description: 'The event id, sent as the webhook-id header: the same on every attempt and redelivery (deduplicate on it).' })
  eventId(@Root() delivery: WebhookDelivery): string {
    return webhookIdOf(delivery.event.id);
  }

  @FieldResolver(() => WebhookEndpoint, { description: 'The endpoint it goes to.' })
  endpoint(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Loaded<WebhookEndpoint> {
    return ctx.loaders.webhooks.endpointById.get(delivery.endpoint.id);
  }

  @FieldResolver(() => Tenant, { description: 'The tenant it belongs to.' })
  tenant(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Loaded<Tenant> {
    return ctx.loaders.tenancy.tenantById.get(delivery.tenant.id);
  }

  @FieldResolver(() => Int, { description: 'Attempts it gets before it is FAILED (the first and one per retry).' })
  maxAttempts(@Ctx() ctx: Context): number {
    return ctx.app.config.webhooks.retryScheduleMs.length + 1;
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { complexity: listCost(MAX_ATTEMPTS_LOGGED), description: `Every attempt so far, oldest first (at most ${MAX_ATTEMPTS_LOGGED}).` })
  attempts(@Root() delivery: WebhookDelivery): WebhookDeliveryAttempt[] {
    return (delivery.attemptLog ?? []).map((a) => ({ ...a, at: new Date(a.at) }));
  }
}
