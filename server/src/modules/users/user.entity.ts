import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';

export enum StaffRole {
  SUPPORT = 'SUPPORT',
  COMPLIANCE = 'COMPLIANCE',
  SUPERADMIN = 'SUPERADMIN',
}
registerEnumType(StaffRole, { name: 'StaffRole', description: 'Platform staff roles; staff act across tenants.' });

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
