import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../users/user.entity';

/**
 * A two-factor recovery code, stored only as its SHA-256 (the codes are random, 80 bits). Each
 * works once, in place of a TOTP code; confirming a new enrolment replaces the whole set.
 */
@Entity({ tableName: 'recovery_codes' })
export class RecoveryCode extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Property({ length: 64 })
  codeHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;
}
