import { Entity, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity';

@ObjectType({ implements: Node, description: 'A customer organisation; every tenant-owned row belongs to one.' })
@Entity({ tableName: 'tenants' })
export class Tenant extends BaseEntity {
  @Field({ description: 'Unique URL-safe short name of the tenant, used to sign in to it.' })
  @Unique()
  @Property({ length: 63 })
  slug!: string;

  @Field({ description: 'Display name of the tenant.' })
  @Property({ length: 200 })
  name!: string;

  /** Last ticket number handed out; bumped under a row lock so numbers have no gaps. */
  @Property({ default: 0 })
  ticketSeq: Opt<number> = 0;

  @Field(() => Boolean, { description: 'Members must sign in with two-factor authentication; those without it are asked to enrol before anything else.' })
  @Property({ default: false })
  requireTwoFactor: Opt<boolean> = false;
}
