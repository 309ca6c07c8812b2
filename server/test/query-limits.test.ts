import { type DocumentNode, OperationTypeNode, getNamedType, GraphQLObjectType, isListType, isNonNullType, isObjectType, Kind, print, type OperationDefinitionNode } from 'graphql';
import * as appDocuments from '../../client/src/gql/graphql';
import { loadConfig } from '../src/config';
import { declaresCost, limitValidationRules, queryCost } from '../src/common/query-limits';
import { buildAppSchema } from '../src/schema';
import { validate } from 'graphql';
import { codeOf, startTestApp, type TestApp } from './harness';

/** `depth` levels of Ticket.comments → TicketComment.ticket, each page `first` long. */
function nestedComments(depth: number, first = 100): string {
  let inner = 'id subject';
  for (let i = 0; i < depth; i++) inner = `id comments(first: ${first}) { nodes { ticket { ${inner} } } }`;
  return `{ tickets(first: ${first}) { nodes { ${inner} } } }`;
}

/** Incident.tickets ↔ Ticket.incidents, `depth` hops deep. */
function incidentCycle(depth: number): string {
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = i % 2 === 0 ? `id incidents { ${inner} }` : `id tickets { ${inner} }`;
  return `{ incidents(first: 10) { nodes { tickets { ${inner} } } } }`;
}

describe('limits before execution', () => {
  let t: TestApp;
  let viewer: string;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = (await t.login('viewer@acme.test')).accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends `body` as the raw request body; returns status, parsed body, the first error's reason and code. */
  async function send(body: string, token = viewer) {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await res.text();
    const json: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } = text.startsWith('{') ? JSON.parse(text) : {};
    return { status: res.status, json, reason: json.errors?.[0]?.extensions.reason, code: json.errors?.[0]?.extensions.code };
  }

  /** As `send`, and counts the statements sent to PostgreSQL meanwhile (one request at a time). */
  async function post(body: string, token = viewer) {
    let answer: Awaited<ReturnType<typeof send>> | undefined;
    const { count } = await t.countQueries(async () => {
      answer = await send(body, token);
    });
    if (!answer) throw new Error('no answer');
    return { ...answer, statements: count };
  }

  const asBody = (query: string) => JSON.stringify({ query });

  it('refuses the nested-comments query of the report (six levels) before any SQL', async () => {
    const res = await post(asBody(nestedComments(6)));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.reason).toBe('QUERY_TOO_DEEP');
    expect(res.statements).toBe(0);
  });

  it('refuses nested comments within the depth limit by their cost, before any SQL', async () => {
    const res = await post(asBody(nestedComments(2)));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.reason).toBe('QUERY_TOO_COMPLEX');
    expect(res.json.errors?.[0]?.extensions.cost).toBeGreaterThan(1_000_000);
    expect(res.json.errors?.[0]?.extensions.maxCost).toBe(40_000);
    expect(res.status).toBe(400);
    expect(res.statements).toBe(0);
    expect(res.json.data).toBeUndefined();
  });

  it('refuses one level of comments at 100 × 100 too, but runs the same query with small pages', async () => {
    const big = await post(asBody('{ tickets(first: 100) { nodes { id comments(first: 100) { nodes { body author { name } ticket { requester { name } assignee { name } } } } } } }'));
    expect(big.reason).toBe('QUERY_TOO_COMPLEX');
    expect(big.statements).toBe(0);
    const small = await post(asBody('{ tickets(first: 10) { nodes { id comments(first: 10) { nodes { body author { name } } } } } }'));
    expect(small.json.errors).toBeUndefined();
    expect(small.statements).toBeGreaterThan(0);
  });

  it('refuses the incident/ticket cycle at depth 25 before any SQL', async () => {
    const res = await post(asBody(incidentCycle(25)));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.reason).toBe('QUERY_TOO_DEEP');
    expect(res.statements).toBe(0);
  });

  it('refuses 1,000 aliases of tickets(first: 100) before any SQL', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: tickets(first: 100) { nodes { id } }`).join(' ')} }`;
    const res = await post(asBody(query));
    expect(res.code).toBe('BAD_USER_INPUT');
    // 10,000 tokens: the parser stops it even before the alias rule would.
    expect(['TOO_MANY_ALIASES', 'QUERY_TOO_LARGE']).toContain(res.reason);
    expect(res.statements).toBe(0);
  });

  it('refuses 10,000 aliased __typename before any SQL', async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const res = await post(asBody(query));
    // ~150 KB: over the body limit; under it, the alias limit refuses what remains.
    expect(res.status).toBe(413);
    expect(res.statements).toBe(0);
    const smaller = await post(asBody(`{ ${Array.from({ length: 900 }, (_, i) => `t${i}: __typename`).join(' ')} }`));
    expect(smaller.code).toBe('BAD_USER_INPUT');
    expect(smaller.reason).toBe('TOO_MANY_ALIASES');
    expect(smaller.statements).toBe(0);
  });

  it('refuses 200 directives before any SQL', async () => {
    const query = `{ me { id ${Array.from({ length: 200 }, () => '@include(if: true)').join(' ')} } }`;
    const res = await post(asBody(query));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.reason).toBe('TOO_MANY_DIRECTIVES');
    expect(res.statements).toBe(0);
  });

  it('refuses a document of too many tokens while parsing', async () => {
    const query = `{ me { ${Array.from({ length: 4000 }, () => 'id').join(' ')} } }`;
    const res = await post(asBody(query));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.reason).toBe('QUERY_TOO_LARGE');
    expect(res.statements).toBe(0);
  });

  it('refuses a 1 MB query at the door (413) before any SQL', async () => {
    const query = `{ me { id } } # ${'x'.repeat(1024 * 1024)}`;
    const res = await post(asBody(query));
    expect(res.status).toBe(413);
    expect(res.statements).toBe(0);
  });

  it('keeps /healthz answering during a flood of refused queries', async () => {
    const flood = Array.from({ length: 40 }, () => send(asBody(nestedComments(2))));
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const results = await Promise.all(flood);
    expect(results.every((r) => r.reason === 'QUERY_TOO_COMPLEX')).toBe(true);
  });

  it('still answers ordinary queries, and the anonymous path needs no session look-up', async () => {
    const res = await post(asBody('{ me { permissions } tickets(first: 5) { totalCount nodes { subject requester { name } } } }'));
    expect(res.json.errors).toBeUndefined();
    const anonymous = await t.countQueries(() => t.gql('{ __typename }'));
    expect(anonymous.count).toBe(0);
  });

  it('answers an invalid document without a session look-up', async () => {
    const res = await post(asBody('{ tickets(first: 5) { nodes { nope } } }'));
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.statements).toBe(0);
  });
});

describe('production error messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused.invalid/db', SMTP_URL: 'smtp://mail.invalid:25' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql('{ tickts { totalCount } }');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('cost model', () => {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/atrium-cost-test', CLIENT_DIST_DIR: '' });

  /** Every operation the portal and back office send, with page-size variables at their largest. */
  function appOperations(): { name: string; document: DocumentNode; variables: Record<string, unknown> }[] {
    const out: { name: string; document: DocumentNode; variables: Record<string, unknown> }[] = [];
    for (const [name, value] of Object.entries(appDocuments)) {
      if (!name.endsWith('Document') || typeof value !== 'object' || value === null || (value as DocumentNode).kind !== Kind.DOCUMENT) continue;
      const document = value as DocumentNode;
      const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!op) continue;
      // Worst-case values: page sizes and id lists at their largest, flags on; other inputs left out.
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        const key = v.variable.name.value;
        const type = v.type.kind === Kind.NON_NULL_TYPE ? v.type.type : v.type;
        if (key === 'first' || key === 'last') variables[key] = 100;
        else if (type.kind === Kind.LIST_TYPE) variables[key] = Array.from({ length: 100 }, () => 'x');
        else if (type.kind === Kind.NAMED_TYPE && ['ID', 'String'].includes(type.name.value)) variables[key] = 'x';
        // A flag (e.g. for @include) set: the worst case includes everything it guards.
        else if (type.kind === Kind.NAMED_TYPE && type.name.value === 'Boolean') variables[key] = true;
        // Any other count (histogram buckets, an offset): large, within what the fields accept.
        else if (type.kind === Kind.NAMED_TYPE && type.name.value === 'Int') variables[key] = 100;
      }
      out.push({ name, document, variables });
    }
    return out;
  }

  it('lets every operation of the apps through every limit, at the largest page size', async () => {
    const schema = await buildAppSchema();
    const rules = limitValidationRules(config.graphqlLimits);
    const ops = appOperations();
    expect(ops.length).toBeGreaterThan(30);
    const over: string[] = [];
    const costs: [string, number][] = [];
    for (const { name, document, variables } of ops) {
      const errors = validate(schema, document, rules);
      if (errors.length) over.push(`${name}: ${errors.map((e) => e.message).join('; ')}`);
      const tokens = print(document).split(/[\s{}():,!$@]+/).filter(Boolean).length;
      if (tokens > config.graphqlLimits.maxTokens) over.push(`${name}: ~${tokens} tokens`);
      let cost: number;
      try {
        cost = queryCost(schema, document, variables);
      } catch {
        // A required argument fed by a variable (a mutation's input) cannot be costed without
        // its value; such operations return one object, never a list.
        const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        if (op?.operation !== OperationTypeNode.MUTATION) over.push(`${name}: could not be costed`);
        continue;
      }
      costs.push([name, cost]);
      if (cost > config.graphqlLimits.maxCost) over.push(`${name}: cost ${cost}`);
    }
    expect(over).toEqual([]);
  });

  it('declares a bound on every object list that is not a connection', async () => {
    const schema = await buildAppSchema();
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
        if (isListType(inner) && isObjectType(getNamedType(field.type)) && !declaresCost(field)) undeclared.push(`${type.name}.${field.name}`);
        if (isListType(inner) && !isObjectType(getNamedType(field.type))) continue;
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('multiplies a connection by its page size', async () => {
    const schema = await buildAppSchema();
    const { parse } = await import('graphql');
    const ten = queryCost(schema, parse('{ tickets(first: 10) { nodes { id requester { name } } } }'), {});
    const hundred = queryCost(schema, parse('{ tickets(first: 100) { nodes { id requester { name } } } }'), {});
    expect(ten).toBe(1 + 10 * 2);
    expect(hundred).toBe(1 + 100 * 2);
  });
});
