import 'reflect-metadata';
import { type GraphQLFieldResolver, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { buildBareSchema } from '../src/schema';
import { toGlobalId } from '../src/common/global-id';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { connectionOf, type SortKey } from '../src/common/pagination/paginate';
import { SortDirection } from '../src/common/pagination/connection';

/**
 * Field methods that take only the parent and the context (a resolver class's, or the object's
 * own) are called directly (schema.ts, directFieldResolvers), not through type-graphql's per-call
 * parameter machinery. Either way the method sees the parent as an instance of its class.
 */
/** The resolver the schema runs for `<type>.<field>` (Ticket's by default). */
async function ticketResolver(field: string, typeName = 'Ticket'): Promise<GraphQLFieldResolver<unknown, unknown>> {
  const type = (await buildBareSchema()).getType(typeName);
  if (!isObjectType(type)) throw new Error(`no ${typeName} type`);
  const resolve = type.getFields()[field]?.resolve;
  if (!resolve) throw new Error(`${typeName}.${field} has no resolver`);
  return resolve;
}

describe('direct field resolvers', () => {
  it('call the resolver method with the parent and the context, and convert a plain parent as type-graphql would', async () => {
    const resolve = await ticketResolver('requester');
    const seen: unknown[] = [];
    const context = { loaders: { users: { byId: { get: (id: string) => (seen.push(id), Promise.resolve({ id, name: `user ${id}` })) } } } };
    const info = {} as GraphQLResolveInfo;

    const instance = Object.assign(Object.create(Ticket.prototype) as Ticket, { requester: { id: 'u-1' } });
    await expect(resolve(instance, {}, context, info)).resolves.toEqual({ id: 'u-1', name: 'user u-1' });
    // A parent that is not a Ticket takes type-graphql's own path, which converts it first.
    await expect(resolve({ requester: { id: 'u-2' } }, {}, context, info)).resolves.toEqual({ id: 'u-2', name: 'user u-2' });
    expect(seen).toEqual(['u-1', 'u-2']);
  });

  it("call an object's own field method on the parent: every entity's id is its global id", async () => {
    const resolve = await ticketResolver('id');
    const ticket = Object.assign(Object.create(Ticket.prototype) as Ticket, { id: '01a23e79-0000-7000-8000-000000000001' });
    expect(resolve(ticket, {}, {}, {} as GraphQLResolveInfo)).toBe(toGlobalId('Ticket', ticket.id));
  });

  it("answer a connection's totalCount on the page as it is, encoding no cursor for rows nobody asked a cursor of", async () => {
    const resolve = await ticketResolver('totalCount', 'TicketConnection');
    const rows = [1, 2, 3].map((n) => ({ id: `00000000-0000-7000-8000-00000000000${n}`, createdAt: new Date(Date.UTC(2026, 0, n)) }));
    const encoded: string[] = [];
    const sort: SortKey<(typeof rows)[number]> = {
      field: 'createdAt',
      direction: SortDirection.DESC,
      valueOf: (row) => (encoded.push(row.id), row.createdAt.toISOString()),
      parse: (raw) => raw,
    };
    const page = connectionOf(rows, sort, { hasNextPage: false, hasPreviousPage: false }, () => Promise.resolve(42));
    await expect(resolve(page, {}, {}, {} as GraphQLResolveInfo)).resolves.toBe(42);
    expect(encoded).toEqual([]);
    // The edges still encode their cursors when they are read.
    expect(page.edges.map((e) => e.node)).toEqual(rows);
    expect(encoded).toEqual(rows.map((r) => r.id));
    // A plain parent without the connection's own method still takes type-graphql's path.
    await expect(resolve({ countTotal: () => Promise.resolve(7) }, {}, {}, {} as GraphQLResolveInfo)).resolves.toBe(7);
  });
});
