import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { Session } from './session.entity';

/**
 * A refresh token, stored only as its SHA-256. Every refresh marks the presented token used
 * and issues a new one; presenting a used token again is reuse and revokes the session.
 */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshToken extends BaseEntity {
  @ManyToOne(() => Session, { ref: true, deleteRule: 'cascade', index: true })
  session!: Ref<Session>;

  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;
}
