import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { FeatureFlag } from './feature-flag.entity';

@ObjectType({ implements: Node, description: "One tenant's override of a flag's global default." })
@Entity({ tableName: 'feature_flag_overrides' })
@Unique({ properties: ['tenant', 'flag'] })
export class FeatureFlagOverride extends TenantOwnedEntity {
  @ManyToOne(() => FeatureFlag, { ref: true, deleteRule: 'cascade' })
  flag!: Ref<FeatureFlag>;

  @Field({ description: 'Whether the flag is on for this tenant.' })
  @Property()
  enabled!: boolean;
}
