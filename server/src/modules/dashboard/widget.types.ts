import { Field, Int, ObjectType } from 'type-graphql';
import { listCost } from '../../common/query-limits';
import type { WidgetPoint } from '../../common/widget';

@ObjectType('WidgetPoint', { description: 'One value of a widget.' })
export class WidgetPointType implements WidgetPoint {
  @Field({ description: 'Machine key of the data point (e.g. a status value).' })
  key!: string;

  @Field({ description: 'Human label of the data point.' })
  label!: string;

  @Field(() => Int, { description: 'Count or amount of the data point.' })
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
