import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { BaseContext, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { hash } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * Three per-request costs inside Apollo Server 5, measured on the read path and taken off without
 * changing any answer. Apollo offers no option for them, so the functions it calls are replaced
 * in the modules it loads them from, once, when this module is first imported (app.ts).
 *
 * 1. The query hash. Every request hashes its query text (SHA-256, the document cache's key)
 *    through `@apollo/utils.createhash`, whose `createHash()` calls `module.require('crypto')` on
 *    every call (a module look-up each time) and builds a streaming Hash object. Here the same
 *    digest comes from Node's one-shot `crypto.hash()`, and the digests of the query texts clients
 *    keep sending (a few hundred, each of a few KiB at most) are remembered: a look-up by the text
 *    costs far less than hashing it again (OpenSSL sets up the digest anew on each call). Together
 *    these were about 5 % of the CPU of a one-ticket read (q4one in bench/peer).
 * 2. Content negotiation. Each request builds two `Negotiator`s over its Accept header (whether
 *    the answer may be multipart, and which JSON media type), each parsing the header again.
 *    `Negotiator#mediaType` depends only on the Accept header and the offered types, so its
 *    answers are remembered per (header, offer) pair, a bounded handful. About 3 %.
 * 3. The request as the executor sees it. Operations run through Apollo's gateway interface
 *    (compiled-execution.ts), and Apollo hands the executor an object made per request by
 *    `makeGatewayGraphQLRequestContext`, whose `response.http` is an object literal with a `status`
 *    getter and setter. V8 gives every such literal a hidden class of its own (its accessors are
 *    new closures each time), kept in old space and pointing at the closures, which hold the whole
 *    request: its context, entity manager and loaders. A minor GC treats old space as live, so each
 *    request's objects outlived the young generation and were promoted, about 6 KB per request
 *    even for `{ __typename }`, freed only by the next full GC: more old-space growth, more full
 *    GCs, higher memory under load. The replacement builds the same object with the accessors on a
 *    class's prototype, so every request shares one hidden class.
 *
 * `apolloFastPaths()` says whether all three are in place; a test fails when an upgrade of Apollo or of
 * these modules moves the functions, so the saving cannot silently disappear or apply to the wrong
 * function.
 */

interface HashModule {
  createHash: (kind: string) => { update(data: string): unknown; digest(encoding: 'hex'): string };
}
type MediaType = (this: NegotiatorLike, available?: readonly string[]) => string | undefined;
interface NegotiatorClass {
  new (request: NegotiatorLike['request']): NegotiatorLike;
  prototype: { mediaType: MediaType };
}
interface NegotiatorLike {
  request: { headers: Record<string, string | string[] | undefined> };
}

const apolloServer = require.resolve('@apollo/server');
// The copies Apollo Server itself loads, wherever the package manager placed them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hashModule = require(require.resolve('@apollo/utils.createhash', { paths: [apolloServer] })) as HashModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Negotiator = require(require.resolve('negotiator', { paths: [apolloServer] })) as NegotiatorClass;
type MakeGatewayContext = (
  requestContext: GraphQLRequestContext<BaseContext>,
  server: { logger: GatewayGraphQLRequestContext['logger']; cache: GatewayGraphQLRequestContext['cache'] },
  internals: { includeStacktraceInErrorResponses: boolean },
) => GatewayGraphQLRequestContext;
// The module requestPipeline.js calls it from (the package's CommonJS build, beside its index.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gatewayContextModule = require(join(dirname(apolloServer), 'utils', 'makeGatewayGraphQLRequestContext.js')) as { makeGatewayGraphQLRequestContext: MakeGatewayContext };
const originalGatewayContext = gatewayContextModule.makeGatewayGraphQLRequestContext;

/** At most this many (Accept header, offer) answers are remembered, then forgotten at once (a header is at most Node's 16 KiB of headers). */
const MAX_REMEMBERED = 256;
/** SHA-256 digests of at most this many query texts are remembered, each at most MAX_REMEMBERED_TEXT characters (4 MiB at the very most). */
const MAX_DIGESTS = 512;
const MAX_REMEMBERED_TEXT = 4096;
const digests = new Map<string, string>();

/** The SHA-256 digest (hex) of a text, remembered for the texts that come again. */
function sha256Hex(text: string): string {
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = hash('sha256', text, 'hex');
    if (text.length <= MAX_REMEMBERED_TEXT) {
      if (digests.size >= MAX_DIGESTS) digests.clear();
      digests.set(text, digest);
    }
  }
  return digest;
}

/** A SHA-256 (or other) digest with the streaming interface Apollo expects, computed in one call. */
function oneShotHash(kind: string) {
  const parts: string[] = [];
  const hasher = {
    update(data: string) {
      parts.push(data);
      return hasher;
    },
    digest(encoding: 'hex') {
      const text = parts.join('');
      return kind === 'sha256' && encoding === 'hex' ? sha256Hex(text) : hash(kind, text, encoding);
    },
  };
  return hasher;
}

const originalMediaType = Negotiator.prototype.mediaType;
const remembered = new Map<string, string | undefined>();

function rememberedMediaType(this: NegotiatorLike, available?: readonly string[]): string | undefined {
  const accept = this.request.headers.accept;
  // Only the shapes Apollo asks about: one header string (or none) and a list of offers.
  if (!available || (accept !== undefined && typeof accept !== 'string')) return originalMediaType.call(this, available);
  const key = `${accept ?? '\0'}\n${available.join('\n')}`;
  if (remembered.has(key)) return remembered.get(key);
  const answer = originalMediaType.call(this, available);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, answer);
  return answer;
}

/**
 * Apollo's own Fetch-style view of a HeaderMap (its module-private FetcherHeadersForHeaderMap),
 * taken once from what the original function makes of an empty request, so the headers an
 * executor reads and writes behave exactly as Apollo's.
 */
type GatewayHeaders = NonNullable<GatewayGraphQLRequestContext['request']['http']>['headers'];
const GatewayHeaders = (() => {
  const probe = { request: { http: { method: 'POST', headers: new Map(), search: '' } }, response: { http: { headers: new Map() } } };
  const made = originalGatewayContext(probe as unknown as GraphQLRequestContext<BaseContext>, { logger: console, cache: undefined as never }, { includeStacktraceInErrorResponses: false });
  return (made.request.http?.headers as object).constructor as new (map: HeaderMap) => GatewayHeaders;
})();

/** The response's HTTP head as the executor sees it: the status read from and written to Apollo's. */
class GatewayResponseHttp {
  readonly headers: GatewayHeaders;
  constructor(private readonly requestContext: GraphQLRequestContext<BaseContext>) {
    this.headers = new GatewayHeaders(requestContext.response.http.headers);
  }
  get status(): number | undefined {
    return this.requestContext.response.http.status;
  }
  set status(status: number | undefined) {
    this.requestContext.response.http.status = status;
  }
}

/** What `makeGatewayGraphQLRequestContext` (Apollo Server 5.x) makes, field for field, with one hidden class for every request. */
const gatewayContext: MakeGatewayContext = (requestContext, server, internals) => {
  const source = requestContext.request;
  const request: GatewayGraphQLRequestContext['request'] = {};
  if ('query' in source) request.query = source.query;
  if ('operationName' in source) request.operationName = source.operationName;
  if ('variables' in source) request.variables = source.variables;
  if ('extensions' in source) request.extensions = source.extensions;
  if (source.http) {
    const http = source.http;
    const needQuestion = http.search !== '' && !http.search.startsWith('?');
    request.http = { method: http.method, url: `https://unknown-url.invalid/${needQuestion ? '?' : ''}${http.search}`, headers: new GatewayHeaders(http.headers) };
  }
  return {
    request,
    response: { http: new GatewayResponseHttp(requestContext) },
    logger: server.logger,
    schema: requestContext.schema,
    schemaHash: 'schemaHash no longer exists since Apollo Server 4' as GatewayGraphQLRequestContext['schemaHash'],
    context: requestContext.contextValue,
    cache: server.cache,
    queryHash: requestContext.queryHash,
    document: requestContext.document,
    source: requestContext.source,
    operationName: requestContext.operationName,
    operation: requestContext.operation,
    errors: requestContext.errors,
    metrics: requestContext.metrics,
    debug: internals.includeStacktraceInErrorResponses,
    overallCachePolicy: requestContext.overallCachePolicy,
    requestIsBatched: requestContext.requestIsBatched,
  } as GatewayGraphQLRequestContext;
};

hashModule.createHash = oneShotHash;
Negotiator.prototype.mediaType = rememberedMediaType;
gatewayContextModule.makeGatewayGraphQLRequestContext = gatewayContext;

/** Whether the three replacements are what Apollo Server's own modules call now. */
export function apolloFastPaths(): { queryHash: boolean; negotiation: boolean; gatewayContext: boolean } {
  return {
    queryHash: hashModule.createHash === oneShotHash,
    negotiation: Negotiator.prototype.mediaType === rememberedMediaType,
    gatewayContext: gatewayContextModule.makeGatewayGraphQLRequestContext === gatewayContext,
  };
}

/** Negotiator's own answer, without the memory (for tests comparing the two). */
export function negotiatedMediaType(accept: string | undefined, available: readonly string[]): string | undefined {
  return originalMediaType.call(new Negotiator({ headers: { accept } }), available);
}
