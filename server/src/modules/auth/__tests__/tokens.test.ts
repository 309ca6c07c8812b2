import { createHmac } from 'node:crypto';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { signAccessToken, verifyAccessToken } from '../tokens';

/**
 * Access tokens must say when they were issued and when they expire, and may not live longer
 * than the configured lifetime (RFC 8725: exp required). A token signed with our own secret
 * that leaves either out, or grants itself a longer life, is refused as INVALID.
 */

let t: TestApp;
let token: string;

interface Claims {
  sub: string;
  sid: string;
  tid: string | null;
  gen: number;
  iss: string;
  aud: string;
  iat?: number;
  exp?: number;
}

const b64url = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** An HS256 JWT made by hand, not with the library under test. */
function signHs256(payload: object): string {
  const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', t.app.services.config.jwt.secret).update(unsigned).digest('base64url')}`;
}

const claimsOf = (jwt: string): Claims => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Claims;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const ttl = () => t.app.services.config.jwt.accessTtlSeconds;

function without(claims: Claims, key: 'iat' | 'exp'): Claims {
  const copy = { ...claims };
  delete copy[key];
  return copy;
}

const ME = '{ me { user { email } } }';
/** A permission-guarded query: its rule reports why the token was refused. */
const GUARDED = '{ tickets(first: 1) { totalCount } }';

async function expectWorks(jwt: string): Promise<void> {
  const res = await t.gql<{ me: { user: { email: string } } }>(ME, {}, { token: jwt });
  expect(res.errors).toBeUndefined();
  expect(res.data?.me.user.email).toBe('viewer@acme.test');
}

async function expectInvalid(jwt: string): Promise<void> {
  const res: GqlResponse = await t.gql(ME, {}, { token: jwt });
  expect(codeOf(res)).toBe('UNAUTHENTICATED');
  expect(res.data ?? null).toBeNull();
  const guarded = await t.gql(GUARDED, {}, { token: jwt });
  expect(codeOf(guarded)).toBe('UNAUTHENTICATED');
  expect(guarded.errors?.[0]?.extensions.reason).toBe('INVALID');
}

beforeAll(async () => {
  t = await startTestApp();
  token = (await t.login('viewer@acme.test')).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('access token lifetime over the API', () => {
  it('a normal token works, and so does a hand-made one with the same claims (control)', async () => {
    await expectWorks(token);
    const claims = claimsOf(token);
    expect(claims.exp).toBeDefined();
    expect(claims.iat).toBeDefined();
    await expectWorks(signHs256(claims));
    // Exactly the configured lifetime is allowed.
    const now = nowSeconds();
    await expectWorks(signHs256({ ...claims, iat: now, exp: now + ttl() }));
  });

  it('a correctly signed token without exp is refused', async () => {
    await expectInvalid(signHs256(without(claimsOf(token), 'exp')));
  });

  it('a correctly signed token without iat is refused', async () => {
    await expectInvalid(signHs256(without(claimsOf(token), 'iat')));
  });

  it('a token whose lifetime is longer than configured is refused', async () => {
    const now = nowSeconds();
    const claims = claimsOf(token);
    await expectInvalid(signHs256({ ...claims, iat: now, exp: now + ttl() + 1 }));
    await expectInvalid(signHs256({ ...claims, iat: now - 60, exp: now + 365 * 24 * 3600 }));
    // Dating iat into the future does not buy a longer life either.
    await expectInvalid(signHs256({ ...claims, iat: now + 3600, exp: now + 3600 + ttl() }));
  });

  it('exp and iat must be whole numbers', async () => {
    const now = nowSeconds();
    const claims = claimsOf(token);
    await expectInvalid(signHs256({ ...claims, iat: String(now), exp: now + 60 }));
    await expectInvalid(signHs256({ ...claims, iat: now + 0.5, exp: now + 60 }));
    await expectInvalid(signHs256({ ...claims, iat: now, exp: String(now + 60) }));
  });

  it('the original token still works afterwards', async () => {
    await expectWorks(token);
  });
});

describe('verifyAccessToken', () => {
  const claims = { sub: 'u', sid: 's', tid: null, gen: 0 };

  it('accepts its own tokens until they expire, then says EXPIRED', () => {
    const config = t.app.services.config;
    const issued = Date.UTC(2030, 0, 1);
    const { token: own } = signAccessToken(config, claims, issued);
    expect(verifyAccessToken(config, own, issued)).toEqual({ ok: true, claims });
    expect(verifyAccessToken(config, own, issued + (ttl() - 1) * 1000)).toEqual({ ok: true, claims });
    expect(verifyAccessToken(config, own, issued + (ttl() + 1) * 1000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses tokens missing exp or iat, or living too long, as INVALID', () => {
    const config = t.app.services.config;
    const now = nowSeconds();
    const base = { ...claims, iss: config.jwt.issuer, aud: config.jwt.audience };
    expect(verifyAccessToken(config, signHs256({ ...base, iat: now, exp: now + 60 }))).toEqual({ ok: true, claims });
    expect(verifyAccessToken(config, signHs256({ ...base, iat: now }))).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyAccessToken(config, signHs256({ ...base, exp: now + 60 }))).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyAccessToken(config, signHs256({ ...base, iat: now, exp: now + ttl() + 1 }))).toEqual({ ok: false, reason: 'INVALID' });
    expect(verifyAccessToken(config, signHs256({ ...base, iat: now + 120, exp: now + 180 }))).toEqual({ ok: false, reason: 'INVALID' });
  });
});
