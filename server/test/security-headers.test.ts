import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { rawRequest, type RawResponse, startTestApp, type TestApp } from './harness';

const PAGE = (title: string) => `<!doctype html><title>${title}</title><script type="module" src="/assets/admin-abc123.js"></script><div id="root"></div>`;
const SCRIPT = `export const words = ${JSON.stringify('atrium back office '.repeat(200))};\n`;
const STYLE = 'body { margin: 0; font-family: system-ui, sans-serif; }\n'.repeat(40);

/**
 * A client build as scripts/build-client.js leaves it: each page, script and stylesheet with
 * its brotli and gzip copies, and a source map next to the script.
 */
function builtClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-dist-'));
  const files: Record<string, string> = {
    'index.html': PAGE('portal'),
    'admin/index.html': PAGE('admin'),
    'assets/admin-abc123.js': SCRIPT,
    'assets/admin-abc123.css': STYLE,
  };
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    writeFileSync(`${file}.br`, brotliCompressSync(text));
    writeFileSync(`${file}.gz`, gzipSync(text));
  }
  writeFileSync(join(dir, 'assets', 'admin-abc123.js.map'), JSON.stringify({ version: 3, sources: ['src/admin/main.tsx'], sourcesContent: ['secret'] }));
  return dir;
}


const postGraphql = (base: string) =>
  rawRequest(base, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

function expectCommonHeaders(res: RawResponse): void {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

function expectAppPolicy(res: RawResponse): void {
  const csp = String(res.headers['content-security-policy']).split(';');
  expect(csp).toEqual(
    expect.arrayContaining(["default-src 'self'", "script-src 'self'", "connect-src 'self'", "style-src 'self' 'unsafe-inline'", "object-src 'none'", "frame-ancestors 'none'", "img-src 'self' blob:", "frame-src 'self' blob:"]),
  );
}

const API_POLICY = "default-src 'none';frame-ancestors 'none'";

describe('secure headers outside production', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = builtClient();
    t = await startTestApp({ seed: false, env: { CLIENT_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('gives the API a strict policy and the common headers, without HSTS', async () => {
    const res = await postGraphql(t.url);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ data: { __typename: 'Query' } });
    expect(res.headers['content-security-policy']).toBe(API_POLICY);
    expectCommonHeaders(res);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // Answers are per caller: no browser or proxy may keep one.
    expect(res.headers['cache-control']).toBe('no-store');
    for (const path of ['/healthz', '/api/nope']) {
      expect((await rawRequest(t.url, path)).headers['content-security-policy']).toBe(API_POLICY);
    }
  });

  it('gives both apps their policy: scripts and connections from the API origin only, no framing', async () => {
    for (const path of ['/', '/login', '/admin/', '/admin/tickets']) {
      const res = await rawRequest(t.url, path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expectAppPolicy(res);
      expect(String(res.headers['content-security-policy'])).not.toMatch(/script-src[^;]*'unsafe-/);
      expectCommonHeaders(res);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('leaves Apollo’s sandbox page (development only) without a CSP, so its inline and CDN scripts run', async () => {
    const res = await rawRequest(t.url, '/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expectCommonHeaders(res);
  });

  it('sends scripts, stylesheets and pages brotli-compressed when accepted, else gzip, else plain', async () => {
    for (const [path, type, original] of [
      ['/assets/admin-abc123.js', /javascript/, SCRIPT],
      ['/assets/admin-abc123.css', /^text\/css/, STYLE],
    ] as const) {
      const br = await rawRequest(t.url, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('Accept-Encoding');
      expect(br.headers['content-type']).toMatch(type);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.body.length).toBeLessThan(original.length);
      expect(brotliDecompressSync(br.body).toString()).toBe(original);

      const gz = await rawRequest(t.url, path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['content-type']).toMatch(type);
      expect(gunzipSync(gz.body).toString()).toBe(original);

      const plain = await rawRequest(t.url, path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(original);
    }
    // The apps' pages too, on their client-side routes, still revalidated on every load.
    for (const [path, page] of [
      ['/tickets', PAGE('portal')],
      ['/admin/users', PAGE('admin')],
    ] as const) {
      const res = await rawRequest(t.url, path, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.body).toString()).toBe(page);
    }
  });

  it('never serves a source map', async () => {
    const res = await rawRequest(t.url, '/assets/admin-abc123.js.map');
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('secret');
  });
});

describe('secure headers in production', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = builtClient();
    // Production refuses to start without DATABASE_URL; the harness opens its own database anyway.
    t = await startTestApp({ seed: false, env: { NODE_ENV: 'production', DATABASE_URL: process.env.ATRIUM_TEST_ADMIN_URL ?? '', SMTP_URL: 'smtp://mail.invalid:25', CLIENT_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('adds HSTS to the API and the apps', async () => {
    const api = await postGraphql(t.url);
    expect(api.status).toBe(200);
    expect(api.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(api.headers['content-security-policy']).toBe(API_POLICY);
    expectCommonHeaders(api);
    for (const path of ['/', '/admin/']) {
      const res = await rawRequest(t.url, path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expectAppPolicy(res);
      expectCommonHeaders(res);
    }
  });

  it('has no sandbox page to relax the policy for, and serves no source map', async () => {
    const page = await rawRequest(t.url, '/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers['content-security-policy']).toBe(API_POLICY);
    expect(page.body.toString()).not.toMatch(/<script/i);
    const map = await rawRequest(t.url, '/assets/admin-abc123.js.map');
    expect(map.status).toBe(404);
    expect(map.body.toString()).not.toContain('secret');
    const br = await rawRequest(t.url, '/assets/admin-abc123.js', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
  });
});
