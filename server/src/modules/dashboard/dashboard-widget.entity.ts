import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../common/base.entity';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';
import { WidgetType } from '../../common/widget';
import { User } from '../users/user.entity';

// The widget types are shared vocabulary (common/widget.ts); the dashboard exposes them in GraphQL.
export { WidgetType };
registerEnumType(WidgetType, {
  name: 'WidgetType',
  description: 'What a dashboard widget shows.',
  valuesConfig: {
    OPEN_TICKETS_BY_STATUS: { description: 'Count of the tenant\'s open tickets per status (OPEN and PENDING unless configured).' },
    RUNS_LAST_7_DAYS_BY_STATUS: { description: 'Count of the tenant\'s runs created in the last 7 days, per status.' },
    ACTIVE_INCIDENTS: { description: 'Unresolved incidents affecting the tenant, by severity.' },
    KYC_AWAITING_ACTION: { description: 'KYC cases of the tenant waiting for staff or for the customer.' },
    QUOTA_USAGE: { description: 'This month\'s runs against each runs-per-month entitlement limit.' },
  },
});

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

  @Field(() => WidgetType, { description: 'What the widget shows.' })
  @Enum({ items: () => WidgetType })
  type!: WidgetType;

  @Field({ description: 'Title shown on the widget.' })
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
