import { Entity, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Ticket } from './ticket.entity';

/** How many files one ticket may carry; `Ticket.attachments` lists them all. */
export const MAX_ATTACHMENTS_PER_TICKET = 20;

/**
 * A file attached to a ticket (PDF, PNG or JPEG, recognised by content). The bytes live in the
 * attachment store under `storageKey` (`<tenant id>/<attachment id>`, never the uploaded name).
 * An internal attachment follows the internal-note rule: customers never see it.
 */
@ObjectType({ implements: Node, description: 'A file attached to a ticket: a screenshot, an invoice, a log as PDF.' })
@Entity({ tableName: 'ticket_attachments' })
@Index({ properties: ['ticket', 'createdAt', 'id'] })
export class TicketAttachment extends TenantOwnedEntity {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  uploadedBy!: Ref<User>;

  @Field({ description: 'The file name as uploaded (metadata only; files are stored by id).' })
  @Property({ length: 255 })
  filename!: string;

  @Field({ description: 'Detected from the file content: application/pdf, image/png or image/jpeg.' })
  @Property({ length: 100 })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, lowercase hex.' })
  @Property({ length: 64 })
  sha256!: string;

  @Property({ length: 255, hidden: true })
  storageKey!: string;

  @Field(() => Boolean, { description: "Internal: only the tenant's agents (ticket:assign) and Atrium staff see it; customers never do." })
  @Property({ default: false })
  internal: Opt<boolean> = false;

  @Field(() => Boolean, { description: 'Attached by Atrium support staff; customers see the uploader as "Atrium support".' })
  @Property({ default: false })
  fromSupport: Opt<boolean> = false;
}

@ObjectType({ description: 'How to attach a file to a ticket, and what the server accepts.' })
export class TicketAttachmentUpload {
  @Field({ description: 'POST a multipart/form-data body here, with a "file" field (and "internal": "true" for an internal file), and your bearer token.' })
  path!: string;

  @Field(() => Int, { description: 'The largest file accepted, in bytes; a larger one is refused with HTTP 413.' })
  maxBytes!: number;

  @Field(() => [String], { description: 'Content types accepted, detected from the file content (magic bytes), not from its name.' })
  contentTypes!: string[];

  @Field(() => Int, { description: 'How many files one ticket may hold; one more is refused with CONFLICT ATTACHMENT_LIMIT.' })
  maxFiles!: number;
}
