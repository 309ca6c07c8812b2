#!/usr/bin/env node
// Builds the client (portal and back office) into client/dist when its sources are newer than
// the last build, so `npm start` and the browser tests always serve what the sources say.
// `--force` builds regardless. Prints one line either way (two after a build: the sizes).
// After Vite, it writes a brotli (.br) and a gzip (.gz) copy next to every script, stylesheet,
// page and SVG, once, at the highest levels; the server sends them as they are.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');

const root = join(__dirname, '..');
const client = join(root, 'client');
const stamp = join(client, 'dist', '.build-stamp');
const SOURCES = ['src', 'public', 'index.html', 'admin', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === '__tests__') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const force = process.argv.includes('--force');
// This script's own changes (how the build is compressed) count as a change of the sources.
// The server's error-code map is bundled into the back office too.
const sourcesAt = Math.max(newest(__filename), newest(join(root, 'server/src/common/error-codes.ts')), ...SOURCES.map((s) => newest(join(client, s))));
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!force && builtAt >= sourcesAt) {
  console.log('client: build is up to date (client/dist)');
  process.exit(0);
}

console.log(builtAt ? 'client: sources changed since the last build; building…' : 'client: no build yet; building…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Always React's production build: under jest NODE_ENV is `test`, and Vite would otherwise bake
// that in (development React, propTypes and all), and the next `npm start` would serve it.
const env = { ...process.env, NODE_ENV: 'production' };
const run = spawnSync(npm, ['run', 'build', '-w', 'client', '--silent'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
if (run.status !== 0) {
  console.error('client: build failed (see above)');
  process.exit(run.status ?? 1);
}
const sizes = precompress(join(client, 'dist'));
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log('client: built into client/dist');
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`client: ${sizes.files} files precompressed: ${kb(sizes.raw)} -> ${kb(sizes.br)} brotli, ${kb(sizes.gz)} gzip`);

/** Writes file.br and file.gz next to each compressible file under dir (unless not smaller). */
function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = precompress(path);
      for (const k of Object.keys(totals)) totals[k] += sub[k];
      continue;
    }
    if (!/\.(js|mjs|css|html|svg)$/.test(entry.name)) continue;
    const raw = readFileSync(path);
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
    // A tiny file may grow; then the original is sent as it is.
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    totals.files += 1;
    totals.raw += raw.length;
    totals.br += Math.min(br.length, raw.length);
    totals.gz += Math.min(gz.length, raw.length);
  }
  return totals;
}
