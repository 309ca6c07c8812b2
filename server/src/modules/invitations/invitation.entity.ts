import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { Role } from '../tenancy/role.entity';
import { User } from '../users/user.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Mailed, not yet accepted, revoked or expired.' },
    ACCEPTED: { description: 'The invitee joined the tenant.' },
    REVOKED: { description: 'Withdrawn by a member who manages members.' },
    EXPIRED: { description: 'Not accepted within 7 days; it can be resent.' },
  },
});

/**
 * An invitation to join one tenant with one role. The mailed token is random and single-use;
 * only its SHA-256 is stored. Status is derived from the timestamps.
 */
@ObjectType({ implements: Node, description: 'An invitation, mailed to an address, to join a tenant with a role.' })
@Entity({ tableName: 'invitations' })
@Index({ properties: ['tenant', 'email'] })
export class Invitation extends TenantOwnedEntity {
  @Field({ description: 'The address the invitation was mailed to (lower case).' })
  @Property({ length: 320 })
  email!: string;

  /** The name the inviter gave for a new person (pre-fills the acceptance form). */
  @Property({ length: 200, nullable: true })
  name?: string;

  @ManyToOne(() => Role, { ref: true, deleteRule: 'cascade' })
  role!: Ref<Role>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy?: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  acceptedBy?: Ref<User>;

  @Unique()
  @Property({ length: 64, hidden: true })
  tokenHash!: string;

  @Field({ description: 'After this the link no longer works (7 days after it was last sent).' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the invitee joined.' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}

/** The status of an invitation at `now`. */
export function invitationStatus(inv: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (inv.acceptedAt) return InvitationStatus.ACCEPTED;
  if (inv.revokedAt) return InvitationStatus.REVOKED;
  return inv.expiresAt <= now ? InvitationStatus.EXPIRED : InvitationStatus.PENDING;
}

/** ORM condition for invitations in `status` at `now`. */
export function whereStatus(status: InvitationStatus, now = new Date()): Record<string, unknown> {
  switch (status) {
    case InvitationStatus.ACCEPTED:
      return { acceptedAt: { $ne: null } };
    case InvitationStatus.REVOKED:
      return { acceptedAt: null, revokedAt: { $ne: null } };
    case InvitationStatus.EXPIRED:
      return { acceptedAt: null, revokedAt: null, expiresAt: { $lte: now } };
    case InvitationStatus.PENDING:
      return { acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } };
  }
}
