import { Field, InputType } from 'type-graphql';
import { SortDirection } from './connection';
import type { SortKey } from './paginate';

/** A list's default ordering: the field and direction used when `orderBy` (or a part of it) is left out. */
export interface OrderDefaults<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * The `orderBy` input of one list: a field from its registered enum and a direction, each with the
 * list's default. Every list's ordering has this one shape.
 */
export function orderInput<F extends string>(name: string, fields: Record<string, F>, defaults: OrderDefaults<F>) {
  @InputType(name)
  class Order implements OrderDefaults<F> {
    @Field(() => fields, { defaultValue: defaults.field })
    field: F = defaults.field;

    @Field(() => SortDirection, { defaultValue: defaults.direction })
    direction: SortDirection = defaults.direction;
  }
  return Order;
}

/** The sort key an `orderBy` asks for, falling back to the list's defaults. */
export function sortKeyOf<T, F extends string>(
  order: Partial<OrderDefaults<F>> | null | undefined,
  defaults: OrderDefaults<F>,
  keys: Record<F, (direction: SortDirection) => SortKey<T>>,
): SortKey<T> {
  return keys[order?.field ?? defaults.field](order?.direction ?? defaults.direction);
}
