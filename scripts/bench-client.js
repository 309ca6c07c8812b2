// First load of each app (not a test): `npm run bench:client -- [--runs 7] URL [URL2]`.
//
// Against a running Atrium (`npm start`, http://localhost:4000 by default), for the portal's
// sign-in page (/login) and the back office (/admin/), each run in a fresh browser context (empty
// cache, no service worker): the bytes transferred (compressed, headers included) and requests
// until the page is idle, and the time from navigation to the sign-in form's Email field being
// visible. With a second URL (another build, e.g. an older commit started on another port) the
// two are visited in turns, so that a noisy machine affects both alike. Prints medians.
'use strict';

const { findChromium, INSTALL_HINT } = require('./find-chromium');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(args.splice(runsAt, 2)[1]) || 7) : 7;
const targets = args.length ? args : ['http://localhost:4000'];
const PAGES = [
  { name: 'portal sign-in', path: '/login' },
  { name: 'back office sign-in', path: '/admin/' },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** One cold visit: bytes and requests until network idle, and ms until the Email field shows. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByLabel('Email').first().waitFor({ state: 'visible', timeout: 30_000 });
  const formMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { formMs, bytes, requests };
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found: ${INSTALL_HINT}.`);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results = new Map();
    // Warm each server once (its own caches, the OS's file cache), then visit in turns.
    for (const base of targets) for (const p of PAGES) await visit(browser, base + p.path);
    for (let run = 0; run < RUNS; run++) {
      for (const p of PAGES) {
        for (const base of targets) {
          const key = `${p.name}|${base}`;
          const r = await visit(browser, base + p.path);
          results.set(key, [...(results.get(key) ?? []), r]);
        }
      }
    }
    console.log(`| page | server | KiB transferred | requests | ms to the sign-in form (median of ${RUNS}) |`);
    console.log('|---|---|---|---|---|');
    for (const p of PAGES) {
      for (const base of targets) {
        const rs = results.get(`${p.name}|${base}`) ?? [];
        const kib = (median(rs.map((r) => r.bytes)) / 1024).toFixed(0);
        console.log(`| ${p.name} | ${base} | ${kib} | ${median(rs.map((r) => r.requests))} | ${median(rs.map((r) => r.formMs))} |`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
