import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import serverGlobalSetup from '../server/test/global-setup';

/**
 * The browser tests' global setup: build the client when its sources changed, then the same
 * throwaway PostgreSQL and migrated template as the server tests (shared when both run).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-client.js')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('Building the client for the browser tests failed (see above).');
  await serverGlobalSetup();
}
