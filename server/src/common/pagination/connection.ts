import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Page size from the end (max ${MAX_PAGE_SIZE}).` })
  last?: number;

  @Field(() => String, { nullable: true })
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
}

const connectionTypes = new Map<ClassType, ClassType>();

/** One connection and edge type per node type: `<Name>Connection`, `<Name>Edge`. */
export function Connection<T extends object>(nodeType: ClassType<T>): ClassType<ConnectionShape<T>> {
  const existing = connectionTypes.get(nodeType);
  if (existing) return existing as ClassType<ConnectionShape<T>>;
  const name = nodeType.name;

  @ObjectType(`${name}Edge`)
  class Edge implements EdgeShape<T> {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Conn implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    // A method field: type-graphql calls it only when the field is selected.
    @Field(() => Int, { description: 'Total rows matching the filter; computed only when selected.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }

  connectionTypes.set(nodeType, Conn);
  return Conn;
}
