/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const clientDir = join(root, 'client');
const gqlDir = join(clientDir, 'src', 'gql');

/** Runs codegen in its own process (it loads its presets with dynamic imports) without writing. */
function generateInMemory(): { filename: string; content: string }[] {
  const script = `
    const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
    (async () => {
      const { config } = await loadCodegenConfig({ configFilePath: ${JSON.stringify(join(root, 'codegen.yml'))} });
      const out = await generate({ ...config, cwd: ${JSON.stringify(root)}, silent: true }, false);
      process.stdout.write(JSON.stringify(out.map((o) => ({ filename: o.filename, content: o.content }))));
    })().catch((err) => { console.error(err); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: clientDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`codegen failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as { filename: string; content: string }[];
}

/**
 * client/src/gql is generated from schema.graphql and the client's documents, and committed.
 * This regenerates it in memory and compares: a schema change or a new document without
 * `npm run codegen` fails here, in CI, rather than at run time.
 */
describe('generated GraphQL client code', () => {
  it('matches what `npm run codegen` produces from schema.graphql and the documents', () => {
    const outputs = generateInMemory();
    expect(outputs.map((o) => o.filename).sort()).toEqual(readdirSync(gqlDir).map((f) => `client/src/gql/${f}`).sort());
    for (const { filename, content } of outputs) {
      const path = join(root, filename);
      const onDisk = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (onDisk !== content) throw new Error(`${filename} is stale: run \`npm run codegen\` and commit the result.`);
    }
  }, 60_000);
});
