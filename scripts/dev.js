#!/usr/bin/env node
// `npm run dev`: the API (compiled once, on PORT, default 4000) and Vite's dev server with hot
// reload (VITE_PORT, default 5173), which proxies /graphql, /api and the health checks to the
// API. Ctrl-C stops both.
'use strict';

const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const apiPort = process.env.PORT || '4000';
const vitePort = process.env.VITE_PORT || '5173';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const children = [];
let stopping = false;

function start(name, args, env) {
  const child = spawn(npm, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the other process too.`);
    stop(code ?? 1);
  });
  children.push(child);
}

function stop(code) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('API', ['run', 'dev', '-w', 'server'], { PORT: apiPort });
start('Vite', ['run', 'dev', '-w', 'client', '--', '--port', vitePort], { ATRIUM_API_URL: `http://localhost:${apiPort}`, VITE_PORT: vitePort });
console.log(`\nDev servers: portal http://localhost:${vitePort}/  back office http://localhost:${vitePort}/admin/  (API on :${apiPort})\n`);
