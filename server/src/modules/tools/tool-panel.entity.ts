import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { Tool } from './tool.entity';

export enum PanelLayout {
  FORM = 'FORM',
  COMPACT = 'COMPACT',
  WIZARD = 'WIZARD',
}
registerEnumType(PanelLayout, {
  name: 'PanelLayout',
  description: 'How the portal lays out a tool.',
  valuesConfig: {
    FORM: { description: 'A plain form.' },
    COMPACT: { description: 'A condensed form.' },
    WIZARD: { description: 'A step-by-step form.' },
  },
});

export enum RecentRunsScope {
  MINE = 'MINE',
  TENANT = 'TENANT',
}
registerEnumType(RecentRunsScope, {
  name: 'RecentRunsScope',
  description: "Whose runs the recent-runs panel lists: the viewer's own or the whole tenant's.",
  valuesConfig: {
    MINE: { description: 'Only the viewer\'s own runs.' },
    TENANT: { description: 'All runs of the tenant.' },
  },
});

/** What the portal shows for one tool in one tenant. */
@ObjectType({ implements: Node, description: "A tenant's portal panel for one tool: layout, prefilled inputs, recent runs." })
@Entity({ tableName: 'tool_panels' })
@Unique({ properties: ['tenant', 'tool'] })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
export class ToolPanel extends TenantOwnedEntity {
  @ManyToOne(() => Tool, { ref: true, deleteRule: 'cascade', index: true })
  tool!: Ref<Tool>;

  @Field({ description: 'Title of the panel.' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => PanelLayout, { description: 'How the panel lays out its form.' })
  @Enum({ items: () => PanelLayout, default: PanelLayout.FORM })
  layout: Opt<PanelLayout> = PanelLayout.FORM;

  @Field(() => GraphQLJSON, { description: "Prefilled inputs; each matches the tool's input schema (required fields may be left out)." })
  @Property({ type: 'jsonb', default: '{}' })
  defaultInput: Opt<Record<string, unknown>> = {};

  @Field(() => Int, { description: 'How many recent runs the panel lists; 0 hides the list.' })
  @Property({ type: 'smallint', default: 5 })
  recentRunsLimit: Opt<number> = 5;

  @Field(() => RecentRunsScope, { description: 'Whose recent runs the panel shows.' })
  @Enum({ items: () => RecentRunsScope, default: RecentRunsScope.MINE })
  recentRunsScope: Opt<RecentRunsScope> = RecentRunsScope.MINE;
}
