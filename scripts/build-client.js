#!/usr/bin/env node
// Builds the client (portal and back office) into client/dist when its sources are newer than
// the last build, so `npm start` and the browser tests always serve what the sources say.
// `--force` builds regardless. Prints one line either way.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

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
const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(client, s))));
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!force && builtAt >= sourcesAt) {
  console.log('client: build is up to date (client/dist)');
  process.exit(0);
}

console.log(builtAt ? 'client: sources changed since the last build; building…' : 'client: no build yet; building…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['run', 'build', '-w', 'client', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (run.status !== 0) {
  console.error('client: build failed (see above)');
  process.exit(run.status ?? 1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log('client: built into client/dist');
