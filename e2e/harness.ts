import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../scripts/find-chromium';
import { startTestApp, type TestApp } from '../server/test/harness';

export const ROOT = join(__dirname, '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'atrium-demo';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface E2E {
  app: TestApp;
  browser: Browser;
  /** The server's base URL (the portal at /, the back office at /admin/). */
  url: string;
  /** A fresh browser context (its own localStorage) and page at desktop size. */
  newPage(): Promise<Page>;
  /** Saves test-results/screenshots/<name>.png (the full page, or just the viewport for dialogs). */
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real server on a real (cloned, seeded) database serving the built client, and a real
 * Chromium. One per test file; each test opens its own context so sessions never leak.
 */
export async function startE2E(): Promise<E2E> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found for the browser tests: ${INSTALL_HINT}.`);
  const app = await startTestApp({ env: { CLIENT_DIST_DIR: join(ROOT, 'client', 'dist') } });
  if (!app.app.clientMounted) {
    await app.close();
    throw new Error('The test server found no built client in client/dist (the e2e global setup builds it).');
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    browser,
    url: app.url,
    async newPage() {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1366, height: 860 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      // Surface the page's own errors in the test output: a broken bundle should be obvious.
      page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
      return page;
    },
    async screenshot(page, name, opts = {}) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}

/** Signs in through the portal's login form and waits for the app to show. */
export async function portalLogin(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs `email` (platform staff) in to the back office and waits for its overview. */
export async function staffLogin(page: Page, email = 'staff@atrium.test'): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Good to see you/ }).waitFor();
}

/**
 * Reads `read()` until it equals `expected` (a page re-rendering after a navigation), then
 * asserts once more so a mismatch fails with jest's diff.
 */
export async function eventuallyEqual<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}
