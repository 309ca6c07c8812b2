import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './harness';

/** A stand-in client build: the server only cares about the files' places, not their contents. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-dist-'));
  mkdirSync(join(dir, 'admin'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(dir, 'admin', 'index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(join(dir, 'assets', 'portal-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  return dir;
}

describe('serving the built client', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = fakeDist();
    t = await startTestApp({ seed: false, env: { CLIENT_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${t.url}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });

  it('answers the portal at / and on its client-side routes, revalidated on every load', async () => {
    for (const path of ['/', '/tickets', '/tickets/VGlja2V0OjE?tab=comments', '/account']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>portal</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers the back office at /admin/ and its own routes; /admin redirects to /admin/', async () => {
    for (const path of ['/admin/', '/admin/tenants', '/admin/tickets/1/show']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>admin</title>');
    }
    const bare = await get('/admin');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/admin/');
  });

  it('caches hashed assets for a year and answers 404 for missing files', async () => {
    const asset = await get('/assets/portal-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/portal-gone.js')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/logo.png')).status).toBe(404);
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('keeps the API paths the API’s: /graphql, /api/*, /healthz', async () => {
    const unknownApi = await get('/api/nope');
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    const res = await t.gql('{ __typename }');
    expect(res.data).toEqual({ __typename: 'Query' });
  });
});

describe('without a built client', () => {
  it('serves the API only', async () => {
    const t = await startTestApp({ seed: false, env: { CLIENT_DIST_DIR: join(tmpdir(), 'atrium-no-such-dist') } });
    try {
      expect(t.app.clientMounted).toBe(false);
      const res = await fetch(`${t.url}/`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'NOT_FOUND' });
    } finally {
      await t.close();
    }
  });
});
