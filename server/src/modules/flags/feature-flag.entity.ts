import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';

@ObjectType({ implements: Node, description: 'A feature flag with a global default; tenants may override it.' })
@Entity({ tableName: 'feature_flags' })
export class FeatureFlag extends BaseEntity {
  @Field({ description: 'Unique key of the flag, as clients check it.' })
  @Unique()
  @Property({ length: 100 })
  key!: string;

  @Field({ description: 'What the flag controls.' })
  @Property({ length: 500, default: '' })
  description: string = '';

  @Field({ description: 'Whether the flag is on for tenants without an override.' })
  @Property({ default: false })
  defaultEnabled: boolean = false;
}
