import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { StaffRole } from '../../permissions/staff-role';

export { StaffRole };

@ObjectType({ description: 'A person with an account; may belong to several tenants.', implements: Node })
@Entity({ tableName: 'users' })
export class User extends BaseEntity {
  @Field({ description: 'Email address the user signs in with.' })
  @Unique()
  @Property({ length: 320 })
  email!: string;

  @Field({ description: 'Display name of the user.' })
  @Property({ length: 200 })
  name!: string;

  @Property({ length: 255, hidden: true })
  passwordHash!: string;

  @Field(() => StaffRole, { description: 'Platform staff role; null for customers.', nullable: true })
  @Enum({ items: () => StaffRole, nullable: true })
  staffRole?: StaffRole;

  /** Set while the account is deactivated by platform staff: no sign-in, no refresh, no request. */
  @Field(() => Date, { name: 'deactivatedAt', nullable: true, description: 'When platform staff deactivated the account; null while it is active.' })
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date;

  /** The confirmed TOTP secret, encrypted (modules/auth/totp.ts); null while two-factor sign-in is off. */
  @Property({ length: 255, nullable: true, hidden: true })
  totpSecret?: string;

  /** A secret from beginTotpEnrollment not yet confirmed with a code, encrypted. */
  @Property({ length: 255, nullable: true, hidden: true })
  totpPendingSecret?: string;

  /** When two-factor sign-in was turned on; null while it is off. */
  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  totpEnabledAt?: Date;

  /** The last TOTP time step accepted: a code is good once, and never one of an earlier step. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastStep?: number;
}
