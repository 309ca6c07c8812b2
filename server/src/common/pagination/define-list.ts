import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { ConnectionArgs, SortDirection } from './connection';
import { dateSort, numberSort, stringSort, type SortKey } from './paginate';

/*
 * A list is declared once: its filter input, how it may be ordered and its default order. From
 * that declaration come the type-graphql arguments class, the `orderBy` input and its enum, the
 * default order and the sort keys paginate() pages by. The filter's translation into a where
 * clause stays with the service that owns the entity.
 *
 *   export const ticketList = defineList<Ticket>()({
 *     filter: TicketFilter,
 *     orderBy: {
 *       input: 'TicketOrder',                       // input TicketOrder, enum TicketOrderField
 *       fields: { createdAt: 'date', updatedAt: 'date', priority: 'number' },
 *       default: { field: 'createdAt', direction: SortDirection.DESC },
 *     },
 *   });
 *   export const TicketsArgs = ticketList.Args;
 *   export type TicketsArgs = ArgsOf<typeof ticketList>;
 *
 *   paginate({ ..., args, sort: ticketList.sortOf(args) })
 *
 * A list orders in one of three ways: `orderBy` (the client picks a column and a direction),
 * `direction` (one column, the client picks the direction) or `sort` (one fixed order, no
 * argument). Every ordering is tie-broken by id in the same direction (see paginate()).
 */

/** How a column sorts; it also says how the column's value is written into a cursor and read back. */
export type SortKind = 'date' | 'string' | 'number';

/** The kind a property of type V sorts as; never for one that cannot order a list (nullable, a relation, JSON). */
export type SortKindOf<V> = [V] extends [Date] ? 'date' : [V] extends [string] ? 'string' : [V] extends [number] ? 'number' : never;

/** Properties of T that can order a list: non-null dates, text and numbers. */
export type SortableColumn<T> = { [K in keyof T & string]: [SortKindOf<T[K]>] extends [never] ? never : K }[keyof T & string];

/** One column of T and the kind it sorts as (checked against the property's type). */
export type ColumnOf<T> = { [K in SortableColumn<T>]: { field: K; kind: SortKindOf<T[K]> } }[SortableColumn<T>];

/** A list's order: a column and a direction. The `orderBy` input has this shape. */
export interface Ordering<C extends string = string> {
  field: C;
  direction: SortDirection;
}

/** The client picks the column (from an enum) and the direction. */
export interface OrderBySpec<T, C extends SortableColumn<T>> {
  /** Name of the input type; its enum is named with "Field" appended (TicketOrder, TicketOrderField). */
  input: string;
  /**
   * The columns, in the order of the enum's values. Each value is named after its column in
   * UPPER_SNAKE_CASE (createdAt → CREATED_AT) and carries the column's name as its value.
   */
  fields: { [K in C]: SortKindOf<T[K]> };
  /** The order of a list asked without `orderBy`, and what fills a field or direction left out of it. */
  default: { field: NoInfer<C>; direction: SortDirection };
  /** Description of the `orderBy` argument. */
  description?: string;
  /** Description of the input type. */
  inputDescription?: string;
  /** Description of the enum type. */
  enumDescription?: string;
}

/** One column; the client picks the direction with a `direction` argument. */
export type DirectionSpec<T> = ColumnOf<T> & {
  default: SortDirection;
  /** Description of the `direction` argument. */
  description?: string;
};

/** One column in one direction; the list takes no ordering argument. */
export type SortSpec<T> = ColumnOf<T> & { direction: SortDirection };

interface FilterSpec<F extends object> {
  /** The input type of the `filter` argument. */
  filter?: ClassType<F>;
  /** Description of the `filter` argument. */
  filterDescription?: string;
  /**
   * Whether class-validator checks the fields inside the filter (default true). false keeps
   * lists whose filters were never checked the way they are; it should not be used for new lists.
   */
  validateFilter?: boolean;
}

type FilterArgs<F extends object> = [F] extends [never] ? unknown : { filter?: F };

/** A declared list: its arguments class and the sort key the arguments ask for. */
export interface List<T, A extends object> {
  /** The type-graphql arguments: first/after/last/before/offset, then filter and ordering if any. */
  readonly Args: ClassType<A>;
  /** The sort key the arguments ask for, falling back to the list's default. */
  sortOf(args: A): SortKey<T>;
  /** The sort key of a list asked for no particular order. */
  readonly defaultSort: SortKey<T>;
}

/** A list ordered by an `orderBy` input. */
export interface OrderedList<T, C extends string, A extends object> extends List<T, A> {
  /** The `orderBy` input type. */
  readonly Order: ClassType<Ordering<C>>;
  /** The registered enum of the orderable columns: CREATED_AT → 'createdAt'. */
  readonly OrderField: Readonly<Record<string, C>>;
  /** The default order. */
  readonly defaultOrder: Readonly<Ordering<C>>;
  /** Every orderable column's sort key in a direction. */
  readonly sorts: Readonly<Record<C, (direction: SortDirection) => SortKey<T>>>;
}

/** The arguments type of a declared list. */
export type ArgsOf<L> = L extends { Args: ClassType<infer A> } ? A : never;

export type OrderByArgs<F extends object, C extends string> = ConnectionArgs & FilterArgs<F> & { orderBy?: Ordering<C> };
export type DirectionArgs<F extends object> = ConnectionArgs & FilterArgs<F> & { direction?: SortDirection };
export type SortedArgs<F extends object> = ConnectionArgs & FilterArgs<F>;

const SORTS: Record<SortKind, <T>(field: keyof T & string, direction: SortDirection) => SortKey<T>> = {
  date: dateSort,
  string: stringSort,
  number: numberSort,
};

/** createdAt → CREATED_AT */
export function enumValueName(column: string): string {
  return column.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** GraphQL type names taken by declared lists, so a second list of the same name fails where it is declared. */
const typeNames = new Set<string>();

function claimTypeName(name: string): void {
  if (typeNames.has(name)) throw new Error(`defineList: the type name "${name}" is already taken by another list.`);
  typeNames.add(name);
}

/** What the implementation sees of a row: the declaration's types were checked at the call. */
type Row = Record<string, unknown>;

interface AnySpec extends FilterSpec<object> {
  orderBy?: {
    input: string;
    fields: Record<string, SortKind>;
    default: Ordering;
    description?: string;
    inputDescription?: string;
    enumDescription?: string;
  };
  direction?: { field: string; kind: SortKind; default: SortDirection; description?: string };
  sort?: { field: string; kind: SortKind; direction: SortDirection };
}

interface AnyArgs {
  orderBy?: Partial<Ordering> | null;
  direction?: SortDirection | null;
}

/** The arguments class: ConnectionArgs, then `filter`, then the ordering argument, as the lists always had. */
function argsClass(spec: AnySpec, order: (() => ClassType) | null): ClassType {
  @ArgsType()
  class ListArgs extends ConnectionArgs {}
  const proto = ListArgs.prototype;
  const filter = spec.filter;
  if (filter) {
    Field(() => filter, { nullable: true, description: spec.filterDescription ?? 'Narrows the list; fields left out do not filter.' })(proto, 'filter');
    if (spec.validateFilter !== false) {
      // Without these class-validator does not look inside the filter.
      IsOptional()(proto, 'filter');
      ValidateNested()(proto, 'filter');
    }
  }
  if (order && spec.orderBy) Field(order, { nullable: true, description: spec.orderBy.description ?? 'Order of the list; the list\'s default order when omitted. Ties are broken by id.' })(proto, 'orderBy');
  if (spec.direction) {
    const { default: defaultValue, description } = spec.direction;
    Field(() => SortDirection, { nullable: true, defaultValue, description })(proto, 'direction');
  }
  return ListArgs;
}

function orderedList(spec: AnySpec & { orderBy: NonNullable<AnySpec['orderBy']> }) {
  const { input, fields, default: defaults } = spec.orderBy;
  const columns = Object.keys(fields);
  if (columns.length === 0) throw new Error(`defineList: ${input} has no fields.`);
  if (!columns.includes(defaults.field)) throw new Error(`defineList: ${input}'s default field "${defaults.field}" is not one of its fields.`);
  const enumName = `${input}Field`;
  claimTypeName(input);
  claimTypeName(enumName);

  const OrderField: Record<string, string> = {};
  for (const column of columns) OrderField[enumValueName(column)] = column;
  if (Object.keys(OrderField).length !== columns.length) throw new Error(`defineList: two fields of ${input} share an enum value name.`);
  Object.freeze(OrderField);
  registerEnumType(OrderField, {
    name: enumName,
    description: spec.orderBy.enumDescription ?? `Columns a list can be ordered by (see ${input}).`,
    valuesConfig: Object.fromEntries(columns.map((column) => [enumValueName(column), { description: `Order by \`${column}\`.` }])),
  });

  @InputType(input, { description: spec.orderBy.inputDescription ?? 'How to order the list: a column and a direction.' })
  class Order implements Ordering {
    @Field(() => OrderField, { defaultValue: defaults.field, description: 'Column to order by.' })
    field: string = defaults.field;

    @Field(() => SortDirection, { defaultValue: defaults.direction, description: 'Direction to order in.' })
    direction: SortDirection = defaults.direction;
  }

  const sorts: Record<string, (direction: SortDirection) => SortKey<Row>> = {};
  for (const column of columns) {
    const make = SORTS[fields[column]];
    sorts[column] = (direction) => make<Row>(column, direction);
  }
  const sortOf = (args: AnyArgs) => {
    const field = args.orderBy?.field ?? defaults.field;
    const sort = sorts[field];
    if (!sort) throw new Error(`defineList: ${input} has no field "${field}".`);
    return sort(args.orderBy?.direction ?? defaults.direction);
  };
  return {
    Args: argsClass(spec, () => Order),
    Order,
    OrderField,
    defaultOrder: Object.freeze({ field: defaults.field, direction: defaults.direction }),
    sorts: Object.freeze(sorts),
    sortOf,
    defaultSort: sortOf({}),
  };
}

function directedList(spec: AnySpec & { direction: NonNullable<AnySpec['direction']> }) {
  const { field, kind, default: direction } = spec.direction;
  const make = SORTS[kind];
  const sortOf = (args: AnyArgs) => make<Row>(field, args.direction ?? direction);
  return { Args: argsClass(spec, null), sortOf, defaultSort: sortOf({}) };
}

function sortedList(spec: AnySpec & { sort: NonNullable<AnySpec['sort']> }) {
  const { field, kind, direction } = spec.sort;
  const sort = SORTS[kind]<Row>(field, direction);
  return { Args: argsClass(spec, null), sortOf: () => sort, defaultSort: sort };
}

/**
 * Declares a list of T (see the top of this file). Called as `defineList<Entity>()({ ... })`
 * so the entity is named and the rest is inferred; at module level, once per list.
 */
export function defineList<T>() {
  function define<C extends SortableColumn<T>, F extends object = never>(
    spec: FilterSpec<F> & { orderBy: OrderBySpec<T, C>; direction?: never; sort?: never },
  ): OrderedList<T, C, OrderByArgs<F, C>>;
  function define<F extends object = never>(spec: FilterSpec<F> & { direction: DirectionSpec<T>; orderBy?: never; sort?: never }): List<T, DirectionArgs<F>>;
  function define<F extends object = never>(spec: FilterSpec<F> & { sort: SortSpec<T>; orderBy?: never; direction?: never }): List<T, SortedArgs<F>>;
  function define(spec: AnySpec): unknown {
    const ways = [spec.orderBy, spec.direction, spec.sort].filter(Boolean).length;
    if (ways !== 1) throw new Error('defineList: give exactly one of orderBy, direction or sort.');
    if (spec.orderBy) return orderedList({ ...spec, orderBy: spec.orderBy });
    if (spec.direction) return directedList({ ...spec, direction: spec.direction });
    return sortedList({ ...spec, sort: spec.sort as NonNullable<AnySpec['sort']> });
  }
  return define;
}
