import { Entity, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

/** One signed-in device. Refresh tokens rotate inside it; revoking it ends all of them. */
@ObjectType({ implements: Node, description: 'A signed-in session (one device or client).' })
@Entity({ tableName: 'sessions' })
@Index({ properties: ['user', 'createdAt'] })
export class Session extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The tenant the session currently acts in; null for staff sessions outside any tenant. */
  @ManyToOne(() => Tenant, { ref: true, nullable: true, deleteRule: 'set null' })
  tenant?: Ref<Tenant>;

  @Field({ description: 'Browser or client user agent; null when unknown.', nullable: true })
  @Property({ length: 500, nullable: true })
  userAgent?: string;

  @Field({ description: 'IP address the session was last used from; null when unknown.', nullable: true })
  @Property({ length: 64, nullable: true })
  ip?: string;

  @Field(() => Date, { description: 'When the session was last used.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastUsedAt: Opt<Date> = new Date();

  @Field({ description: 'When the session expires unless refreshed.' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field({ description: 'When the session was revoked; null while active.', nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /**
   * Bumped when the session changes tenant; access tokens carry it (`gen`), so tokens issued
   * before a switch stop working even if the session later switches back.
   */
  @Property({ type: 'integer', default: 0 })
  generation: Opt<number> = 0;

  @Field({ description: 'Why the session was revoked; null while active.', nullable: true })
  @Property({ length: 64, nullable: true })
  revokedReason?: string;
}
