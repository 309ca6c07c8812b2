import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../../config';

export interface AccessClaims {
  sub: string;
  sid: string;
  tid: string | null;
  /** The session's generation when the token was issued. */
  gen: number;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

const ALGORITHM = 'HS256';

// A KeyObject made once: given a string, jsonwebtoken parses it as a key on every call
// (first trying it as a public key), which showed up as ~5% of CPU in the benchmark.
const keys = new WeakMap<Config['jwt'], KeyObject>();
function keyOf(config: Config): KeyObject {
  let key = keys.get(config.jwt);
  if (!key) {
    key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
    keys.set(config.jwt, key);
  }
  return key;
}

export function signAccessToken(config: Config, claims: AccessClaims, now = Date.now()): SignedAccessToken {
  const iat = Math.floor(now / 1000);
  const exp = iat + config.jwt.accessTtlSeconds;
  const token = jwt.sign({ sub: claims.sub, sid: claims.sid, tid: claims.tid, gen: claims.gen, iat, exp }, keyOf(config), {
    algorithm: ALGORITHM,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
  });
  return { token, expiresAt: new Date(exp * 1000) };
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'EXPIRED' | 'INVALID' };

/** Leeway for clocks that disagree about "now" when checking a token's issue time. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * True when the token says when it was issued and when it expires (jsonwebtoken accepts tokens
 * without `exp`; RFC 8725 expects it required), and its lifetime is no longer than the one we
 * issue. `exp` itself is checked against now by jwt.verify.
 */
function hasBoundedLifetime(config: Config, payload: jwt.JwtPayload, now: number): boolean {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isInteger(iat) || !Number.isInteger(exp)) return false;
  return iat <= now + CLOCK_SKEW_SECONDS && exp > iat && exp - iat <= config.jwt.accessTtlSeconds;
}

/*
 * Tokens that verified, by their exact text, with their expiry: each request checks its token
 * twice (the query-cost throttle picks the bucket before the session look-up, then the context
 * authenticates), and a client sends the same token for 15 minutes. A hit skips the HMAC and the
 * JSON parsing but not the expiry, which is checked against `now` on every use. Only successes
 * are kept (a made-up token cannot fill the map with misses); past the bound the map is emptied.
 */
const MAX_VERIFIED = 10_000;
const verifiedTokens = new WeakMap<Config['jwt'], Map<string, { claims: AccessClaims; expMs: number }>>();

/** Verifies signature, algorithm (pinned), issuer, audience, expiry and a bounded lifetime. */
export function verifyAccessToken(config: Config, token: string, now = Date.now()): VerifyResult {
  let cache = verifiedTokens.get(config.jwt);
  const hit = cache?.get(token);
  if (hit) {
    if (now < hit.expMs) return { ok: true, claims: hit.claims };
    cache?.delete(token);
    return { ok: false, reason: 'EXPIRED' };
  }
  const result = verifyUncached(config, token, now);
  if (result.ok) {
    if (!cache) verifiedTokens.set(config.jwt, (cache = new Map<string, { claims: AccessClaims; expMs: number }>()));
    if (cache.size >= MAX_VERIFIED) cache.clear();
    cache.set(token, { claims: result.claims, expMs: result.expMs });
  }
  return result.ok ? { ok: true, claims: result.claims } : result;
}

function verifyUncached(config: Config, token: string, now: number): { ok: true; claims: AccessClaims; expMs: number } | Extract<VerifyResult, { ok: false }> {
  try {
    const payload = jwt.verify(token, keyOf(config), {
      algorithms: [ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      clockTimestamp: Math.floor(now / 1000),
    });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return { ok: false, reason: 'INVALID' };
    if (!hasBoundedLifetime(config, payload, Math.floor(now / 1000))) return { ok: false, reason: 'INVALID' };
    const { tid, gen } = payload as { tid?: unknown; gen?: unknown };
    if (typeof gen !== 'number' || !Number.isInteger(gen)) return { ok: false, reason: 'INVALID' };
    return { ok: true, claims: { sub: payload.sub, sid: payload.sid, tid: typeof tid === 'string' ? tid : null, gen }, expMs: (payload.exp ?? 0) * 1000 };
  } catch (err) {
    return { ok: false, reason: err instanceof jwt.TokenExpiredError ? 'EXPIRED' : 'INVALID' };
  }
}

/** Opaque refresh token: 32 random bytes. Only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
