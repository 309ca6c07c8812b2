import { Entity, ManyToOne, type Ref, Unique } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Role } from './role.entity';

@ObjectType({ implements: Node, description: "A user's membership of one tenant, with one role." })
@Entity({ tableName: 'memberships' })
@Unique({ properties: ['tenant', 'user'] })
export class Membership extends TenantOwnedEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @ManyToOne(() => Role, { ref: true, deleteRule: 'restrict' })
  role!: Ref<Role>;
}
