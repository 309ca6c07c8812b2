import { IsEnum, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SortDirection } from '../../common/pagination/connection';
import { type ArgsOf, defineList } from '../../common/pagination/define-list';
import { type InboundMessage, MessageChannel, MessageStatus } from './message.entity';
import { VisibleLength } from '../../common/visible-length';

/**
 * One inbound message, as GraphQL's ingestMessage and POST /api/messages take it. Routing: a
 * payload { "action": "run", "tool": "<key>", "input": {...}, "ticketId"?: "<id>" } starts a
 * run; { "action": "ignore" } or { "autoReply": true } is stored and ignored; anything else
 * opens a ticket (subject from `subject`, text from payload.text or payload.body).
 */
@InputType({ description: 'An inbound message to record for the current tenant.' })
export class IngestMessageInput {
  @Field(() => MessageChannel, { description: 'Channel the message arrived through.' })
  @IsEnum(MessageChannel, { message: 'channel must be EMAIL, WEBHOOK or API.' })
  channel!: MessageChannel;

  @Field({ description: 'Who sent the message (email address, system name, ...).' })
  @IsString({ message: 'sender must be a string.' })
  @VisibleLength(1, 320, { message: 'sender must have 1 to 320 characters.' })
  sender!: string;

  @Field(() => String, { description: 'Subject line; optional.', nullable: true })
  @IsOptional()
  @IsString({ message: 'subject must be a string.' })
  @Length(0, 300, { message: 'subject has at most 300 characters.' })
  subject?: string | null;

  @Field(() => GraphQLJSON, { description: 'The message content as a JSON object (at most 64 KB).' })
  @IsObject({ message: 'payload must be a JSON object.' })
  payload!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "The sender's id for this message, for safe retries." })
  @IsOptional()
  @IsString({ message: 'externalId must be a string.' })
  @Length(1, 200, { message: 'externalId must have 1 to 200 characters.' })
  @Matches(/^[\x21-\x7e]+$/, { message: 'externalId is printable ASCII without spaces.' })
  externalId?: string | null;
}

@InputType({ description: 'Narrows a list of inbound messages.' })
export class MessageFilter {
  @Field(() => [MessageStatus], { description: 'Only messages in one of these statuses.', nullable: true })
  status?: MessageStatus[];

  @Field(() => [MessageChannel], { description: 'Only messages from one of these channels.', nullable: true })
  channel?: MessageChannel[];

  @Field({ description: 'Only messages with this correlation id.', nullable: true })
  @IsOptional()
  @Length(1, 128)
  correlationId?: string;

  @Field({ description: 'Only messages from this sender.', nullable: true })
  @IsOptional()
  @Length(1, 320)
  sender?: string;

  @Field({ nullable: true, description: 'Received at or after.' })
  from?: Date;

  @Field({ nullable: true, description: 'Received at or before.' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Platform staff only: one tenant.' })
  tenantId?: string;
}

export const messageList = defineList<InboundMessage>()({
  filter: MessageFilter,
  validateFilter: false,
  orderBy: {
    input: 'MessageOrder',
    fields: { receivedAt: 'date' },
    default: { field: 'receivedAt', direction: SortDirection.DESC },
  },
});
export const MessagesArgs = messageList.Args;
export type MessagesArgs = ArgsOf<typeof messageList>;
