import { Entity, Enum, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity, Node } from '../../common/base.entity';

export enum ToolStatus {
  ACTIVE = 'ACTIVE',
  BETA = 'BETA',
  /** Kept for history (runs, entitlements point at it); no new runs or grants. */
  RETIRED = 'RETIRED',
}
registerEnumType(ToolStatus, {
  name: 'ToolStatus',
  description: 'Lifecycle status of a catalog tool.',
  valuesConfig: {
    ACTIVE: { description: 'Generally available.' },
    BETA: { description: 'Available, still changing.' },
    RETIRED: { description: 'Kept for history (runs, entitlements point at it); no new runs or grants.' },
  },
});

/** One entry of the global tools catalog, managed by platform staff. */
@ObjectType({ implements: Node, description: 'A tool of the global catalog; tenants use it when entitled to it.' })
@Entity({ tableName: 'tools' })
@Index({ properties: ['status', 'key'] })
@Index({ properties: ['category', 'key'] })
export class Tool extends BaseEntity {
  @Field({ description: 'Stable dotted key, e.g. "ticket.summarise".' })
  @Unique()
  @Property({ length: 100 })
  key!: string;

  @Field({ description: 'Display name of the tool.' })
  @Property({ length: 200 })
  name!: string;

  @Field({ description: 'Category the tool is listed under.' })
  @Property({ length: 64 })
  category!: string;

  @Field(() => String, { description: 'What the tool does.' })
  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Field(() => ToolStatus, { description: 'Lifecycle status of the tool.' })
  @Enum({ items: () => ToolStatus, default: ToolStatus.BETA })
  status: Opt<ToolStatus> = ToolStatus.BETA;

  @Field(() => GraphQLJSON, { description: 'JSON Schema (draft-07) every run input must match.' })
  @Property({ type: 'jsonb' })
  inputSchema!: Record<string, unknown>;

  isRetired(): boolean {
    return (this.status as ToolStatus) === ToolStatus.RETIRED;
  }
}
