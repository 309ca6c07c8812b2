import type { EntityManager } from '@mikro-orm/postgresql';
import { IsOptional, Length } from 'class-validator';
import { graphql, type GraphQLSchema, printSchema } from 'graphql';
import { Args, buildSchema, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { validateArgument } from '../../input-hygiene';
import { SortDirection } from '../connection';
import { decodeCursor } from '../cursor';
import { type ArgsOf, defineList, enumValueName } from '../define-list';
import { paginate, type SortKey } from '../paginate';
import { hashPassword } from '../../../modules/auth/password';
import { addMember, provisionTenant } from '../../../modules/tenancy/tenant.factory';
import { makeTicket } from '../../../modules/tickets/ticket.factory';
import { Ticket, TicketPriority } from '../../../modules/tickets/ticket.entity';
import { ticketList } from '../../../modules/tickets/ticket.inputs';
import { User } from '../../../modules/users/user.entity';
import { startTestApp, type TestApp } from '../../../../test/harness';

/*
 * Three probe lists of tickets, one per way of ordering, served by a schema of their own and
 * paged through paginate() on the real database.
 */

@InputType('ProbeTicketFilter', { description: 'Which probe tickets.' })
class ProbeTicketFilter {
  @Field({ nullable: true, description: 'Exact subject.' })
  @IsOptional()
  @Length(1, 12)
  subject?: string;
}

const ordered = defineList<Ticket>()({
  filter: ProbeTicketFilter,
  filterDescription: 'Only these tickets.',
  orderBy: {
    input: 'ProbeTicketOrder',
    fields: { priority: 'number', createdAt: 'date', subject: 'string' },
    default: { field: 'priority', direction: SortDirection.DESC },
    description: 'Most urgent first unless asked otherwise.',
    inputDescription: 'How probe tickets are ordered.',
    enumDescription: 'What probe tickets can be ordered by.',
  },
});
const directed = defineList<Ticket>()({
  filter: ProbeTicketFilter,
  validateFilter: false,
  direction: { field: 'createdAt', kind: 'date', default: SortDirection.ASC, description: 'By creation time.' },
});
const sorted = defineList<Ticket>()({ sort: { field: 'updatedAt', kind: 'date', direction: SortDirection.DESC } });

const OrderedArgs = ordered.Args;
type OrderedArgs = ArgsOf<typeof ordered>;
const DirectedArgs = directed.Args;
type DirectedArgs = ArgsOf<typeof directed>;
const SortedArgs = sorted.Args;
type SortedArgs = ArgsOf<typeof sorted>;

interface ProbeContext {
  em: EntityManager;
  tenantId: string;
}

/** One page of the probe tenant's tickets, and what the resolver was given. */
async function probePage(ctx: ProbeContext, args: OrderedArgs | DirectedArgs | SortedArgs, sort: SortKey<Ticket>, argsClass: new () => object): Promise<string> {
  const page = await paginate({ em: ctx.em.fork(), entity: Ticket, where: { tenant: ctx.tenantId }, args, sort, options: { filters: { tenant: false } } });
  const filter = 'filter' in args ? args.filter : undefined;
  return JSON.stringify({
    key: `${sort.field}:${sort.direction}`,
    argsInstance: args instanceof argsClass,
    filterInstance: filter === undefined ? null : filter instanceof ProbeTicketFilter,
    ids: page.nodes.map((n) => n.id),
    endCursor: page.pageInfo.endCursor,
    hasNextPage: page.pageInfo.hasNextPage,
  });
}

@Resolver()
class ProbeResolver {
  @Query(() => String, { description: 'Ordered by a column the client picks.' })
  ordered(@Args(() => OrderedArgs) args: OrderedArgs, @Ctx() ctx: ProbeContext): Promise<string> {
    return probePage(ctx, args, ordered.sortOf(args), OrderedArgs);
  }

  @Query(() => String, { description: 'Ordered by creation, in the direction the client picks.' })
  directed(@Args(() => DirectedArgs) args: DirectedArgs, @Ctx() ctx: ProbeContext): Promise<string> {
    return probePage(ctx, args, directed.sortOf(args), DirectedArgs);
  }

  @Query(() => String, { description: 'Always newest change first.' })
  sorted(@Args(() => SortedArgs) args: SortedArgs, @Ctx() ctx: ProbeContext): Promise<string> {
    return probePage(ctx, args, sorted.sortOf(args), SortedArgs);
  }
}

interface ProbeAnswer {
  key: string;
  argsInstance: boolean;
  filterInstance: boolean | null;
  ids: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

let t: TestApp;
let schema: GraphQLSchema;
let tenantId: string;

beforeAll(async () => {
  schema = await buildSchema({ resolvers: [ProbeResolver], validateFn: validateArgument, emitSchemaFile: false });
  t = await startTestApp();
  const em = t.orm.em.fork();
  const user = em.create(User, { email: 'lister@define-list.test', name: 'Lee Lister', passwordHash: await hashPassword('pw-123456') });
  em.persist(user);
  const provisioned = provisionTenant(em, { slug: 'define-list', name: 'Define List' });
  addMember(em, provisioned, user, 'agent');
  // Priorities, creation times, subjects and update times repeat, so every ordering needs its id tie-break.
  const priorities = [TicketPriority.LOW, TicketPriority.HIGH, TicketPriority.NORMAL, TicketPriority.HIGH];
  const base = Date.UTC(2026, 4, 1, 9, 0, 0);
  for (let i = 0; i < 11; i++) {
    const ticket = makeTicket(em, provisioned.tenant, user, {
      subject: `Probe ${String.fromCharCode(97 + ((i * 5) % 4))}`,
      priority: priorities[i % priorities.length],
      createdAt: new Date(base + Math.floor(i / 3) * 60_000),
    });
    ticket.updatedAt = new Date(base + 3_600_000 + (i % 2) * 1_000);
  }
  await em.flush();
  tenantId = provisioned.tenant.id;
});
afterAll(() => t?.close());

async function run(source: string): Promise<{ data?: ProbeAnswer; errors?: readonly { message: string }[] }> {
  const res = await graphql({ schema, source, contextValue: { em: t.orm.em, tenantId } satisfies ProbeContext });
  const value = res.data ? Object.values(res.data)[0] : undefined;
  return { data: typeof value === 'string' ? (JSON.parse(value) as ProbeAnswer) : undefined, errors: res.errors };
}

async function answer(source: string): Promise<ProbeAnswer> {
  const res = await run(source);
  expect(res.errors).toBeUndefined();
  return res.data as ProbeAnswer;
}

describe('defineList', () => {
  it('generates the arguments, the order input and its enum with every name, default and description', () => {
    const sdl = printSchema(schema);
    expect(sdl).toContain(`type Query {
  """Ordered by a column the client picks."""
  ordered(
    """Page size from the start (max 100)."""
    first: Int

    """
    Opaque cursor: return the rows after this one (from \`pageInfo.endCursor\` or an edge).
    """
    after: String

    """Page size from the end (max 100)."""
    last: Int

    """
    Opaque cursor: return the rows before this one (from \`pageInfo.startCursor\` or an edge).
    """
    before: String

    """Rows to skip; use with \`first\` for offset pages."""
    offset: Int

    """Only these tickets."""
    filter: ProbeTicketFilter

    """Most urgent first unless asked otherwise."""
    orderBy: ProbeTicketOrder
  ): String!

  """Ordered by creation, in the direction the client picks."""
  directed(
    """Page size from the start (max 100)."""
    first: Int

    """
    Opaque cursor: return the rows after this one (from \`pageInfo.endCursor\` or an edge).
    """
    after: String

    """Page size from the end (max 100)."""
    last: Int

    """
    Opaque cursor: return the rows before this one (from \`pageInfo.startCursor\` or an edge).
    """
    before: String

    """Rows to skip; use with \`first\` for offset pages."""
    offset: Int

    """Narrows the list; fields left out do not filter."""
    filter: ProbeTicketFilter

    """By creation time."""
    direction: SortDirection = ASC
  ): String!

  """Always newest change first."""
  sorted(
    """Page size from the start (max 100)."""
    first: Int

    """
    Opaque cursor: return the rows after this one (from \`pageInfo.endCursor\` or an edge).
    """
    after: String

    """Page size from the end (max 100)."""
    last: Int

    """
    Opaque cursor: return the rows before this one (from \`pageInfo.startCursor\` or an edge).
    """
    before: String

    """Rows to skip; use with \`first\` for offset pages."""
    offset: Int
  ): String!
}`);
    expect(sdl).toContain(`"""How probe tickets are ordered."""
input ProbeTicketOrder {
  """Column to order by."""
  field: ProbeTicketOrderField! = PRIORITY

  """Direction to order in."""
  direction: SortDirection! = DESC
}`);
    // Enum values in the order the fields were declared.
    expect(sdl).toContain(`"""What probe tickets can be ordered by."""
enum ProbeTicketOrderField {
  """Order by \`priority\`."""
  PRIORITY

  """Order by \`createdAt\`."""
  CREATED_AT

  """Order by \`subject\`."""
  SUBJECT
}`);
  });

  it('names enum values after their columns and keeps the columns as their values', () => {
    expect(['createdAt', 'subjectName', 'key', 'receivedAt'].map(enumValueName)).toEqual(['CREATED_AT', 'SUBJECT_NAME', 'KEY', 'RECEIVED_AT']);
    expect(ordered.OrderField).toEqual({ PRIORITY: 'priority', CREATED_AT: 'createdAt', SUBJECT: 'subject' });
    expect(ordered.defaultOrder).toEqual({ field: 'priority', direction: SortDirection.DESC });
    // A real list keeps the enum values it had when it was written by hand.
    expect(ticketList.OrderField).toEqual({ CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', PRIORITY: 'priority' });
    expect(ticketList.defaultOrder).toEqual({ field: 'createdAt', direction: SortDirection.DESC });
  });

  it('gives the sort key the arguments ask for, filling what they leave out from the default', () => {
    const keyOf = (sort: SortKey<Ticket>) => `${sort.field}:${sort.direction}`;
    expect(keyOf(ordered.sortOf({}))).toBe('priority:DESC');
    expect(keyOf(ordered.defaultSort)).toBe('priority:DESC');
    expect(keyOf(ordered.sortOf({ orderBy: { field: 'subject', direction: SortDirection.ASC } }))).toBe('subject:ASC');
    expect(keyOf(ordered.sorts.createdAt(SortDirection.ASC))).toBe('createdAt:ASC');
    expect(keyOf(directed.sortOf({}))).toBe('createdAt:ASC');
    expect(keyOf(directed.sortOf({ direction: SortDirection.DESC }))).toBe('createdAt:DESC');
    expect(keyOf(sorted.sortOf({}))).toBe('updatedAt:DESC');
  });

  it.each([
    ['{ ordered }', 'priority:DESC'],
    ['{ ordered(orderBy: { direction: ASC }) }', 'priority:ASC'],
    ['{ ordered(orderBy: { field: SUBJECT }) }', 'subject:DESC'],
    ['{ ordered(orderBy: { field: CREATED_AT, direction: ASC }) }', 'createdAt:ASC'],
    ['{ directed }', 'createdAt:ASC'],
    ['{ directed(direction: DESC) }', 'createdAt:DESC'],
    ['{ sorted }', 'updatedAt:DESC'],
  ])('%s is ordered by %s', async (source, key) => {
    const res = await answer(source);
    expect(res.key).toBe(key);
    expect(res.argsInstance).toBe(true);
  });

  it('validates inside the filter unless told not to', async () => {
    expect((await answer('{ ordered(filter: { subject: "Probe a" }) }')).filterInstance).toBe(true);
    const refused = await run('{ ordered(filter: { subject: "far too long a subject" }) }');
    expect(refused.errors?.[0]?.message).toMatch(/Argument Validation Error/);
    const unchecked = await answer('{ directed(filter: { subject: "far too long a subject" }) }');
    expect(unchecked.filterInstance).toBe(true);
  });

  describe.each([
    ['ordered', '', 'priority desc, id desc', 'priority:DESC'],
    ['ordered', 'orderBy: { field: SUBJECT, direction: ASC }', 'subject asc, id asc', 'subject:ASC'],
    ['ordered', 'orderBy: { field: CREATED_AT }', 'created_at desc, id desc', 'createdAt:DESC'],
    ['directed', '', 'created_at asc, id asc', 'createdAt:ASC'],
    ['directed', 'direction: DESC', 'created_at desc, id desc', 'createdAt:DESC'],
    ['sorted', '', 'updated_at desc, id desc', 'updatedAt:DESC'],
  ])('%s(%s) on the database', (field, orderArgs, sqlOrder, cursorKey) => {
    const query = (paging: string) => `{ ${field}(${[paging, orderArgs].filter(Boolean).join(', ')}) }`;

    it(`matches ORDER BY ${sqlOrder}, and cursor pages walk the same rows`, async () => {
      const expected = (await t.sql<{ id: string }>(`select id from tickets where tenant_id = ? order by ${sqlOrder}`, [tenantId])).map((r) => r.id);
      expect(expected).toHaveLength(11);
      expect((await answer(query('first: 100'))).ids).toEqual(expected);

      const walked: string[] = [];
      let page = await answer(query('first: 4'));
      walked.push(...page.ids);
      while (page.hasNextPage) {
        // The cursor keeps its format: base64url JSON of the ordering, the row's value and its id.
        expect(decodeCursor(page.endCursor ?? '', cursorKey, 'after').id).toBe(page.ids.at(-1));
        page = await answer(query(`first: 4, after: "${page.endCursor}"`));
        walked.push(...page.ids);
      }
      expect(walked).toEqual(expected);
    });
  });

  it('refuses a declaration that cannot be right', () => {
    expect(() =>
      defineList<Ticket>()({ orderBy: { input: 'ProbeTicketOrder', fields: { createdAt: 'date' }, default: { field: 'createdAt', direction: SortDirection.ASC } } }),
    ).toThrow(/ProbeTicketOrder.*already taken/);
    expect(() =>
      // @ts-expect-error: the default must be one of the fields.
      defineList<Ticket>()({ orderBy: { input: 'ProbeOther', fields: { createdAt: 'date' }, default: { field: 'subject', direction: SortDirection.ASC } } }),
    ).toThrow(/default field "subject"/);
    expect(() =>
      // @ts-expect-error: one way of ordering, not two.
      defineList<Ticket>()({ sort: { field: 'createdAt', kind: 'date', direction: SortDirection.ASC }, direction: { field: 'createdAt', kind: 'date', default: SortDirection.ASC } }),
    ).toThrow(/exactly one/);
  });
});

/** Checked by the compiler only (never called): columns and kinds must fit the entity. */
export function declarationsTheCompilerRefuses(): void {
  // @ts-expect-error: createdAt is a date, not text.
  defineList<Ticket>()({ sort: { field: 'createdAt', kind: 'string', direction: SortDirection.ASC } });
  // @ts-expect-error: the assignee is a nullable relation, not a column a list can be ordered by.
  defineList<Ticket>()({ sort: { field: 'assignee', kind: 'string', direction: SortDirection.ASC } });
  // @ts-expect-error: priority is a number.
  defineList<Ticket>()({ orderBy: { input: 'X', fields: { priority: 'date' }, default: { field: 'priority', direction: SortDirection.ASC } } });
  // @ts-expect-error: no such property.
  defineList<Ticket>()({ orderBy: { input: 'X', fields: { colour: 'string' }, default: { field: 'colour', direction: SortDirection.ASC } } });
}
