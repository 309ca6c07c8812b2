#!/usr/bin/env node
// Runs jest (extra CLI args are passed through), then prints a one-line summary:
// "N passed, M failed[, K skipped]". Exits with jest's exit code.
//
// The browser tests (project e2e) need Chromium. Without one, a plain `npm test` runs the other
// projects and says so plainly; under CI (CI=true) the browser tests run anyway and fail, so a
// CI machine without Chromium can never pass by accident.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { findChromium, INSTALL_HINT } = require('./find-chromium');

const root = join(__dirname, '..');
const outDir = join(root, 'test-results');
const outFile = join(outDir, 'jest.json');
mkdirSync(outDir, { recursive: true });
rmSync(outFile, { force: true }); // never report a stale result

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const userArgs = process.argv.slice(2);
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const chromium = findChromium();
let browserNote = null;
if (!chromium) {
  if (ci) {
    browserNote = `Browser tests: no Chromium found; under CI they run and fail. To fix, ${INSTALL_HINT}.`;
  } else if (userArgs.length === 0) {
    userArgs.push('--selectProjects', 'server', 'client');
    browserNote = `Browser tests were NOT run: no Chromium found. To run them, ${INSTALL_HINT}.`;
  }
}
if (browserNote) console.log(browserNote);
const args = [jest, ...userArgs, '--json', `--outputFile=${outFile}`];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
const code = run.status ?? 1; // null when killed by a signal

let results = null;
if (existsSync(outFile)) {
  try {
    results = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    results = null;
  }
}

if (!results) {
  console.log('\n0 passed, 1 failed');
  process.exit(code === 0 ? 1 : code);
}

let summary = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
if (results.numPendingTests > 0) summary += `, ${results.numPendingTests} skipped`;
if (browserNote) console.log(`\n${browserNote}`);
console.log(`\n${summary}`);
process.exit(code);
