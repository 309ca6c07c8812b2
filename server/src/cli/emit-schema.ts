import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchemaFile } from '../schema-file';

/** Writes schema.graphql at the repository root (committed; a test fails when it is stale). */
async function main(): Promise<void> {
  const target = resolve(__dirname, '../../../schema.graphql');
  writeFileSync(target, await printSchemaFile());
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
