import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.entity';
import { WEBHOOK_EVENT_TYPES } from './webhook.events';

@InputType({ description: 'A new webhook endpoint of your tenant.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'Where to POST events: https (http allowed outside production); in production not a private, loopback or link-local address.' })
  @Length(1, 2048)
  url!: string;

  @Field(() => [String], { description: `The event types to receive, at least one: ${WEBHOOK_EVENT_TYPES.join(', ')}.` })
  @ArrayMinSize(1, { message: 'Choose at least one event type.' })
  @ArrayMaxSize(50)
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What it is for, for people (up to 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook endpoint; fields left out stay as they are. Staff may only send enabled: false.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new URL (checked as on creation).' })
  @IsOptional()
  @Length(1, 2048)
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'The new set of event types (at least one).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one event type.' })
  @ArrayMaxSize(50)
  events?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new description; an empty string clears it.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false turns it off (its waiting deliveries fail); true turns it on again and clears its failure count.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@ObjectType({ description: 'An endpoint with its signing secret, shown this once (at creation or rotation).' })
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field({ description: 'The signing secret (whsec_...), for Standard Webhooks verification. Atrium never shows it again.' })
  secret!: string;
}

@ObjectType({ description: 'One attempt of a webhook delivery, as logged.' })
export class WebhookDeliveryAttempt {
  @Field(() => Int, { description: '1 for the first attempt, then 2, 3 ...' })
  attempt!: number;

  @Field({ description: 'When the attempt was recorded.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered; null when it did not answer.' })
  responseStatus!: number | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'The start of the answer body (at most 1 KB); never headers.' })
  responseExcerpt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when it succeeded.' })
  error!: string | null;

  @Field({ description: 'True when the endpoint answered 2xx.' })
  succeeded!: boolean;
}

@InputType({ description: 'Narrows the webhook delivery log.' })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: 'One endpoint only.' })
  @IsOptional()
  endpointId?: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status (staff: FAILED lists failures across tenants).' })
  @IsOptional()
  status?: WebhookDeliveryStatus;

  @Field(() => String, { nullable: true, description: 'Only this event type, e.g. ticket.created.' })
  @IsOptional()
  @Length(1, 64)
  eventType?: string;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  @IsOptional()
  tenantId?: string;
}

/** Newest first. */
@InputType({ description: 'Narrows the webhook endpoints listed.' })
export class WebhookEndpointFilter {
  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  @IsOptional()
  tenantId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only enabled (true) or only disabled (false) endpoints.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export const webhookEndpointList = defineList<WebhookEndpoint>()({
  filter: WebhookEndpointFilter,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const WebhookEndpointsArgs = webhookEndpointList.Args;
export type WebhookEndpointsArgs = ArgsOf<typeof webhookEndpointList>;

/** Newest first. */
export const webhookDeliveryList = defineList<WebhookDelivery>()({
  filter: WebhookDeliveryFilter,
  sort: { field: 'createdAt', kind: 'date', direction: SortDirection.DESC },
});
export const WebhookDeliveriesArgs = webhookDeliveryList.Args;
export type WebhookDeliveriesArgs = ArgsOf<typeof webhookDeliveryList>;
