import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

/**
 * What a tenant may use: a feature or tool key, where the right comes from, its limits and its
 * validity window. The tools catalog and quota gates build on this (domain issue).
 */
@ObjectType({ implements: Node })
@Entity({ tableName: 'entitlements' })
@Index({ properties: ['tenant', 'feature'] })
export class Entitlement extends TenantOwnedEntity {
  @Field({ description: 'The feature or tool key this grants.' })
  @Property({ length: 100 })
  feature!: string;

  @Field({ description: 'Plan or source of the grant, e.g. "pro", "trial", "manual".' })
  @Property({ length: 64 })
  plan!: string;

  @Field(() => GraphQLJSON, { description: 'Limits, e.g. { "runsPerMonth": 500 }.' })
  @Property({ type: 'jsonb', default: '{}' })
  limits: Record<string, number> = {};

  @Field()
  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  validUntil?: Date;
}
