import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';
import { uuidv7 } from './uuid';

/** The GraphQL type of an object that implements Node: its class's name. */
export const nodeTypeName = (value: object): string => value.constructor.name;

/**
 * The Relay `Node` interface. Every entity class is named after its GraphQL type, so the
 * class name is the type part of the global id.
 */
@InterfaceType('Node', {
  resolveType: nodeTypeName,
  description: 'An object with an opaque, globally unique id.',
})
export abstract class Node {
  id!: string;

  // A method, not a getter, so MikroORM's entity-data types do not ask for it on create.
  @Field(() => ID, { name: 'id', description: 'Opaque global id.' })
  globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}

// Decorated so entity types inherit its fields; unreachable, so no BaseEntity type is emitted.
@ObjectType()
@Entity({ abstract: true })
export abstract class BaseEntity extends Node {
  @PrimaryKey({ type: 'uuid' })
  override id: string = uuidv7();

  @Field(() => Date, { description: 'When the object was created (UTC, millisecond precision).' })
  // Millisecond precision, as in JavaScript, so keyset cursors round-trip exactly.
  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the object was last changed (UTC, millisecond precision).' })
  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
