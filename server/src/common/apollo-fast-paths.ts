import { hash } from 'node:crypto';

/**
 * Two per-request costs inside Apollo Server 5, measured on the read path and taken off without
 * changing any answer. Apollo offers no option for either, so the functions it calls are replaced
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
 *
 * `apolloFastPaths()` says whether both are in place; a test fails when an upgrade of Apollo or of
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

/** At most this many (Accept header, offer) answers are remembered; then they are forgotten at once. */
const MAX_REMEMBERED = 256;
/** SHA-256 digests of at most this many query texts are remembered, each at most MAX_REMEMBERED_TEXT characters (under 2 MiB in all). */
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

hashModule.createHash = oneShotHash;
Negotiator.prototype.mediaType = rememberedMediaType;

/** Whether both replacements are what Apollo Server's own modules call now. */
export function apolloFastPaths(): { queryHash: boolean; negotiation: boolean } {
  return { queryHash: hashModule.createHash === oneShotHash, negotiation: Negotiator.prototype.mediaType === rememberedMediaType };
}

/** Negotiator's own answer, without the memory (for tests comparing the two). */
export function negotiatedMediaType(accept: string | undefined, available: readonly string[]): string | undefined {
  return originalMediaType.call(new Negotiator({ headers: { accept } }), available);
}
