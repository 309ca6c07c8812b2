import { Entity, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

@ObjectType({ implements: Node, description: 'A named set of permissions within one tenant.' })
@Entity({ tableName: 'roles' })
@Unique({ properties: ['tenant', 'name'] })
export class Role extends TenantOwnedEntity {
  @Field({ description: 'Name of the role, unique within the tenant.' })
  @Property({ length: 64 })
  name!: string;

  @Field({ description: 'What the role is for; null when not given.', nullable: true })
  @Property({ length: 500, nullable: true })
  description?: string;

  @Field(() => [String], { description: 'Permission keys the role grants.' })
  @Property({ type: 'text[]' })
  permissions: string[] = [];

  @Field(() => Boolean, { description: 'System roles (owner, admin, agent, member, viewer) cannot be renamed or deleted.' })
  @Property({ default: false })
  system: Opt<boolean> = false;
}
