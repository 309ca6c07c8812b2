import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { WidgetType } from '../../common/widget';
import { User } from '../users/user.entity';

// The widget types are shared vocabulary (common/widget.ts); the dashboard exposes them in GraphQL.
export { WidgetType };
registerEnumType(WidgetType, { name: 'WidgetType' });

/** Width of the dashboard grid. */
export const GRID_COLUMNS = 12;

/**
 * A widget on a tenant's dashboard: tenant-wide (user null, managed by tenant admins) or one
 * member's own. Placed on a 12-column grid; its data is computed when read.
 */
@ObjectType({ implements: Node, description: 'A dashboard widget, tenant-wide or your own.' })
@Entity({ tableName: 'dashboard_widgets' })
@Index({ properties: ['tenant', 'user'] })
export class DashboardWidget extends TenantOwnedEntity {
  /** Null for a tenant-wide widget. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'cascade' })
  user?: Ref<User>;

  @Field(() => WidgetType)
  @Enum({ items: () => WidgetType })
  type!: WidgetType;

  @Field()
  @Property({ length: 100 })
  title!: string;

  @Field(() => Int, { description: 'Column, 0 to 11.' })
  @Property({ type: 'smallint' })
  x!: number;

  @Field(() => Int, { description: 'Row, from 0.' })
  @Property({ type: 'smallint' })
  y!: number;

  @Field(() => Int, { description: 'Width in columns; x + w is at most 12.' })
  @Property({ type: 'smallint' })
  w!: number;

  @Field(() => Int, { description: 'Height in rows.' })
  @Property({ type: 'smallint' })
  h!: number;

  @Field(() => GraphQLJSON, { description: 'Settings for this widget type.' })
  @Property({ type: 'jsonb', default: '{}' })
  config: Opt<Record<string, unknown>> = {};
}
