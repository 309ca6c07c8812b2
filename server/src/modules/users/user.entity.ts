import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';
import { StaffRole } from '../../permissions/staff-role';

export { StaffRole };

@ObjectType({ implements: Node })
@Entity({ tableName: 'users' })
export class User extends BaseEntity {
  @Field()
  @Unique()
  @Property({ length: 320 })
  email!: string;

  @Field()
  @Property({ length: 200 })
  name!: string;

  @Property({ length: 255, hidden: true })
  passwordHash!: string;

  @Field(() => StaffRole, { nullable: true })
  @Enum({ items: () => StaffRole, nullable: true })
  staffRole?: StaffRole;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date;
}
