import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../users/user.entity';

/**
 * A password-reset link: random, single-use, valid for an hour. Only the token's SHA-256 is
 * stored; `usedAt` is claimed atomically, so a link works once.
 */
@Entity({ tableName: 'password_resets' })
@Index({ properties: ['user', 'createdAt'] })
export class PasswordReset extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;

  /** The address the request came from, for the audit trail. */
  @Property({ length: 64, nullable: true })
  requestedIp?: string;
}
