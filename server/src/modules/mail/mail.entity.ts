import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import type { MailTemplate, MailTransportKind } from './mail.types';

export enum MailStatus {
  /** Waiting to be sent: due at nextAttemptAt. */
  PENDING = 'PENDING',
  /** Claimed by a worker until leaseUntil; an expired lease is claimed again. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Out of attempts, or refused for good by the SMTP server (lastError says why). */
  FAILED = 'FAILED',
}

/**
 * One outgoing mail, rendered when it was enqueued (mail.outbox.ts) and written in the same
 * transaction as the change that caused it, so it exists only if that change committed. The
 * worker (mail.worker.ts) claims due rows with FOR UPDATE SKIP LOCKED under a lease, sends, and
 * marks them SENT, conditional on still holding the lease. A mail sent over SMTP keeps its
 * subject but not its body once SENT: the body carries one-time links (invitation and reset
 * tokens) that the database otherwise keeps only hashed. Local mail (no SMTP_URL) keeps its
 * body for the development mailbox. Not part of the GraphQL schema.
 */
@Entity({ tableName: 'mail_outbox' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['status', 'leaseUntil'] })
export class OutboxMail extends BaseEntity {
  /** The recipient's address (column "to": quote it in raw SQL, it is a keyword). */
  @Property({ length: 320 })
  to!: string;

  @Property({ type: 'string', length: 40 })
  template!: MailTemplate;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  /** The tenant the mail is about (an invitation's), null for mail to a person (password, two-factor). */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  tenant?: Ref<Tenant>;

  @Enum({ items: () => MailStatus, default: MailStatus.PENDING })
  status: Opt<MailStatus> = MailStatus.PENDING;

  /** Attempts started so far (a claim counts one). */
  @Property({ type: 'smallint', default: 0 })
  attempts: Opt<number> = 0;

  /** While PENDING: not before this time (retries back off). */
  @Property({ type: 'timestamptz', length: 3 })
  nextAttemptAt: Opt<Date> = new Date();

  /** While SENDING: the claim's lease; past it, another worker may claim the mail again. */
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  leaseUntil?: Date;

  /** While SENDING: the claim's token; marking the mail checks it, so a lost lease writes nothing. */
  @Property({ type: 'uuid', nullable: true })
  lockedBy?: string;

  /** Why the last attempt failed: the SMTP code and reply, never credentials or the body. */
  @Property({ length: 500, nullable: true })
  lastError?: string;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  sentAt?: Date;

  /** How it was sent: over SMTP, or kept in the local development mailbox. */
  @Property({ type: 'string', length: 8, nullable: true })
  transport?: MailTransportKind;

  /** The Message-ID it was sent with (the same on every attempt). */
  @Property({ length: 998, nullable: true })
  messageId?: string;
}
