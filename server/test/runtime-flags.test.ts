import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node flags the server runs with are one decision, made where the server is started: the
 * Docker image's CMD, `npm start` and `npm run bench` (bench/peer reads them from the image).
 */
const ROOT = join(__dirname, '..', '..');

/** The flags between `node` and the script in a command line (`node <flags> <script>`). */
function flagsBefore(argv: readonly string[], script: string): string[] {
  const at = argv.indexOf(script);
  expect(argv[0]).toBe('node');
  expect(at).toBeGreaterThan(0);
  return argv.slice(1, at);
}

function dockerCmd(): string[] {
  const line = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8').split('\n').filter((l) => l.startsWith('CMD [')).at(-1);
  expect(line).toBeDefined();
  return JSON.parse(line!.slice('CMD '.length)) as string[];
}

/** The `node …` command of an npm script (the last command of an `a && b && node …` chain). */
function npmScript(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const last = scripts[name].split('&&').at(-1)!.trim();
  return last.split(/\s+/);
}

/** The flags the Docker image runs the server with. */
const imageFlags = () => flagsBefore(dockerCmd(), 'server/dist/main.js');

describe('runtime flags', () => {
  it('the image, npm start and npm run bench run the server with the same Node flags', () => {
    const flags = imageFlags();
    expect(flags).toContain('--max-semi-space-size=16');
    expect(flags).toContain('--heap-growing-percent=100');
    expect(flagsBefore(npmScript('start'), 'server/dist/main.js')).toEqual(flags);
    expect(flagsBefore(npmScript('bench'), 'server/dist/bench/run.js')).toEqual(flags);
  });

  it('the flags are accepted by this Node and hold the young generation at 2 x 16 MiB under allocation', () => {
    // Allocates about 2 GiB in objects of which a quarter survive a while, then reports the new
    // space's largest size: without the flag, Node 24 grows it to 128 MiB here (Node 20: 32).
    const script = `
      const v8 = require('node:v8');
      let keep = [], max = 0;
      for (let i = 0; i < 3000000; i++) {
        const o = { i, s: 'x'.repeat(64), a: new Array(64).fill(i) };
        if (i % 4 === 0) keep.push(o);
        if (keep.length > 50000) keep = [];
        if (i % 1000 === 0) max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
      }
      process.stdout.write(String(max));`;
    const newSpace = Number(execFileSync(process.execPath, [...imageFlags(), '-e', script], { encoding: 'utf8' }));
    expect(newSpace).toBeGreaterThan(0);
    expect(newSpace).toBeLessThanOrEqual(2 * 16 * 1024 * 1024);
  });
});
