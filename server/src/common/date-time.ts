import { GraphQLError, GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime (the same name, description, specification link, parsing and checks)
 * answering each timestamp as its ISO 8601 text instead of as the Date object. The text is the
 * same one JSON gets from a Date (toJSON is toISOString); what changes is the cost of writing the
 * answer: JSON.stringify of a result that holds Date objects calls each one's toJSON and leaves
 * V8's fast path for the whole answer. Measured on a runs page's shape (50 rows, 150 timestamps,
 * Node 24): 145 µs to stringify with Dates, 83 µs with the texts, their toISOString included.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  serialize(value: unknown): string {
    // A Date is checked here once; text and numbers become one as graphql-scalars reads them.
    const date = value instanceof Date ? value : GraphQLDateTime.serialize(value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid Date instance');
    return date.toISOString();
  },
});
