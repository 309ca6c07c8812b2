#!/usr/bin/env node
// Runs jest (extra CLI args are passed through), then prints a one-line summary:
// "N passed, M failed[, K skipped]". Exits with jest's exit code.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const outDir = join(root, 'test-results');
const outFile = join(outDir, 'jest.json');
mkdirSync(outDir, { recursive: true });
rmSync(outFile, { force: true }); // never report a stale result

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [jest, ...process.argv.slice(2), '--json', `--outputFile=${outFile}`];
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
console.log(`\n${summary}`);
process.exit(code);
