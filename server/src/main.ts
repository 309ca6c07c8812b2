import 'reflect-metadata';
import { loadConfig, ConfigError } from './config';
import { createApp } from './app';
import { createLogger } from './common/logger';
import { openDatabase, runMigrations } from './database/database';
import { startEventRetention } from './modules/events/event-retention';
import { RunExecutor } from './modules/runs/run.executor';
import { createToolRegistry } from './modules/runs/handlers';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seeders/demo.seeder';

function prettyLogs(): boolean {
  try {
    require.resolve('pino-pretty');
    return process.stdout.isTTY === true;
  } catch {
    return false;
  }
}

/** Where mail goes, for the start-up lines: the SMTP server without its credentials, or the mailbox page. */
function mailTarget(smtpUrl: string | null, base: string): string {
  if (!smtpUrl) return `development mailbox at ${base}/dev/mailbox (SMTP_URL is unset)`;
  const url = new URL(smtpUrl);
  return `SMTP ${url.protocol}//${url.host}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, !config.isProduction && prettyLogs());
  const db = await openDatabase(config, logger, { forRequests: true });
  let closing = false;
  const app = await (async () => {
    await runMigrations(db.url, logger);
    if (config.seedDemoData) await seedDemoData(db.orm, logger, { kycStorageDir: config.kyc.storageDir });
    return createApp(config, db.orm, logger);
  })().catch(async (err) => {
    await db.close().catch(() => undefined);
    throw err;
  });

  const retention = startEventRetention(db.orm, config.eventRetention, logger);
  // The automation run executor works in this process; shutdown lets its runs finish or requeues them.
  const executor = config.executor.enabled ? new RunExecutor(db.orm, config.executor, logger, createToolRegistry()) : null;

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000 + (executor ? config.executor.shutdownGraceMs : 0));
    timer.unref();
    let code = 0;
    try {
      await app.close();
      await retention.stop();
      await executor?.stop();
      await db.close();
    } catch (err) {
      code = 1;
      logger.error({ err }, 'shutdown failed');
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, resolve);
  });
  executor?.start();
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    ...(app.clientMounted ? [`Atrium portal: ${base}/   back office: ${base}/admin/`] : []),
    `Atrium API ready at ${base}/graphql`,
    `  health: ${base}/healthz  readiness: ${base}/readyz  me: ${base}/api/me`,
    `  database: ${db.embedded ? 'embedded PostgreSQL in ' + config.dataDir : 'DATABASE_URL'}`,
    `  run executor: ${executor ? `${config.executor.concurrency} at a time` : 'off (EXECUTOR_ENABLED=false)'}`,
    `  mail: ${mailTarget(config.mail.smtpUrl, base)}${config.mail.workerEnabled ? '' : ' (worker off: MAIL_WORKER_ENABLED=false)'}`,
  ];
  if (config.seedDemoData) {
    lines.push(`  demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(24)} ${a.note}`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Atrium failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
