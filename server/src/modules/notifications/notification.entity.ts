import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

export enum NotificationKind {
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  TICKET_REPLY = 'TICKET_REPLY',
  RUN_FAILED = 'RUN_FAILED',
  KYC_INFORMATION_REQUESTED = 'KYC_INFORMATION_REQUESTED',
  KYC_DECIDED = 'KYC_DECIDED',
  INCIDENT_CHANGED = 'INCIDENT_CHANGED',
  INVITATION_ACCEPTED = 'INVITATION_ACCEPTED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about; preferences are set per kind.',
  valuesConfig: {
    TICKET_ASSIGNED: { description: 'Someone else assigned a ticket to you.' },
    TICKET_REPLY: { description: 'A reply on a ticket you raised, are assigned or commented on.' },
    RUN_FAILED: { description: 'An automation run you started failed.' },
    KYC_INFORMATION_REQUESTED: { description: 'Compliance asked for more information on a KYC case you filed.' },
    KYC_DECIDED: { description: 'A KYC case you filed was approved or rejected.' },
    INCIDENT_CHANGED: { description: 'An incident affecting your organisation was opened or changed state (owners, admins and agents: members who hold incident:read and event:read).' },
    INVITATION_ACCEPTED: { description: 'Someone you invited joined.' },
  },
});

/**
 * One notification for one recipient. Rows are the recipient's own: every read states the
 * recipient (and the tenant the caller acts in, or none for staff), never another's. A row whose
 * recipient turned the kind's in-app channel off exists only to be mailed (`inApp` false: never
 * listed or counted). `emailPending` rows are collected by the digest job
 * (notification.mailer.ts), at most one mail per recipient per NOTIFICATION_MAIL_WINDOW_SECONDS.
 */
@ObjectType({ implements: Node, description: 'Something that happened that concerns you: a reply, an assignment, a failed run, a KYC decision, an incident.' })
@Entity({ tableName: 'notifications' })
@Index({ properties: ['recipient', 'tenant', 'createdAt', 'id'] })
@Index({ properties: ['emailPending', 'createdAt'] })
export class Notification extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<User>;

  /** The tenant it is about; null for platform staff's own (back-office) notifications. */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  tenant?: Ref<Tenant> | null;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Field({ description: 'One line: what happened.' })
  @Property({ length: 200 })
  title!: string;

  @Field({ description: 'A short excerpt or detail; may be empty.' })
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'Where to look: a portal path (e.g. /tickets/…) for customers, an /admin/ path for staff.' })
  @Property({ length: 500 })
  url!: string;

  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  runId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  kycCaseId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  incidentId?: string | null;

  /** Shown in the inbox; false when the recipient wants this kind by mail only. */
  @Property({ default: true })
  inApp: Opt<boolean> = true;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  readAt?: Date | null;

  /** Waiting for the next digest mail. */
  @Property({ default: false })
  emailPending: Opt<boolean> = false;

  /** When the digest that carried it was enqueued. */
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  emailedAt?: Date | null;
}

/**
 * A person's choice for one kind; no row means the kind's defaults (DEFAULT_PREFERENCES).
 * Not a GraphQL type itself: `NotificationPreference` is answered for every kind.
 */
@Entity({ tableName: 'notification_preferences' })
@Unique({ properties: ['user', 'kind'] })
export class NotificationSetting extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Property()
  inApp!: boolean;

  @Property()
  email!: boolean;
}

/** Without a choice of their own: everything in the app; mail for what usually needs you to act. */
export const DEFAULT_PREFERENCES: Readonly<Record<NotificationKind, { inApp: boolean; email: boolean }>> = {
  [NotificationKind.TICKET_ASSIGNED]: { inApp: true, email: true },
  [NotificationKind.TICKET_REPLY]: { inApp: true, email: true },
  [NotificationKind.RUN_FAILED]: { inApp: true, email: false },
  [NotificationKind.KYC_INFORMATION_REQUESTED]: { inApp: true, email: true },
  [NotificationKind.KYC_DECIDED]: { inApp: true, email: true },
  [NotificationKind.INCIDENT_CHANGED]: { inApp: true, email: false },
  [NotificationKind.INVITATION_ACCEPTED]: { inApp: true, email: false },
};

@ObjectType({ description: 'How you want to hear about one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKind, { description: 'The kind this applies to.' })
  kind!: NotificationKind;

  @Field({ description: 'Show it in the inbox (bell).' })
  inApp!: boolean;

  @Field({ description: 'Send it by mail, batched: at most one mail per recipient per window (a minute by default).' })
  email!: boolean;
}
