import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../common/logger';
import { startEmbeddedPostgres } from '../embedded';

/**
 * The embedded PostgreSQL (what `npm start` runs without DATABASE_URL) says why it cannot start
 * when its port is taken (a second checkout's cluster, an old one still running), instead of
 * failing with nothing to say. Refused before anything is written to its directory.
 */
describe('the embedded PostgreSQL on a port that is taken', () => {
  let server: Server;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    dir = mkdtempSync(join(tmpdir(), 'atrium-embedded-busy-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses with the port, the likely cause and the ways out', async () => {
    const started = startEmbeddedPostgres({ dir: join(dir, 'postgres'), port, password: 'unused', database: 'atrium', logger: createLogger('silent') });
    await expect(started).rejects.toThrow(`Port ${port} on 127.0.0.1 is in use (another Atrium's embedded PostgreSQL?): stop it, or set EMBEDDED_PG_PORT to a free port, or DATABASE_URL.`);
  });
});
