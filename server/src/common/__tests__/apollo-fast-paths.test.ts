import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { apolloFastPaths, negotiatedMediaType } from '../apollo-fast-paths';

// The modules Apollo Server loads, resolved from it as apollo-fast-paths resolves them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fromApollo = (id: string) => require(require.resolve(id, { paths: [require.resolve('@apollo/server')] })) as unknown;
const Negotiator = fromApollo('negotiator') as new (req: { headers: { accept?: string } }) => { mediaType(available: string[]): string | undefined };
const apolloHash = fromApollo('@apollo/utils.createhash') as { createHash(kind: string): { update(s: string): { digest(e: 'hex'): string } } };

// The offers Apollo Server 5 makes (requestPipeline and chooseContentTypeForSingleResultResponse).
const OFFERS = [
  ['multipart/mixed; incrementalSpec=v0.2', 'multipart/mixed; deferSpec=20220824'],
  ['multipart/mixed', 'multipart/mixed; incrementalSpec=v0.2', 'multipart/mixed; deferSpec=20220824'],
  ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8'],
];
const ACCEPTS = [
  undefined,
  '*/*',
  'application/json',
  'application/graphql-response+json,application/json;q=0.9',
  'multipart/mixed;deferSpec=20220824, application/json',
  'multipart/mixed;incrementalSpec=v0.2',
  'text/html',
  'text/html, application/xhtml+xml;q=0.9, */*;q=0.8',
  ';;;,,, nonsense',
];

describe('Apollo fast paths', () => {
  it('are what Apollo Server calls', () => {
    expect(apolloFastPaths()).toEqual({ queryHash: true, negotiation: true, gatewayContext: true });
  });

  it("hash a query as SHA-256 in hex, Apollo's document key, for any text", () => {
    const texts = ['{ __typename }', '', 'query Q { ticket(id: "x") { subject } } # Résumé ✓ 日本', 'x'.repeat(100_000)];
    // Twice each (the second from memory), then more texts than are remembered, then the first again.
    for (const text of [...texts, ...texts, ...Array.from({ length: 700 }, (_, i) => `{ t${i} }`), ...texts]) {
      expect(apolloHash.createHash('sha256').update(text).digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    }
    expect(apolloHash.createHash('md5').update('{ a }').digest('hex')).toBe(createHash('md5').update('{ a }').digest('hex'));
  });

  it('negotiate exactly as Negotiator does, from memory the second time and after the memory is full', () => {
    const ask = (accept: string | undefined, offers: string[]) => new Negotiator({ headers: accept === undefined ? {} : { accept } }).mediaType(offers);
    for (let round = 0; round < 2; round++) {
      for (const accept of ACCEPTS) {
        for (const offers of OFFERS) expect(ask(accept, offers)).toBe(negotiatedMediaType(accept, offers));
      }
    }
    const jsonOffers = OFFERS[2] ?? [];
    // More distinct headers than are remembered: answers stay right as the memory is emptied.
    for (let i = 0; i < 600; i++) {
      const accept = `application/json;q=0.${i % 10}, application/graphql-response+json;q=0.${(i * 7) % 10}, text/x-${i}`;
      expect(ask(accept, jsonOffers)).toBe(negotiatedMediaType(accept, jsonOffers));
    }
  });

  it('leave answers unchanged through Apollo Server: the hash keys the document, Accept picks the type or refuses', async () => {
    const hashes: string[] = [];
    const server = new ApolloServer({
      typeDefs: 'type Query { "A greeting." hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
      plugins: [{ requestDidStart: async () => ({ didResolveSource: async ({ queryHash }) => void hashes.push(queryHash) }) }],
    });
    await server.start();
    try {
      const post = async (accept?: string) => {
        const headers = new HeaderMap([['content-type', 'application/json']]);
        if (accept) headers.set('accept', accept);
        const res = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query: '{ hello }' } },
          context: async () => ({}),
        });
        return { status: res.status ?? 200, type: res.headers.get('content-type'), body: res.body.kind === 'complete' ? res.body.string : '' };
      };
      expect(await post()).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: '{"data":{"hello":"hi"}}\n' });
      expect(await post('application/graphql-response+json')).toMatchObject({ status: 200, type: 'application/graphql-response+json; charset=utf-8' });
      expect((await post('text/html')).status).toBe(406);
      expect(hashes[0]).toBe(createHash('sha256').update('{ hello }').digest('hex'));
    } finally {
      await server.stop();
    }
  });

  it("give a gateway's executor the request as Apollo describes it, its status written through, with one hidden class for every request", async () => {
    const schema = buildSchema('type Query { "A greeting." hello("How many." n: Int): String }');
    const seen: GatewayGraphQLRequestContext[] = [];
    const server = new ApolloServer<{ who: string }>({
      gateway: {
        async load() {
          return {
            executor: async (request: GatewayGraphQLRequestContext) => {
              seen.push(request);
              const http = request.response!.http!;
              http.status = 299;
              http.headers.set('x-seen', String(http.status));
              http.headers.append('x-seen', 'again');
              return { data: { hello: `hi ${(request.context as { who: string }).who}` } };
            },
          };
        },
        onSchemaLoadOrUpdate(callback) {
          callback({ apiSchema: schema, coreSupergraphSdl: '' });
          return () => undefined;
        },
        async stop() {},
      },
    });
    await server.start();
    try {
      const post = (search: string) =>
        server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json'], ['x-from', 'test']]), search, body: { query: 'query Q($n: Int) { hello(n: $n) }', operationName: 'Q', variables: { n: 1 } } },
          context: async () => ({ who: 'you' }),
        });
      const res = await post('a=1');
      expect(res.status).toBe(299);
      expect(res.headers.get('x-seen')).toBe('299, again');
      expect(res.body.kind === 'complete' && res.body.string).toBe('{"data":{"hello":"hi you"}}\n');
      await post('?b=2');
      const [first, second] = seen;
      expect(first?.request).toMatchObject({ query: 'query Q($n: Int) { hello(n: $n) }', operationName: 'Q', variables: { n: 1 }, http: { method: 'POST', url: 'https://unknown-url.invalid/?a=1' } });
      expect(first?.request.http?.headers.get('x-from')).toBe('test');
      expect(second?.request.http?.url).toBe('https://unknown-url.invalid/?b=2');
      expect(first).toMatchObject({ operationName: 'Q', queryHash: createHash('sha256').update('query Q($n: Int) { hello(n: $n) }').digest('hex'), debug: false, requestIsBatched: false });
      expect(first?.document).toBeDefined();
      expect(first?.operation?.name?.value).toBe('Q');
      // The status accessors live on a shared prototype, not on each request's object.
      expect(Object.getOwnPropertyDescriptor(first.response!.http, 'status')).toBeUndefined();
      expect(Object.getPrototypeOf(first.response!.http)).toBe(Object.getPrototypeOf(second.response!.http));
    } finally {
      await server.stop();
    }
  });
});
