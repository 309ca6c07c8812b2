import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Direction a list is ordered in.',
  valuesConfig: {
    ASC: { description: 'Ascending: oldest, smallest or A first.' },
    DESC: { description: 'Descending: newest, largest or Z first.' },
  },
});

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more rows follow this page (ask again with `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether rows precede this page (ask again with `before: startCursor`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page; null when the page is empty.' })
  endCursor!: string | null;
}

/**
 * Arguments every list takes. `first`/`after` and `last`/`before` page by keyset;
 * `offset` with `first` gives numbered pages (react-admin).
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (max ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: return the rows after this one (from `pageInfo.endCursor` or an edge).' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Page size from the end (max ${MAX_PAGE_SIZE}).` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: return the rows before this one (from `pageInfo.startCursor` or an edge).' })
  before?: string;

  @Field(() => Int, { nullable: true, description: 'Rows to skip; use with `first` for offset pages.' })
  offset?: number;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counts the rows; called only when `totalCount` is selected. */
  countTotal: () => Promise<number>;
  /** The `totalCount` field: countTotal(), as every connection type's method (connectionTotalCount). */
  totalCount(): Promise<number>;
}

/**
 * The `totalCount` method of every connection type, and the same function on each object
 * connectionOf makes: the schema then calls it on that object as it is (directFieldResolvers),
 * where type-graphql would first copy the object into an instance of the connection class, reading
 * its `edges` and so encoding a cursor for every row a request that asked only for the total and
 * the nodes never reads.
 */
export function connectionTotalCount(this: Pick<ConnectionShape<unknown>, 'countTotal'>): Promise<number> {
  return this.countTotal();
}

const connectionTypes = new Map<ClassType, ClassType>();

/** One connection and edge type per node type: `<Name>Connection`, `<Name>Edge`. */
export function Connection<T extends object>(nodeType: ClassType<T>): ClassType<ConnectionShape<T>> {
  const existing = connectionTypes.get(nodeType);
  if (existing) return existing as ClassType<ConnectionShape<T>>;
  const name = nodeType.name;

  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge implements EdgeShape<T> {
    @Field({ description: `Opaque cursor of this ${name}; pass it as \`after\` or \`before\` to page from here.` })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows (Relay connection).` })
  class Conn implements ConnectionShape<T> {
    @Field(() => [Edge], { description: `The ${name} rows of this page with their cursors, in list order.` })
    edges!: Edge[];

    @Field(() => [nodeType], { description: `The ${name} rows of this page, in list order (the edges' nodes).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist before or after this one.' })
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    // A method field: type-graphql calls it only when the field is selected.
    @Field(() => Int, { description: 'Total rows matching the filter; computed only when selected.' })
    totalCount(): Promise<number> {
      return connectionTotalCount.call(this);
    }
  }
  // The one shared function, so that a connectionOf object's method is the class's own (see connectionTotalCount).
  Conn.prototype.totalCount = connectionTotalCount;

  connectionTypes.set(nodeType, Conn);
  return Conn;
}
