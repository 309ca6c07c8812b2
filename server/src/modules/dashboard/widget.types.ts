import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { listCost } from '../../common/query-limits';

/** One value of a widget: a bar, a slice, a counter. `limit` is set for quotas. */
export interface WidgetPoint {
  key: string;
  label: string;
  value: number;
  limit?: number | null;
}

/** What a widget's data function gets: the request's EntityManager, the caller's tenant, the time. */
export interface WidgetScope {
  em: EntityManager;
  tenantId: string;
  now: Date;
}

@ObjectType('WidgetPoint', { description: 'One value of a widget.' })
export class WidgetPointType implements WidgetPoint {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  value!: number;

  @Field(() => Int, { nullable: true, description: 'The limit this value counts against (quotas).' })
  limit?: number | null;
}

@ObjectType({ description: "A widget's data, computed on the server with one aggregate query." })
export class WidgetData {
  @Field(() => Int, { description: 'Sum of the values.' })
  total!: number;

  @Field(() => [WidgetPointType], { complexity: listCost(50), description: 'The values, in display order.' })
  points!: WidgetPointType[];
}
