import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { Tool } from '../tools/tool.entity';
import { User } from '../users/user.entity';

/**
 * What a tenant may use: a feature or tool key, where the right comes from, its limits and its
 * validity window. A tool grant points at the tool and carries its key as `feature`. Revoking
 * keeps the row (revokedAt) so the history of a tenant's rights stays readable.
 */
@ObjectType({ description: 'A tenant\'s right to use a feature or tool under a plan, for a period, with limits.', implements: Node })
@Entity({ tableName: 'entitlements' })
@Index({ properties: ['tenant', 'feature'] })
@Index({ properties: ['tenant', 'tool'] })
export class Entitlement extends TenantOwnedEntity {
  @Field({ description: 'The feature or tool key this grants.' })
  @Property({ length: 100 })
  feature!: string;

  /** Set for tool grants; null for feature grants. */
  @ManyToOne(() => Tool, { ref: true, nullable: true, deleteRule: 'restrict' })
  tool?: Ref<Tool>;

  @Field({ description: 'Plan or source of the grant, e.g. "pro", "trial", "manual".' })
  @Property({ length: 64 })
  plan!: string;

  @Field(() => GraphQLJSON, { description: 'Limits, e.g. { "runsPerMonth": 500 }.' })
  @Property({ type: 'jsonb', default: '{}' })
  limits: Record<string, number> = {};

  @Field({ description: 'When the entitlement starts to apply.' })
  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Field({ description: 'When the entitlement stops applying; null for no end.', nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  validUntil?: Date;

  @Field({ nullable: true, description: 'When staff revoked it; a revoked entitlement grants nothing.' })
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  revokedAt?: Date;

  @Field({ description: 'Why the entitlement was revoked; null when not revoked or no reason given.', nullable: true })
  @Property({ length: 500, nullable: true })
  revokeReason?: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  grantedBy?: Ref<User>;

  /** Active at `now`: inside its window and not revoked. */
  isActiveAt(now: Date): boolean {
    return !this.revokedAt && this.validFrom.getTime() <= now.getTime() && (!this.validUntil || this.validUntil.getTime() > now.getTime());
  }

  @Field(() => Boolean, { name: 'active', description: 'Inside its validity window and not revoked, right now.' })
  activeNow(): boolean {
    return this.isActiveAt(new Date());
  }
}
